using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Kernel.Entries;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Every check of ilc's object, from one reading of it: no runtime helper the kernel build does not provide (a GC
/// allocation, a throw: KC9002); no indirect call or jump and no managed function whose address is taken (an IBT
/// kernel faults on an indirect branch into code without ENDBR64: KC9008). It then writes kc_config.h for kbuild:
/// the C helpers the managed code calls (KC_USES_*) and, for each managed entry point, whether any code it reaches
/// names a SIMD register, so C runs it inside the FPU section (KC_FPU_*), and the C side of the entries it exports
/// (<see cref="EntrySources"/>). An entry the table does not know, or a helper used without the entry it needs (a
/// sysctl without its handler), is KC9010; an entry that runs in softirq or hardirq context and reaches SIMD code, KC9011.
/// </summary>
public sealed class CheckManagedObject : KernelCrateTask
{
    private static readonly HashSet<string> ProvidedHelpers = new(StringComparer.Ordinal)
    {
        "RhpReversePInvoke", "RhpReversePInvokeReturn", "RhpFallbackFailFast",
    };

    [Required] public string ObjectFile { get; set; } = "";
    [Required] public string AssemblyName { get; set; } = "";
    /// <summary>The IL assembly ilc compiled (its PDB beside it): each finding is reported at its method's C# line.</summary>
    public string Assembly { get; set; } = "";
    [Required] public string ConfigHeader { get; set; } = "";
    /// <summary>The architecture's folder under Native/arch (the kernel's SRCARCH): whose thunk macro kc_thunks.S uses.</summary>
    public string Arch { get; set; } = "x86";
    public string StampFile { get; set; } = "";

    public override bool Execute()
    {
        (int dumpExit, string dump) = ProcessRunner.Run("objdump", "-t", "-dr", "--no-show-raw-insn", ObjectFile);
        (int relocExit, string relocations) = ProcessRunner.Run("objdump", "-r", ObjectFile);
        if (dumpExit != 0 || relocExit != 0)
        {
            Log.Error(BuildDiagnostics.IlcCannotCompile, ObjectFile, $"objdump cannot read {ObjectFile} (install binutils): {dump}{relocations}".Trim());
            return false;
        }
        ManagedObject managed = ManagedObject.Parse(dump, relocations);
        MethodSources sources = MethodSources.Read(Assembly);
        foreach (Finding finding in Findings(managed, AssemblyName))
        {
            var at = sources.Find(finding.Method);
            Log.Error(finding.Id, at?.File, finding.Message, at?.Line ?? 0, at?.Column ?? 0);
        }
        if (Log.HasLoggedErrors) return false;

        if (managed.Funclets.Count > 0)
        {
            (int exit, string output) = ProcessRunner.Run("objcopy", FuncletSymbols.ObjcopyArguments(managed.Funclets, ObjectFile).ToArray());
            if (exit != 0 || FuncletSymbols.WriteSizes(ObjectFile, managed.Funclets) != managed.Funclets.Count)
            {
                Log.Error(BuildDiagnostics.IlcCannotCompile, ObjectFile, $"could not give ilc's funclets their symbols for objtool: {output}".Trim());
                return false;
            }
        }

        // Written whenever the target runs (only when the object changed): fresh timestamps keep it incremental.
        File.WriteAllText(ConfigHeader, ConfigHeaderText(managed));
        string directory = Path.GetDirectoryName(Path.GetFullPath(ConfigHeader))!;
        var entries = EntrySources.Exported(managed.EntryPoints.Keys);
        File.WriteAllText(Path.Combine(directory, EntrySources.Header), EntrySources.HeaderText(entries));
        File.WriteAllText(Path.Combine(directory, EntrySources.Thunks), EntrySources.ThunksText(entries, Arch));
        if (StampFile.Length > 0) File.WriteAllText(StampFile, "ok\n");
        return true;
    }

    /// <summary>One problem in ilc's object; Method: the managed method it is in, as <see cref="Demangle"/> prints it.</summary>
    public sealed record Finding(string Id, string Message, string? Method)
    {
        public void Deconstruct(out string id, out string message) => (id, message) = (Id, Message);
    }

