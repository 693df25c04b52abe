using Microsoft.CodeAnalysis.Testing;

namespace Kernel.Analyzers.Tests;

/// <summary>Compilations set up as a kernel module is built: -nostdlib against KernelCrate.dll, interceptors on.</summary>
internal static class ModuleTestState
{
    public static ReferenceAssemblies CorelibOnly => new ReferenceAssemblies("net10.0");

    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.Add(TestSetup.Corelib);
    }
}
