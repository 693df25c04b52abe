using System.Collections.Immutable;
using System.Linq;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.KernelTests;

/// <summary>
/// In a KernelTestProject's build (build property KernelTestModuleName set): the test module's entry points, whose
/// init runs every [KernelTest] method and reports KTAP (Rust-for-Linux's #[kunit_tests]). In any other build,
/// nothing: the [Module] generator makes the module's own entry points instead.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class KernelTestGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<KernelTestModel?> tests = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KernelTestDeclaration.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (context, _) => context.TargetSymbol is IMethodSymbol method
                    ? KernelTestDeclaration.Parse(method, context.Attributes[0]).Model
                    : null)
            .WithTrackingName(Module.TrackingNames.KernelTest);

        IncrementalValueProvider<string?> moduleName = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => KernelTestDeclaration.TestModuleName(options));

        IncrementalValueProvider<(string? Name, EquatableArray<KernelTestModel> Tests)> run = tests.Collect()
            .Combine(moduleName)
            .Select(static (pair, _) => (pair.Right, new EquatableArray<KernelTestModel>(pair.Left.OfType<KernelTestModel>()
                .OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToImmutableArray())))
            .WithTrackingName(Module.TrackingNames.AllKernelTests);

        context.RegisterSourceOutput(run, static (output, run) =>
        {
            if (run.Name is null) return;
            output.AddSource("KernelTests.g.cs", KernelTestEmitter.Emit(run.Name, run.Tests));
        });
    }
}
