using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Kernel.Build;

/// <summary>One function of ilc's code (section __managedcode), as its disassembly shows it.</summary>
public sealed class ManagedFunction(string name)
{
    public string Name { get; } = name;
    public bool UsesSimd { get; set; }
    /// <summary>Functions it calls or jumps to directly, in this object or not.</summary>
    public HashSet<string> Callees { get; } = new(StringComparer.Ordinal);
    /// <summary>Symbols it refers to through relocations (helpers it calls, data it reads).</summary>
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);
    /// <summary>Indirect calls and jumps: the instruction text.</summary>
    public List<string> IndirectCalls { get; } = [];
    public List<string> IndirectJumps { get; } = [];
}

/// <summary>
/// ilc's object read once (`objdump -t -dr` and `objdump -r`): its functions, what each calls and refers to, which
/// use SIMD registers or branch indirectly, which have their address taken, its entry points and undefined symbols.
/// </summary>
public sealed class ManagedObject
{
    public const string CodeSection = "__managedcode";

    private static readonly Regex SymbolLine = new(@"^(?<value>[0-9a-f]+) (?<flags>.{7}) (?<section>\S+)\s+(?<size>[0-9a-f]+)\s+(?<rest>.*)$");
    private static readonly Regex FunctionHeader = new(@"^(?<address>[0-9a-f]+) <(?<name>.+)>:$");
    private static readonly Regex Instruction = new(@"^\s+(?<address>[0-9a-f]+):\t(?<text>.*)$");
    private static readonly Regex Relocation = new(@"^\s+[0-9a-f]+: R_X86_64_\w+\s+(?<symbol>\S+)$");
    private static readonly Regex DataRelocation = new(@"^[0-9a-f]+ R_X86_64_\w+\s+(?<symbol>\S+)$");
    private static readonly Regex Branch = new(@"^(?<op>call|jmp)[a-z]*\s+(?<operand>.*)$");
    private static readonly Regex Annotation = new(@"(?:^|\s)[0-9a-f]+ <(?<target>.+)>$");
    private static readonly Regex Offset = new(@"\+0x[0-9a-f]+$");
    private static readonly Regex Simd = new(@"%[xyz]mm\d");
    private static readonly Regex Addend = new(@"^(?<name>.+?)(?<addend>[-+]0x[0-9a-f]+)?$");
    private static readonly Regex IntraCall = new(@"^call\s+(?<target>[0-9a-f]+) <(?<name>.+)\+0x[0-9a-f]+>$");

    public Dictionary<string, ManagedFunction> Functions { get; } = new(StringComparer.Ordinal);
    /// <summary>Exported managed functions ([UnmanagedCallersOnly(EntryPoint = ...)]), what C may call, with the
    /// function each names (the exported name is an alias of ilc's own).</summary>
    public SortedDictionary<string, string> EntryPoints { get; } = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _exportedAt = new(StringComparer.Ordinal);
    /// <summary>Where the code section's last function ends (its symbol's value plus size).</summary>
    private long _codeEnd;
    public SortedSet<string> Undefined { get; } = new(StringComparer.Ordinal);
    /// <summary>Managed functions whose address is taken, and where: only an indirect call could use it.</summary>
    public List<(string Function, string Where)> AddressTaken { get; } = [];
    /// <summary>
    /// The code ilc calls inside a function (a finally funclet, called on an early exit from a try): each target's
    /// offset in the code section and its length up to the next function or funclet. objtool needs a function
    /// symbol at such a target, or it stops (an "unannotated intra-function call", and 6.12's objtool run on the
    /// linked module then writes none of the module's return, retpoline and call sites).
    /// </summary>
    public SortedDictionary<long, long> Funclets { get; } = new();

