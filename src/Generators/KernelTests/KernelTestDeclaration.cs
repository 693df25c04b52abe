using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.KernelTests;

/// <summary>Reads a [KernelTest] method; the generator and <see cref="KernelTestDeclarationAnalyzer"/> share it.</summary>
internal static class KernelTestDeclaration
{
    public const string AttributeName = "Kernel.KernelTestAttribute";

    /// <summary>The build property a KernelTestProject sets to the test module's name; empty in every other build.</summary>
    public const string ModuleNameProperty = "build_property.KernelTestModuleName";

    public static string? TestModuleName(AnalyzerConfigOptionsProvider options)
        => options.GlobalOptions.TryGetValue(ModuleNameProperty, out string? name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;

    public static (KernelTestModel? Model, ImmutableArray<Diagnostic> Diagnostics) Parse(IMethodSymbol method, AttributeData attribute)
    {
        Location location = method.Locations.FirstOrDefault() ?? Location.None;
        if (!method.IsStatic || !method.ReturnsVoid || method.Parameters.Length != 0 || method.IsGenericMethod
            || method.ContainingType.IsGenericType)
            return (null, ImmutableArray.Create(Diagnostic.Create(GeneratorDiagnostics.KernelTestShapeInvalid, location, method.Name)));
        if (!Reachable(method))
            return (null, ImmutableArray.Create(Diagnostic.Create(GeneratorDiagnostics.KernelTestUnreachable, location, method.Name)));

        string? skip = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Skip").Value.Value as string;
        string call = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
        string fullName = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name;
        FileLinePositionSpan span = location.GetLineSpan();
        return (new KernelTestModel(fullName, call, skip, span.Path ?? "", span.StartLinePosition.Line + 1), ImmutableArray<Diagnostic>.Empty);
    }

    /// <summary>The generated runner is another type of the same assembly: the method and every type around it must be internal or public.</summary>
    private static bool Reachable(ISymbol symbol)
    {
        for (ISymbol? s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
            if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                return false;
        return true;
    }
}
