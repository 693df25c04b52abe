using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Testing;

/// <summary>Every analyzer and generator KernelCrate ships, found by reflection, so no list is kept by hand.</summary>
internal static class KernelCrateAnalyzers
{
    private static readonly Assembly[] Assemblies =
        [typeof(Kernel.Analyzers.DiagnosticCatalog).Assembly, typeof(Kernel.Generators.Module.ModuleDeclarationAnalyzer).Assembly];

    /// <summary>The rules and the generators' validation analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All() => Create<DiagnosticAnalyzer>(typeof(DiagnosticAnalyzerAttribute));

    /// <summary>The incremental generators, as source generators for a GeneratorDriver.</summary>
    public static ImmutableArray<ISourceGenerator> Generators()
        => Create<IIncrementalGenerator>(typeof(GeneratorAttribute)).Select(g => g.AsSourceGenerator()).ToImmutableArray();

    private static ImmutableArray<T> Create<T>(Type marker) => Assemblies
        .SelectMany(a => a.GetTypes())
        .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.IsDefined(marker, false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
