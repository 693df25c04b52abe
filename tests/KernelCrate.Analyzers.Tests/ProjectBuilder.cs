using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kernel.Analyzers.Tests;

/// <summary>
/// The one builder of every Roslyn test (Meziantou.Analyzer's ProjectBuilder): what the compilation references, whether
/// its project is marked a kernel module, and the analyzer, code fix or generated code under test. Unsafe code is
/// always allowed, as in every KernelCrate project.
/// </summary>
internal static class ProjectBuilder
{
    public enum Framework
    {
        /// <summary>KernelCrate.dll alone (-nostdlib), as a module is compiled: the real Kernel API.</summary>
        Corelib,
        /// <summary>net8.0 and a stub of the Kernel API, as a host-side library sharing module code sees it.</summary>
        Net80,
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string source, Framework framework = Framework.Corelib, bool kernelModule = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test, framework, kernelModule, test.TestState);
        return test;
    }

    /// <summary>A code fix test; the framework also checks the fixed code compiles.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> CodeFix<TAnalyzer, TFix>(string source, string fixedSource, Framework framework = Framework.Corelib)
        where TAnalyzer : DiagnosticAnalyzer, new() where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        // A diagnostic marked in the fixed code is one the fix must leave (not offered there), never ignored.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        Configure(test, framework, kernelModule: true, test.TestState, test.FixedState);
        return test;
    }

    /// <summary>Compiles <paramref name="source"/> and the sources a caller adds (generated code) against the corelib.</summary>
    public static CSharpSourceGeneratorTest<EmptySourceGeneratorProvider, DefaultVerifier> Compilation(string source)
    {
        var test = new CSharpSourceGeneratorTest<EmptySourceGeneratorProvider, DefaultVerifier> { TestCode = source };
        Configure(test, Framework.Corelib, kernelModule: false, test.TestState);
        test.SolutionTransforms.Add((solution, id) => solution.WithProjectParseOptions(id, TestSetup.ModuleParseOptions));
        return test;
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, Framework framework, bool kernelModule, params SolutionState[] states)
    {
        test.ReferenceAssemblies = framework == Framework.Corelib ? new ReferenceAssemblies("net10.0") : ReferenceAssemblies.Net.Net80;
        foreach (SolutionState state in states)
        {
            if (framework == Framework.Corelib) state.AdditionalReferences.Add(TestSetup.Corelib);
            else state.Sources.Add(("KernelApi.cs", TestSetup.KernelApiStub));
        }
        if (kernelModule) states[0].AnalyzerConfigFiles.Add(("/.globalconfig", TestSetup.KernelModuleConfig));
        test.SolutionTransforms.Add(AllowUnsafe);
    }

    private static readonly Func<Solution, ProjectId, Solution> AllowUnsafe = (solution, id) => solution.WithProjectCompilationOptions(id,
        ((CSharpCompilationOptions)solution.GetProject(id)!.CompilationOptions!).WithAllowUnsafe(true));
}

/// <summary>The KC10xx rules' tests on a host-side (net8.0) compilation: <c>using Verify = AnalyzerVerifier&lt;Rule&gt;</c>.</summary>
internal static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, bool kernelModule = true)
        => ProjectBuilder.Analyzer<TAnalyzer>(source, ProjectBuilder.Framework.Net80, kernelModule).RunAsync();
}

/// <summary>The KC10xx fixes' tests on a host-side (net8.0) compilation.</summary>
internal static class CodeFixVerifier<TAnalyzer, TFix> where TAnalyzer : DiagnosticAnalyzer, new() where TFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, int iterations = 1)
    {
        CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> test = ProjectBuilder.CodeFix<TAnalyzer, TFix>(source, fixedSource, ProjectBuilder.Framework.Net80);
        test.NumberOfFixAllIterations = iterations;
        if (iterations == 0) test.NumberOfIncrementalIterations = 0;
        return test.RunAsync();
    }
}
