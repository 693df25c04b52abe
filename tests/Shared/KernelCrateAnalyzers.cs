using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Testing;

/// <summary>Every analyzer KernelCrate ships (the rules and the generators' validation), found by reflection.</summary>
internal static class KernelCrateAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() =>
        new[] { typeof(Kernel.Analyzers.DiagnosticCatalog).Assembly, typeof(Kernel.Generators.Module.ModuleDeclarationAnalyzer).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
