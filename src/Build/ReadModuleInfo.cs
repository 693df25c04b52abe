using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Reads the [assembly: ModuleInfo] the [Module] generator wrote and turns it into the module name and a modinfo.S
/// that places each "key=value\0" entry in the .modinfo section.
/// </summary>
public sealed class ReadModuleInfo : KernelCrateTask
{
    [Required] public string Assembly { get; set; } = "";
    [Required] public string ModInfoSource { get; set; } = "";
    [Required] public string ModuleNameFile { get; set; } = "";

    public override bool Execute()
    {
        (string Name, string[] Entries)? info = Read(Assembly);
        if (info is null)
        {
            Log.Error(BuildDiagnostics.NoModule, Assembly, "no [Module] declaration in this project, so there is no module to build");
            return false;
        }
        // Written every time the target runs (only when the assembly changed): fresh timestamps keep it incremental.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ModInfoSource))!);
        File.WriteAllText(ModInfoSource, ModInfoAssembly(info.Value.Entries));
        File.WriteAllText(ModuleNameFile, info.Value.Name + "\n");
        return true;
    }

    public static (string Name, string[] Entries)? Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
            TypeReference type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Namespace) != "Kernel" || reader.GetString(type.Name) != "ModuleInfoAttribute") continue;
            CustomAttributeValue<string> value = attribute.DecodeValue(new StringOnlyTypeProvider());
            string name = (string)value.FixedArguments[0].Value!;
            var entries = ((IEnumerable<CustomAttributeTypedArgument<string>>)value.FixedArguments[1].Value!)
                .Select(e => (string)e.Value!).ToArray();
            return (name, entries);
        }
        return null;
    }

    /// <summary>Each entry as .byte values: no assembler escaping rules to get wrong.</summary>
    public static string ModInfoAssembly(IEnumerable<string> entries)
    {
        var text = new StringBuilder("/* Generated from [Module] by the KernelCrate build. */\n.section .modinfo,\"a\"\n");
        foreach (string entry in entries)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(entry + "\0");
            text.Append("\t/* ").Append(entry.Replace("*/", "* /")).Append(" */\n");
            text.Append("\t.byte ").Append(string.Join(",", bytes)).Append('\n');
        }
        return text.ToString();
    }

    private sealed class StringOnlyTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "";
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => "";
        public string GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";
    }
}
