using System.Collections.Immutable;
using System.Diagnostics;
using AnalyzerBench;
using Kernel.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// AnalyzerBench <KernelCrate.dll> [units] [runs]   |   AnalyzerBench --write-corpus <dir> <units>
// Prints the compile time of a generated module, the time KernelCrate's generators and analyzers add to it (as a
// fraction), per-rule times, and the generators' cached-step ratio after an unrelated edit.
if (args.Length == 3 && args[0] == "--write-corpus")
{
    // The same corpus as files of a module project, for timing a real `dotnet build`.
    (string[] files, int count) = Corpus.Build(int.Parse(args[2]));
    Directory.CreateDirectory(args[1]);
    for (int i = 0; i < files.Length; i++) File.WriteAllText(Path.Combine(args[1], $"Unit{i}.cs"), files[i]);
    Console.WriteLine($"wrote {files.Length} files, {count} lines");
    return;
}
string corelib = args[0];
int units = args.Length > 1 ? int.Parse(args[1]) : 1000;
int runs = args.Length > 2 ? int.Parse(args[2]) : 5;
(string[] sources, int lines) = Corpus.Build(units);
var parseOptions = new CSharpParseOptions(LanguageVersion.Preview).WithFeatures([new("InterceptorsNamespaces", Kernel.Generators.GeneratedCode.Namespace)]);
var references = new[] { MetadataReference.CreateFromFile(corelib) };
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release);
ImmutableArray<DiagnosticAnalyzer> analyzers = Kernel.Testing.KernelCrateAnalyzers.All();
// Runs first: a do-nothing operation analyzer, so the cost of building IOperation trees shows on its own line.
analyzers = analyzers.Insert(0, new OperationTreeBaseline());
var analyzerOptions = new AnalyzerOptions([], new Kernel.Testing.GlobalAnalyzerOptions(("build_property.KernelModule", "true")));
Console.WriteLine($"corpus: {lines} lines in {sources.Length} files (generated from the OxiMod patterns: {units} device units)");

CSharpCompilation Fresh() => CSharpCompilation.Create("bigmod",
    sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/big/Unit{i}.cs")), references, options);

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
    Kernel.Testing.KernelCrateAnalyzers.Generators(),
    parseOptions: parseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

var compileTimes = new List<double>();
var generatorTimes = new List<double>();
var analyzerTimes = new List<double>();
var perRule = new Dictionary<string, List<double>>();
for (int run = 0; run < runs + 1; run++)
{
    // The compile: parse, bind, emit (what csc does without analyzers or generators).
    var clock = Stopwatch.StartNew();
    CSharpCompilation compilation = Fresh();
    var generated = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation withGenerated, out _);
    var timing = generated.GetTimingInfo();
    double generators = timing.ElapsedTime.TotalMilliseconds;
    if (run > 0) foreach (var g in timing.GeneratorTimes)
        (perRule.TryGetValue(g.Generator.GetGeneratorType().Name, out var gl) ? gl : perRule[g.Generator.GetGeneratorType().Name] = []).Add(g.ElapsedTime.TotalMilliseconds);
    clock.Restart();
    CSharpCompilation plain = Fresh();
    using (var sink = new MemoryStream())
    {
        var emit = withGenerated.Emit(sink);
        if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
    }
    double compile = clock.Elapsed.TotalMilliseconds;

    var withAnalyzers = withGenerated.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    double analyzersTotal = 0;
    foreach (DiagnosticAnalyzer analyzer in analyzers)
    {
        double ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        if (analyzer is not OperationTreeBaseline) analyzersTotal += ms;
        if (run > 0) (perRule.TryGetValue(analyzer.GetType().Name, out var list) ? list : perRule[analyzer.GetType().Name] = []).Add(ms);
    }
    if (run == 0)
    {
        Console.WriteLine($"warm-up run: {diagnostics.Length} diagnostics (expected 0: the corpus is clean)");
        continue;
    }
    compileTimes.Add(compile);
    generatorTimes.Add(generators);
    analyzerTimes.Add(analyzersTotal);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
double compileMs = Median(compileTimes), generatorMs = Median(generatorTimes), analyzerMs = Median(analyzerTimes);
Console.WriteLine($"compile (parse+bind+emit): {compileMs:F0} ms (median of {runs})");
Console.WriteLine($"generators: {generatorMs:F0} ms = {generatorMs / compileMs:P1} of compile");
Console.WriteLine($"analyzers: {analyzerMs:F0} ms = {analyzerMs / compileMs:P1} of compile (the IOperation baseline below is not counted)");
Console.WriteLine($"analyzers+generators: {(analyzerMs + generatorMs) / compileMs:P1} of compile");
foreach (var (rule, times) in perRule.OrderByDescending(r => Median(r.Value)))
    Console.WriteLine($"  {rule}: {Median(times):F1} ms");

// Incremental: a second run after an unrelated edit (one method body in one unit).
GeneratorDriver driver = NewDriver().RunGenerators(Fresh());
CSharpCompilation baseline = Fresh();
driver = NewDriver().RunGenerators(baseline);
SyntaxTree target = baseline.SyntaxTrees.Last();
CSharpCompilation edited = baseline.ReplaceSyntaxTree(target, target.WithChangedText(
    Microsoft.CodeAnalysis.Text.SourceText.From(target.GetText().ToString().Replace("scaled ^= 0x5a", "scaled ^= 0x5b"))));
var incrementalClock = Stopwatch.StartNew();
driver = driver.RunGenerators(edited);
double incrementalMs = incrementalClock.Elapsed.TotalMilliseconds;
int cached = 0, total = 0;
foreach (var result in driver.GetRunResult().Results)
    foreach (var (_, steps) in result.TrackedSteps)
        foreach (var step in steps)
            foreach (var (_, reason) in step.Outputs)
            {
                total++;
                if (reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) cached++;
            }
Console.WriteLine($"generator steps cached or unchanged after an unrelated edit: {cached}/{total} = {(double)cached / total:P1}; rerun {incrementalMs:F0} ms");
Console.WriteLine($"RESULT analyzers_generators_fraction={(analyzerMs + generatorMs) / compileMs:F4} compile_ms={compileMs:F0} analyzers_ms={analyzerMs:F0} generators_ms={generatorMs:F0} cached_ratio={(double)cached / total:F4} lines={lines}");

/// <summary>Registers for every operation and does nothing: its time is Roslyn building IOperation trees.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class OperationTreeBaseline : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None).ToArray());
    }
}
