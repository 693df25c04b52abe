using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Analyzers;

/// <summary>
/// Base of the KC1xxx rules: concurrent, silent in generated code, and active only in projects marked as kernel
/// modules (<see cref="KernelModuleScope"/>).
/// </summary>
public abstract class KernelModuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KernelModuleScope.IsKernelModule(start.Options)) InitializeForModule(start, new RequiredSymbols(start.Compilation));
        });
    }

    /// <summary>Registers the rule's actions for a compilation of a kernel module, with its well-known types resolved.</summary>
    protected abstract void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols);
}