    public static IEnumerable<Finding> Findings(ManagedObject managed, string assemblyName)
    {
        foreach (string helper in managed.Undefined.Where(s => s.StartsWith("Rhp", StringComparison.Ordinal) && !ProvidedHelpers.Contains(s)))
            foreach (string function in managed.Referrers(helper))
            {
                string method = Demangle(function, assemblyName);
                yield return new(BuildDiagnostics.RuntimeHelperNeeded,
                    $"'{method}' {Explain(helper)} ({helper}), which the kernel build does not provide; see the KC1001/KC1003 warnings for the line", method);
            }
        foreach (string entry in managed.EntryPoints.Keys.Where(e => e.StartsWith("kc_", StringComparison.Ordinal) && EntryPoints.Find(e) is null))
            yield return new(BuildDiagnostics.EntryPointMismatch,
                $"the object exports '{entry}', which is not in KernelCrate's table of entry points, so no C code calls it: name the [UnmanagedCallersOnly] entry another way (without the kc_ prefix) or add its row to the table", null);
        foreach (EntryPoint entry in EntryPoints.All.Where(e => e.RequiredBy is not null && managed.Undefined.Contains(e.RequiredBy) && !managed.EntryPoints.ContainsKey(e.Symbol)))
            foreach (string function in managed.Referrers(entry.RequiredBy!))
            {
                string method = Demangle(function, assemblyName);
                yield return new(BuildDiagnostics.EntryPointMismatch,
                    $"'{method}' calls {entry.RequiredBy}, whose kernel object calls back into '{entry.Symbol}', but the module does not export it: the generator emits it when the module's source names the type that registers it (see the doc page)", method);
            }
        foreach (EntryPoint entry in EntryPoints.All.Where(e => e.Context is EntryContext.Softirq or EntryContext.Hardirq && managed.EntryPoints.ContainsKey(e.Symbol)))
            if (managed.SimdReachableFrom(entry.Symbol) is { } simd)
            {
                string method = Demangle(simd, assemblyName);
                yield return new(BuildDiagnostics.SimdInAtomicEntry,
                    $"'{method}' names a SIMD register and is reached from '{entry.Symbol}', which runs in {entry.Context.ToString().ToLowerInvariant()} context, where the FPU section could clobber an interrupted kernel FPU user: copy or zero less than 16 bytes at a time there (a struct of 16 bytes or more is copied with xmm registers), or move the work to a work item", method);
            }
        foreach (ManagedFunction function in managed.Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            string method = Demangle(function.Name, assemblyName);
            foreach (string jump in function.IndirectJumps.Distinct())
                yield return new(BuildDiagnostics.IndirectBranch,
                    $"'{method}' has an indirect jump ({jump}), which is how a switch over dense cases compiles (a jump table); an IBT kernel faults on it: write the switch as if/else or a lookup in a ReadOnlySpan", method);
            foreach (string call in function.IndirectCalls.Distinct())
                yield return new(BuildDiagnostics.IndirectBranch,
                    $"'{method}' has an indirect call ({call}): a virtual or interface call on a class, a delegate or a function pointer; an IBT kernel faults on it: call the method directly (generic struct constraints dispatch statically)", method);
        }
        foreach ((string function, string where) in managed.AddressTaken.Distinct())
        {
            string? method = where.StartsWith("data", StringComparison.Ordinal) ? null : Demangle(where, assemblyName);
            yield return new(BuildDiagnostics.IndirectBranch,
                $"the address of '{Demangle(function, assemblyName)}' is taken ({(method is null ? where : "in '" + method + "'")}), so something would call it indirectly; an IBT kernel faults on that: call it directly, or let KernelCrate's C side own the callback", method);
        }
    }

    public static string ConfigHeaderText(ManagedObject managed)
    {
        var text = new StringBuilder("/* Generated by the KernelCrate build from the managed object: do not edit. */\n");
        foreach (string helper in managed.Undefined.Where(s => s.StartsWith("kc_", StringComparison.Ordinal)))
            text.Append("#define KC_USES_").Append(helper).Append(" 1\n");
        foreach (string entry in managed.EntryPoints.Keys.Where(e => e.StartsWith("kc_", StringComparison.Ordinal)))
        {
            string? simd = EntryPoints.Find(entry)?.AlwaysInFpu == true ? "(always)" : managed.SimdReachableFrom(entry);
            text.Append("/* ").Append(entry).Append(": ").Append(managed.Reach(entry).Count).Append(" functions reachable; ")
                .Append(simd is null ? "none names a SIMD register" : "SIMD in " + simd).Append(" */\n");
            text.Append("#define KC_FPU_").Append(entry).Append(simd is null ? " 0\n" : " 1\n");
        }
        return text.ToString();
    }

    /// <summary>ilc's "Assembly_Namespace_Type__Method" symbol as "Namespace.Type.Method".</summary>
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
