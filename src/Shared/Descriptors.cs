using Microsoft.CodeAnalysis;

namespace Kernel;

/// <summary>How every KernelCrate descriptor is made: enabled, with its help link.</summary>
internal static class Descriptors
{
    public static DiagnosticDescriptor Error(string id, string category, string title, string message, bool isCompilationEnd = false)
        => Create(id, category, title, message, DiagnosticSeverity.Error, isCompilationEnd);

    public static DiagnosticDescriptor Warning(string id, string category, string title, string message)
        => Create(id, category, title, message, DiagnosticSeverity.Warning, false);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, DiagnosticSeverity severity, bool isCompilationEnd)
        => new(id, title, message, category, severity, isEnabledByDefault: true,
            helpLinkUri: DiagnosticIds.HelpLink(id),
            customTags: isCompilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());
}
