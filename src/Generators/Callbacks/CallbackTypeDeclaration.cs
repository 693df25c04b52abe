using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.Generators.Callbacks;

/// <summary>
/// Reads and validates a type marked with a callback kind's attribute. The generators use the model; the analyzer
/// reports the diagnostics (and KC0023 for a type of the kind without the attribute), so both agree on what is valid.
/// </summary>
internal static class CallbackTypeDeclaration
{
    /// <summary>The diagnostic's property naming the attribute, for the code fix.</summary>
    public const string AttributeProperty = "Attribute";

    public static (CallbackTypeModel? Model, ImmutableArray<Diagnostic> Diagnostics) Parse(
        INamedTypeSymbol type, CallbackTypeKind kind, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Location location = type.Locations.FirstOrDefault() ?? Location.None;
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(AttributeProperty, kind.Attribute);

        INamedTypeSymbol? implemented = kind.InterfaceOf(type);
        if (implemented is null || !SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], type))
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.CallbackTypeNotImplemented, location, properties, display, kind.Attribute, kind.SelfInterface(display)));

        string? shape = type.TypeKind != TypeKind.Struct ? "not a struct"
            : type.ContainingType is not null ? "nested in another type"
            : type.IsGenericType ? "generic"
            : type.IsFileLocal ? "file-local"
            : !IsPartial(type, cancellationToken) ? "not partial"
            : null;
        if (shape is not null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.CallbackTypeShapeInvalid, location, properties, display, kind.Attribute, shape));

        if (diagnostics.Count > 0) return (null, diagnostics.ToImmutable());
        var model = new CallbackTypeModel(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name, type.IsReadOnly);
        return (model, diagnostics.ToImmutable());
    }

    /// <summary>KC0023 for a type of <paramref name="kind"/> without its attribute.</summary>
    public static Diagnostic NotMarked(INamedTypeSymbol type, CallbackTypeKind kind)
        => Diagnostic.Create(GeneratorDiagnostics.CallbackTypeNotMarked, type.Locations.FirstOrDefault() ?? Location.None,
            ImmutableDictionary<string, string?>.Empty.Add(AttributeProperty, kind.Attribute),
            type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), kind.Interface, kind.Attribute, kind.User);

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
