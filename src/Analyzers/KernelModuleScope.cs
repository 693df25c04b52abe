using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Analyzers;

/// <summary>
/// The KC1xxx rules apply only to projects marked as kernel modules: the MSBuild property KernelModule=true,
/// which KernelCrate's props set for every project that references it (and which any project may set itself).
/// </summary>
public static class KernelModuleScope
{
    public static bool IsKernelModule(AnalyzerOptions options) => KernelModuleProperty.IsSet(options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>Attribute arguments are metadata, not code that runs: no rule applies inside them.</summary>
    public static bool IsInAttribute(Microsoft.CodeAnalysis.IOperation operation)
    {
        for (Microsoft.CodeAnalysis.IOperation? current = operation; current is not null; current = current.Parent)
            if (current.Kind == Microsoft.CodeAnalysis.OperationKind.Attribute) return true;
        return false;
    }

    public static string Display(ITypeSymbol? type)
        => type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "?";
}
