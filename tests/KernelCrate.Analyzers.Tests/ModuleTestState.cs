using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Kernel.Analyzers.Tests;

/// <summary>Compilations set up as a kernel module is built: -nostdlib against KernelCrate.dll, unsafe code allowed.</summary>
internal static class ModuleTestState
{
    public static ReferenceAssemblies CorelibOnly => new ReferenceAssemblies("net10.0");

    /// <summary>What every KernelCrate compilation allows: unsafe code.</summary>
    public static readonly Func<Solution, ProjectId, Solution> AllowUnsafe = (solution, id) => solution.WithProjectCompilationOptions(id,
        ((CSharpCompilationOptions)solution.GetProject(id)!.CompilationOptions!).WithAllowUnsafe(true));

    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.Add(TestSetup.Corelib);
    }

    /// <summary>An analyzer test of <paramref name="source"/> compiled against the corelib, marked as a kernel module or not.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> AnalyzerTest<TAnalyzer>(string source, bool kernelModule)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = CorelibOnly };
        Apply(test.TestState);
        if (kernelModule) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestSetup.KernelModuleConfig));
        test.SolutionTransforms.Add(AllowUnsafe);
        return test;
    }
}