    public static ManagedObject Parse(string symbolsAndDisassembly, string relocations)
    {
        var result = new ManagedObject();
        var functionAt = new Dictionary<long, string>();
        var addressTakers = new List<(string Target, string Where)>();
        var intraTargets = new SortedSet<long>();
        string? section = null;
        ManagedFunction? current = null;
        bool branchPending = false;
        long? pendingIntra = null;
        foreach (string raw in symbolsAndDisassembly.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (pendingIntra is { } intraTarget && !Relocation.IsMatch(line)) intraTargets.Add(intraTarget);
            pendingIntra = null;
            if (line.StartsWith("Disassembly of section ", StringComparison.Ordinal))
            {
                section = line.Substring("Disassembly of section ".Length).TrimEnd(':');
                current = null;
                continue;
            }
            if (section is null)
            {
                ReadSymbol(result, line);
                continue;
            }
            if (section != CodeSection) continue;
            Match header = FunctionHeader.Match(line);
            if (header.Success)
            {
                current = new ManagedFunction(header.Groups["name"].Value);
                result.Functions[current.Name] = current;
                functionAt[Convert.ToInt64(header.Groups["address"].Value, 16)] = current.Name;
                branchPending = false;
                continue;
            }
            if (current is null) continue;
            Match relocation = Relocation.Match(line);
            if (relocation.Success)
            {
                string target = StripAddend(relocation.Groups["symbol"].Value, out bool atStart);
                if (branchPending && atStart) current.Callees.Add(target);
                else if (atStart) addressTakers.Add((target, current.Name));
                current.References.Add(target);
                branchPending = false;
                continue;
            }
            Match instruction = Instruction.Match(line);
            if (!instruction.Success) continue;
            string text = instruction.Groups["text"].Value;
            branchPending = false;
            if (Simd.IsMatch(text)) current.UsesSimd = true;
            Match annotation = Annotation.Match(text);
            string? annotated = annotation.Success && !Offset.IsMatch(annotation.Groups["target"].Value) ? annotation.Groups["target"].Value : null;
            Match branch = Branch.Match(text);
            // A call to an offset in its own function, unless a relocation follows (a call not yet linked shows so).
            if (branch.Success && branch.Groups["op"].Value == "call" && IntraCall.Match(text) is { Success: true } intra
                && intra.Groups["name"].Value == current.Name)
                pendingIntra = Convert.ToInt64(intra.Groups["target"].Value, 16);
            if (branch.Success)
            {
                if (branch.Groups["operand"].Value.StartsWith("*", StringComparison.Ordinal))
                    (branch.Groups["op"].Value == "call" ? current.IndirectCalls : current.IndirectJumps).Add(Regex.Replace(text.Trim(), @"\s+", " "));
                else if (annotated is not null) current.Callees.Add(annotated);
                else branchPending = true;
            }
            else if (annotated is not null && text.Contains('#'))
                addressTakers.Add((annotated, current.Name));
        }

        long[] starts = functionAt.Keys.Concat(intraTargets).Concat(new[] { result._codeEnd }).Distinct().OrderBy(a => a).ToArray();
        foreach (long target in intraTargets)
        {
            long next = starts.FirstOrDefault(a => a > target);
            if (next > target) result.Funclets[target] = next - target;
        }
        foreach (KeyValuePair<string, long> export in result._exportedAt)
            result.EntryPoints[export.Key] = functionAt.TryGetValue(export.Value, out string? function) ? function : export.Key;
        foreach ((string target, string where) in DataReferences(relocations, functionAt)) addressTakers.Add((target, where));
        foreach ((string target, string where) in addressTakers)
            if (result.Functions.ContainsKey(target)) result.AddressTaken.Add((target, where));
        return result;
    }

    private static void ReadSymbol(ManagedObject result, string line)
    {
        Match symbol = SymbolLine.Match(line);
        if (!symbol.Success) return;
        string rest = symbol.Groups["rest"].Value.Trim();
        string name = rest.Split(' ').Last();
        string flags = symbol.Groups["flags"].Value;
        if (symbol.Groups["section"].Value == CodeSection)
            result._codeEnd = Math.Max(result._codeEnd, Convert.ToInt64(symbol.Groups["value"].Value, 16) + Convert.ToInt64(symbol.Groups["size"].Value, 16));
        if (symbol.Groups["section"].Value == "*UND*") result.Undefined.Add(name);
        else if (symbol.Groups["section"].Value == CodeSection && flags.Contains('g') && flags.Contains('F') && !rest.StartsWith(".hidden", StringComparison.Ordinal))
            result._exportedAt[name] = Convert.ToInt64(symbol.Groups["value"].Value, 16);
    }

    /// <summary>Relocations in data sections that point at a managed function: a vtable, a function pointer.</summary>
    private static IEnumerable<(string Target, string Where)> DataReferences(string relocations, Dictionary<long, string> functionAt)
    {
        string? section = null;
        foreach (string raw in relocations.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("RELOCATION RECORDS FOR [", StringComparison.Ordinal))
            {
                section = line.Substring("RELOCATION RECORDS FOR [".Length).TrimEnd(':').TrimEnd(']');
                continue;
            }
            if (section is null || section.Contains(CodeSection) || section.Contains("eh_frame")) continue;
            Match data = DataRelocation.Match(line);
            if (!data.Success) continue;
            string symbol = data.Groups["symbol"].Value;
            if (symbol.StartsWith(CodeSection + "+0x", StringComparison.Ordinal))
            {
                if (functionAt.TryGetValue(Convert.ToInt64(symbol.Substring(CodeSection.Length + 3), 16), out string? at)) yield return (at, "data in " + section);
            }
            else if (!symbol.Contains('+') && !symbol.Contains('-')) yield return (symbol, "data in " + section);
        }
    }

    /// <summary>"name-0x4" (a call's PC-relative addend) is "name"; atStart is false for "name+0x1a".</summary>
    private static string StripAddend(string symbol, out bool atStart)
    {
        Match m = Addend.Match(symbol);
        string addend = m.Groups["addend"].Value;
        atStart = addend.Length == 0 || addend == "-0x4";
        return m.Groups["name"].Value;
    }

    /// <summary>Every managed function reachable from <paramref name="entry"/> by direct calls and jumps.</summary>
    public IReadOnlyCollection<string> Reach(string entry)
    {
        if (EntryPoints.TryGetValue(entry, out string? aliased)) entry = aliased;
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry };
        var queue = new Queue<string>([entry]);
        while (queue.Count > 0)
            if (Functions.TryGetValue(queue.Dequeue(), out ManagedFunction? function))
                foreach (string callee in function.Callees)
                    if (Functions.ContainsKey(callee) && seen.Add(callee)) queue.Enqueue(callee);
        return seen;
    }

    /// <summary>A function reachable from the entry that names a SIMD register, or null.</summary>
    public string? SimdReachableFrom(string entry)
        => Reach(entry).Where(f => Functions.TryGetValue(f, out ManagedFunction? fn) && fn.UsesSimd).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The managed functions that refer to <paramref name="symbol"/>.</summary>
    public IEnumerable<string> Referrers(string symbol)
        => Functions.Values.Where(f => f.References.Contains(symbol)).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal);
}
