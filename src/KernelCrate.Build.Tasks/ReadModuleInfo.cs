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
/// that places each "key=value\0" entry in the .modinfo section; and the [assembly: ModuleParameterInfo] the
/// parameter generator wrote into params.c (<see cref="ModuleParameterSource"/>).
/// </summary>
public sealed class ReadModuleInfo : KernelCrateTask
{
    [Required] public string Assembly { get; set; } = "";
    [Required] public string ModInfoSource { get; set; } = "";
    [Required] public string ModuleNameFile { get; set; } = "";
    [Required] public string ParametersSource { get; set; } = "";

    public override bool Execute()
    {
        ModuleInfo? info = Read(Assembly);
        if (info is null)
        {
            Log.Error(BuildDiagnostics.NoModule, Assembly, "no [Module] declaration in this project, so there is no module to build");
            return false;
        }
        // Written every time the target runs (only when the assembly changed): fresh timestamps keep it incremental.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ModInfoSource))!);
        File.WriteAllText(ModInfoSource, ModInfoAssembly(info.Entries));
        File.WriteAllText(ParametersSource, ModuleParameterSource.Render(info.Parameters));
        File.WriteAllText(ModuleNameFile, info.Name + "\n");
        return true;
    }

    public sealed record ModuleInfo(string Name, string[] Entries, ModuleParameter[] Parameters);

    public static ModuleInfo? Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        (string Name, string[] Entries)? module = null;
        var parameters = new List<ModuleParameter>();
        var aliases = new List<string>();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
            TypeReference type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Namespace) != "Kernel") continue;
            string typeName = reader.GetString(type.Name);
            if (typeName is not ("ModuleInfoAttribute" or "ModuleParameterInfoAttribute" or "ModuleAliasInfoAttribute")) continue;
            var arguments = attribute.DecodeValue(new StringOnlyTypeProvider()).FixedArguments;
            if (typeName == "ModuleAliasInfoAttribute")
                aliases.Add("alias=" + (string)arguments[0].Value!);
            else if (typeName == "ModuleInfoAttribute")
                module = ((string)arguments[0].Value!, Strings(arguments[1]));
            else
                parameters.Add(new ModuleParameter((string)arguments[0].Value!, (string)arguments[1].Value!, (int)arguments[2].Value!,
                    Strings(arguments[3]), (string?)arguments[4].Value, (int)arguments[5].Value!));
        }
        return module is { } m ? new ModuleInfo(m.Name, [.. m.Entries, .. aliases], parameters.ToArray()) : null;
    }

    private static string[] Strings(CustomAttributeTypedArgument<string> argument)
        => ((IEnumerable<CustomAttributeTypedArgument<string>>)argument.Value!).Select(e => (string)e.Value!).ToArray();

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
