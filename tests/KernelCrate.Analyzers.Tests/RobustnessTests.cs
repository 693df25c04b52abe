using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Kernel.Generators.CStr;
using Kernel.Generators.Module;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>Every analyzer over broken and incomplete code: diagnostics are fine, an analyzer exception (AD0001) is a bug.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BrokenSources() =>
    [
        "class C { void M() { var x = new ; } }",
        "class C { void M() { throw } }",
        "public class { public int }",
        "class C { object M(int x) => (object; }",
        "class C { double M(double d) => d * ; }",
        "class C { void M() { try { } catch (",
        "class C { void M() { foreach (var x in ) { } } }",
        "class C { System.Func<int> F = () => ; int[] a = [1, ; }",
        "[Kernel.Module(Name = , License = \"GPL\")] struct M : Kernel.IKernelModule<",
        "class C { void M() { Kernel.CStr.Literal(; Kernel.CStr.Literal(\"a\", ); } }",
        "class C { Kernel.Result M() { throw new System.ArgumentException(; } }",
        "unsafe class C { void M() { byte[] b = new byte[; int x = $\"{\"; string s = \"a\" + ; } }",
        "partial class C { public partial void M(); } partial class C { public partial void M() { } }",
        "class C : I { public void M() { } } interface I { void M(",
    ];

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task No_analyzer_throws_on_broken_code(string source)
    {
        var compilation = CSharpCompilation.Create("broken",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))],
            [TestSetup.Corelib],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        ImmutableArray<DiagnosticAnalyzer> analyzers = Kernel.Testing.KernelCrateAnalyzers.All();
        Assert.True(analyzers.Length >= 7, $"found only {analyzers.Length} analyzers");
        var options = new AnalyzerOptions([], new Kernel.Testing.GlobalAnalyzerOptions(("build_property.KernelModule", "true")));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
