using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.Generators.MiscDevices;

/// <summary>
/// Reads and validates a [MiscDevice] type. The generator uses the model; the analyzer reports the diagnostics (and
/// KC0023 for a device type without the attribute), so both agree on what is valid.
/// </summary>
internal static class MiscDeviceDeclaration
{
    public const string AttributeName = "Kernel.MiscDeviceAttribute";
    public const string InterfaceName = "Kernel.IMiscDevice`1";
    public const string ReadName = "Kernel.IDeviceRead";
    public const string WriteName = "Kernel.IDeviceWrite";
    public const string IoctlName = "Kernel.IDeviceIoctl";

    public static (MiscDeviceModel? Model, ImmutableArray<Diagnostic> Diagnostics) Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Location location = type.Locations.FirstOrDefault() ?? Location.None;
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        if (!ImplementsItself(type))
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.MiscDeviceNotImplemented, location, display));

        string? shape = type.TypeKind != TypeKind.Struct ? "not a struct"
            : type.ContainingType is not null ? "nested in another type"
            : type.IsGenericType ? "generic"
            : type.IsFileLocal ? "file-local"
            : !IsPartial(type, cancellationToken) ? "not partial"
            : null;
        if (shape is not null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.MiscDeviceShapeInvalid, location, display, shape));

        if (diagnostics.Count > 0) return (null, diagnostics.ToImmutable());
        bool Has(string name) => type.AllInterfaces.Any(i => i.ToDisplayString() == name);
        var model = new MiscDeviceModel(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name, type.IsReadOnly, Has(ReadName), Has(WriteName), Has(IoctlName));
        return (model, diagnostics.ToImmutable());
    }

    /// <summary>Whether <paramref name="type"/> implements IMiscDevice of any type (the analyzer's KC0023 check).</summary>
    public static bool IsMiscDevice(INamedTypeSymbol type)
        => type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName == "IMiscDevice`1" && i.OriginalDefinition.ContainingNamespace.ToDisplayString() == "Kernel");

    private static bool ImplementsItself(INamedTypeSymbol type)
        => type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName == "IMiscDevice`1"
            && i.OriginalDefinition.ContainingNamespace.ToDisplayString() == "Kernel"
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
