using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Fails the build when ilc's object still needs a runtime helper the kernel build does not provide (a GC
/// allocation, a throw), naming each method that needs it (KC9002).
/// </summary>
public sealed class CheckManagedObject : Task
{
    private static readonly HashSet<string> ProvidedHelpers = new(StringComparer.Ordinal)
    {
        "RhpReversePInvoke", "RhpReversePInvokeReturn", "RhpFallbackFailFast",
    };

    [Required] public string ObjectFile { get; set; } = "";
    [Required] public string AssemblyName { get; set; } = "";
    public string StampFile { get; set; } = "";

    public override bool Execute()
    {
        (int nmExit, string undefined) = ProcessRunner.Run("nm", "-u", ObjectFile);
        if (nmExit != 0) { Log.LogError("KernelCrate", "KC9003", null, ObjectFile, 0, 0, 0, 0, $"nm failed on {ObjectFile}: {undefined}"); return false; }
        var missing = undefined.Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith("U ", StringComparison.Ordinal)).Select(l => l.Substring(2).Trim())
            .Where(s => s.StartsWith("Rhp", StringComparison.Ordinal) && !ProvidedHelpers.Contains(s))
            .ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            if (StampFile.Length > 0) File.WriteAllText(StampFile, "ok\n");
            return true;
        }

        (_, string disassembly) = ProcessRunner.Run("objdump", "-dr", "--no-show-raw-insn", ObjectFile);
        foreach ((string function, string helper) in FindCallers(disassembly, missing))
        {
            Log.LogError("KernelCrate", "KC9002", null, null, 0, 0, 0, 0,
                $"'{Demangle(function, AssemblyName)}' {Explain(helper)} ({helper}), which the kernel build does not provide; see the KC1001/KC1003 warnings for the line (docs/rules/KC9002.md)");
        }
        return false;
    }

    public static IEnumerable<(string Function, string Helper)> FindCallers(string disassembly, ISet<string> helpers)
    {
        var seen = new HashSet<(string, string)>();
        string function = "?";
        var header = new Regex(@"^[0-9a-f]+ <(?<name>[^>]+)>:$");
        var relocation = new Regex(@"R_X86_64_\w+\s+(?<symbol>[A-Za-z_][\w]*)");
        foreach (string line in disassembly.Split('\n'))
        {
            Match h = header.Match(line.Trim());
            if (h.Success) { function = h.Groups["name"].Value; continue; }
            Match r = relocation.Match(line);
            if (r.Success && helpers.Contains(r.Groups["symbol"].Value) && seen.Add((function, r.Groups["symbol"].Value)))
                yield return (function, r.Groups["symbol"].Value);
        }
    }

    /// <summary>ilc's "asm_Namespace_Type__Method" symbol as "Namespace.Type.Method".</summary>
    public static string Demangle(string symbol, string assemblyName)
    {
        string prefix = Regex.Replace(assemblyName, @"[^A-Za-z0-9]", "_") + "_";
        string name = symbol.StartsWith(prefix, StringComparison.Ordinal) ? symbol.Substring(prefix.Length) : symbol;
        int split = name.IndexOf("__", StringComparison.Ordinal);
        return split < 0 ? name.Replace('_', '.') : name.Substring(0, split).Replace('_', '.') + "." + name.Substring(split + 2);
    }

    private static string Explain(string helper) =>
        helper.StartsWith("RhpNew", StringComparison.Ordinal) || helper.StartsWith("RhpBox", StringComparison.Ordinal) || helper.Contains("Alloc")
            ? "allocates on the GC heap"
            : helper.Contains("Throw") || helper.Contains("Rethrow")
                ? "throws an exception"
                : "needs a runtime helper";
}
