using System.Collections;
using System.Linq;
using System.Reflection;
using Kernel.Generators.Module;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>
/// The generators are incremental: a second run on a cloned compilation, and after an unrelated edit, finds every
/// tracked step Cached or Unchanged, and no step output holds a Compilation, ISymbol or SyntaxNode.
/// </summary>
public sealed class CachingTests
{
    [Fact]
    public void Steps_are_cached_after_clone_and_unrelated_edit()
    {
        var options = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);
        CSharpCompilation compilation = CSharpCompilation.Create("fullmod",
            [CSharpSyntaxTree.ParseText(GeneratorTests.FullModule, TestSetup.ModuleParseOptions),
             CSharpSyntaxTree.ParseText("namespace Sample; static class Unrelated { static int X = 1; }", TestSetup.ModuleParseOptions)],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            Kernel.Testing.KernelCrateAnalyzers.Generators(),
            parseOptions: TestSetup.ModuleParseOptions, driverOptions: options);

        driver = driver.RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();
        AssertNoRoslynObjectsInOutputs(first);

        driver = driver.RunGenerators(compilation.Clone());
        AssertAllCached(driver.GetRunResult());

        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(unrelated,
            unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Sample; static class Unrelated { static int X = 2; }")));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult());
    }

    /// <summary>Every step name the generators declare (TrackingNames), found by reflection.</summary>
    private static readonly string[] TrackedSteps = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToArray();

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        foreach (GeneratorRunResult generator in result.Results)
            foreach (var (name, steps) in generator.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)))
                foreach (IncrementalGeneratorRunStep step in steps)
                    foreach (var (_, reason) in step.Outputs)
                        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {reason}");
        foreach (string step in TrackedSteps)
            Assert.Contains(step, result.Results.SelectMany(r => r.TrackedSteps.Keys));
    }

    private static void AssertNoRoslynObjectsInOutputs(GeneratorDriverRunResult result)
    {
        foreach (GeneratorRunResult generator in result.Results)
            foreach (var (name, steps) in generator.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)))
                foreach (IncrementalGeneratorRunStep step in steps)
                    foreach (var (value, _) in step.Outputs)
                        AssertNoRoslynObjects(value, name, depth: 0);
    }

    private static void AssertNoRoslynObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 6 || value is string || value.GetType().IsPrimitive) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel, $"{step} output holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (object? item in items) AssertNoRoslynObjects(item, step, depth + 1);
            return;
        }
        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertNoRoslynObjects(field.GetValue(value), step, depth + 1);
    }
}
