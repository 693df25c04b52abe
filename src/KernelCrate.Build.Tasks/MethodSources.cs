using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Kernel.Build;

/// <summary>
/// Where each method of the module's IL assembly starts in its C# source (the first sequence point of its portable
/// PDB), found by the name the object check prints ("Namespace.Type.Method", generic arguments dropped), so a KC9002
/// or KC9008 points at the method's own line instead of the build's targets file.
/// </summary>
public sealed class MethodSources
{
    private static readonly Regex GenericPart = new(@"<[^<>]*>|`\d+");
    private readonly Dictionary<string, (string File, int Line, int Column)> starts;

    private MethodSources(Dictionary<string, (string, int, int)> starts) => this.starts = starts;

    public static readonly MethodSources None = new(new Dictionary<string, (string, int, int)>());

    /// <summary>The assembly's methods with a source line; <see cref="None"/> when it or its PDB cannot be read.</summary>
    public static MethodSources Read(string assemblyPath)
    {
        if (assemblyPath.Length == 0) return None;
        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(assemblyPath) || !File.Exists(pdbPath)) return None;
        try
        {
            using var peStream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(peStream);
            MetadataReader metadata = pe.GetMetadataReader();
            using var pdbStream = File.OpenRead(pdbPath);
            using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
            MetadataReader pdb = provider.GetMetadataReader();
            var starts = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
            foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
            {
                if (FirstLine(pdb, handle) is not { } point) continue;
                MethodDefinition method = metadata.GetMethodDefinition(handle);
                string key = Key(TypeName(metadata, method.GetDeclaringType()) + "." + metadata.GetString(method.Name));
                if (!starts.ContainsKey(key))
                    starts[key] = (pdb.GetString(pdb.GetDocument(point.Document).Name), point.StartLine, point.StartColumn);
            }
            return new MethodSources(starts);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            return None;
        }
    }

    private static SequencePoint? FirstLine(MetadataReader pdb, MethodDefinitionHandle method)
    {
        foreach (SequencePoint point in pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
            if (!point.IsHidden) return point;
        return null;
    }

    /// <summary>The source start of a method named as <see cref="CheckManagedObject.Demangle"/> prints it, or null.</summary>
    public (string File, int Line, int Column)? Find(string? method)
        => method is not null && starts.TryGetValue(Key(method), out var start) ? start : null;

    // ilc's symbols spell both '.' and '_' as '_', so the demangled name cannot tell them apart: neither does the key.
    // Generic arguments go from the innermost out (Kept<Box<Int32>>).
    private static string Key(string name)
    {
        for (string shorter; (shorter = GenericPart.Replace(name, "")) != name; name = shorter) { }
        return name.Replace('_', '.');
    }

    private static string TypeName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        TypeDefinition type = metadata.GetTypeDefinition(handle);
        string name = metadata.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil) return TypeName(metadata, outer) + "." + name;
        string ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
