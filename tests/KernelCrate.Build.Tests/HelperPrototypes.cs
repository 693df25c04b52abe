using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Kernel.Entries;

namespace Kernel.Build.Tests;

/// <summary>
/// The hand-written half of the C/C# boundary checked against itself: every kc_* helper's prototype in kc_helpers.h
/// and its [RuntimeImport] declaration in Backend/Native.Kernel.cs, by arity and by the width of the result and of
/// each parameter (the table's C types give C's widths). Entries need no such check: both of their halves are
/// generated from one row. A result narrower than int is refused on both sides: gcc sets only the low byte of a bool
/// result (<c>sete al</c>) and RyuJIT reads the whole register, so a true may come back false.
/// </summary>
internal static class HelperPrototypes
{
    private static readonly Regex CPrototype = new(@"^(?<returns>[\w\s\*]+?)\s*\b(?<name>kc_\w+)\((?<parameters>[^)]*)\);", RegexOptions.Multiline);
    private static readonly Regex ManagedImport = new(
        @"RuntimeImport\(""\*"", ""(?<name>kc_\w+)""\)\]\s*public static extern (?<returns>[\w\*]+) \w+\((?<parameters>[^)]*)\);");

    private static readonly Dictionary<string, int> ManagedWidths = new(StringComparer.Ordinal)
    {
        ["void"] = 0, ["bool"] = 1, ["byte"] = 1, ["ushort"] = 2, ["int"] = 4, ["uint"] = 4, ["Gfp"] = 4,
        ["nint"] = 8, ["nuint"] = 8, ["long"] = 8, ["ulong"] = 8,
    };

    /// <summary>Each helper's result width, then its parameters' widths.</summary>
    public static Dictionary<string, int[]> FromHeader(string header)
    {
        var helpers = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (Match match in CPrototype.Matches(header))
        {
            string returns = match.Groups["returns"].Value.Replace("__noreturn", "").Trim();
            string parameters = match.Groups["parameters"].Value.Trim();
            IEnumerable<int> widths = parameters is "" or "void"
                ? []
                : parameters.Split(',').Select(p => CParameter.Parse(p.Trim()).Type.Width);
            helpers[match.Groups["name"].Value] = [CType.Parse(returns).Width, .. widths];
        }
        return helpers;
    }

    public static Dictionary<string, int[]> FromManaged(string source)
    {
        var helpers = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (Match match in ManagedImport.Matches(source))
        {
            string parameters = match.Groups["parameters"].Value.Trim();
            IEnumerable<int> widths = parameters.Length == 0
                ? []
                : parameters.Split(',').Select(p => Width(p.Trim().Substring(0, p.Trim().LastIndexOf(' '))));
            helpers[match.Groups["name"].Value] = [Width(match.Groups["returns"].Value), .. widths];
        }
        return helpers;
    }

    /// <summary>Every disagreement, in words; empty when both sides agree.</summary>
    public static List<string> Mismatches(string header, string managedSource)
    {
        Dictionary<string, int[]> c = FromHeader(header), managed = FromManaged(managedSource);
        var problems = new List<string>();
        foreach (string name in managed.Keys.Except(c.Keys)) problems.Add($"{name}: imported by C# but has no prototype in kc_helpers.h");
        foreach (string name in c.Keys.Except(managed.Keys)) problems.Add($"{name}: declared in kc_helpers.h but not imported by C#");
        foreach (string name in c.Keys.Intersect(managed.Keys))
        {
            int[] left = c[name], right = managed[name];
            if (left[0] is > 0 and < 4)
                problems.Add($"{name}: the result is {left[0]} byte{(left[0] == 1 ? "" : "s")} in C, which leaves the rest of the register undefined while C# reads all of it: return int");
            if (left.Length != right.Length)
                problems.Add($"{name}: C takes {left.Length - 1} parameters, C# {right.Length - 1}");
            else
                for (int i = 0; i < left.Length; i++)
                    if (left[i] != right[i])
                        problems.Add($"{name}: {(i == 0 ? "the result" : "parameter " + i)} is {left[i]} bytes in C, {right[i]} in C#");
        }
        return problems;
    }

    private static int Width(string managedType)
        => managedType.EndsWith("*", StringComparison.Ordinal) ? 8
            : ManagedWidths.TryGetValue(managedType, out int width) ? width
            : throw new FormatException($"'{managedType}' has no width this check knows: add it");
}
