using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Kernel.Build;

/// <summary>One [assembly: ModuleParameterInfo]: the plain facts the [ModuleParameter] generator wrote.</summary>
public sealed record ModuleParameter(string Name, string Type, int Permissions, string[] Defaults, string? Description, int MaxLength);

/// <summary>
/// params.c: each parameter as C declares it (module_param_named / module_param_array_named, MODULE_PARM_DESC, so
/// modinfo shows parm= and parmtype=) and the getter the generated property calls, kc_param_&lt;name&gt;. Scalars
/// are read with READ_ONCE: a sysfs write replaces them with one aligned store.
/// </summary>
public static class ModuleParameterSource
{
    private static readonly Dictionary<string, string> CTypes = new()
    {
        ["bool"] = "bool", ["byte"] = "unsigned char", ["short"] = "short", ["ushort"] = "unsigned short",
        ["int"] = "int", ["uint"] = "unsigned int", ["long"] = "long", ["ulong"] = "unsigned long", ["charp"] = "char *",
    };

    public static string Render(IEnumerable<ModuleParameter> parameters)
    {
        var text = new StringBuilder("// SPDX-License-Identifier: GPL-2.0\n/* Generated from [ModuleParameter] by the KernelCrate build. */\n#include <linux/moduleparam.h>\n#include <linux/module.h>\n");
        foreach (ModuleParameter parameter in parameters)
        {
            string cType = CTypes[parameter.Type];
            string variable = "kc_param_value_" + parameter.Name;
            string mode = "0" + System.Convert.ToString(parameter.Permissions, 8);
            text.Append('\n');
            if (parameter.MaxLength > 0)
            {
                string values = string.Join(", ", parameter.Defaults.Select(d => Constant(parameter.Type, d)));
                text.Append($"static {cType} {variable}[{parameter.MaxLength}] = {{ {values} }};\n");
                text.Append($"static unsigned int {variable}_count = {parameter.Defaults.Length};\n");
                text.Append($"module_param_array_named({parameter.Name}, {variable}, {parameter.Type}, &{variable}_count, {mode});\n");
                text.Append($"const void *kc_param_{parameter.Name}(unsigned int *count);\n");
                text.Append($"const void *kc_param_{parameter.Name}(unsigned int *count)\n{{\n\t*count = READ_ONCE({variable}_count);\n\treturn {variable};\n}}\n");
            }
            else if (parameter.Type == "charp")
            {
                string initial = parameter.Defaults.Length == 0 ? "NULL" : CString(parameter.Defaults[0]);
                text.Append($"static char *{variable} = {initial};\n");
                text.Append($"module_param_named({parameter.Name}, {variable}, charp, {mode});\n");
                text.Append($"const char *kc_param_{parameter.Name}(void);\n");
                text.Append($"const char *kc_param_{parameter.Name}(void)\n{{\n\treturn {variable} ? {variable} : \"\";\n}}\n");
            }
            else
            {
                string initial = parameter.Defaults.Length == 0 ? "0" : Constant(parameter.Type, parameter.Defaults[0]);
                string wide = parameter.Type is "byte" or "ushort" or "uint" or "ulong" ? "unsigned long" : "long";
                text.Append($"static {cType} {variable} = {initial};\n");
                text.Append($"module_param_named({parameter.Name}, {variable}, {parameter.Type}, {mode});\n");
                text.Append($"{wide} kc_param_{parameter.Name}(void);\n");
                text.Append($"{wide} kc_param_{parameter.Name}(void)\n{{\n\treturn READ_ONCE({variable});\n}}\n");
            }
            if (parameter.Description is not null)
                text.Append($"MODULE_PARM_DESC({parameter.Name}, {CString(parameter.Description)});\n");
        }
        return text.ToString();
    }

    /// <summary>A C constant of the parameter's type from the generator's decimal (or true/false) text.</summary>
    public static string Constant(string type, string value)
    {
        if (type == "bool") return value;
        if (type is "byte" or "ushort" or "uint" or "ulong") return value + "UL";
        long number = long.Parse(value, CultureInfo.InvariantCulture);
        // -9223372036854775808 is not a C constant (its digits overflow long before the minus applies).
        return number == long.MinValue ? "(-9223372036854775807L - 1)" : value + "L";
    }

    /// <summary>A C string literal: printable ASCII as is, everything else (UTF-8 bytes included) as octal escapes.</summary>
    public static string CString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (b == '"' || b == '\\') text.Append('\\').Append((char)b);
            else if (b >= 0x20 && b < 0x7f && b != '?') text.Append((char)b);
            else text.Append('\\').Append(System.Convert.ToString(b, 8).PadLeft(3, '0'));
        }
        return text.Append('"').ToString();
    }
}
