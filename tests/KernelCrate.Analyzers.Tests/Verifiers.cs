using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kernel.Analyzers.Tests;

/// <summary>Runs an analyzer over a net8.0 compilation marked as a kernel module (or not).</summary>
internal static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, bool kernelModule = true)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestSetup.Net80,
        };
        test.TestState.Sources.Add(("KernelApi.cs", TestSetup.KernelApiStub));
        if (kernelModule) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestSetup.KernelModuleConfig));
        test.SolutionTransforms.Add(ModuleTestState.AllowUnsafe);
        return test.RunAsync();
    }
}

/// <summary>Runs a code fix; the fixed code must compile (the framework checks it has no compiler errors).</summary>
internal static class CodeFixVerifier<TAnalyzer, TFix> where TAnalyzer : DiagnosticAnalyzer, new() where TFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, int iterations = 1)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestSetup.Net80,
            NumberOfFixAllIterations = iterations,
        };
        if (iterations == 0) test.NumberOfIncrementalIterations = 0;
        test.TestState.Sources.Add(("KernelApi.cs", TestSetup.KernelApiStub));
        test.FixedState.Sources.Add(("KernelApi.cs", TestSetup.KernelApiStub));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestSetup.KernelModuleConfig));
        test.SolutionTransforms.Add(ModuleTestState.AllowUnsafe);
        return test.RunAsync();
    }
}
