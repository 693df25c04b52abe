using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Configfs;

/// <summary>Reads and validates a [ConfigfsItem] type's [ConfigfsAttribute]s, its child type and its store; the
/// generator uses the model, the callback-type analyzer reports the diagnostics.</summary>
internal static class ConfigfsItemDeclaration
{
    /// <summary>kc_configfs.c's functions per attribute index.</summary>
    public const int MaxAttributes = 16;
    private const int NameMax = 255;

    public static (ImmutableArray<ConfigfsAttributeModel> Attributes, ImmutableArray<Diagnostic> Diagnostics) ReadAttributes(INamedTypeSymbol type)
    {
        var attributes = ImmutableArray.CreateBuilder<ConfigfsAttributeModel>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        bool hasStore = HasStore(type);
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "Kernel.ConfigfsAttributeAttribute") continue;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name) continue;
            Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            bool writable = attribute.NamedArguments.Any(a => a.Key == "Writable" && a.Value.Value is true);
            string? problem = name.Length == 0 ? "is empty"
                : name.IndexOf('/') >= 0 ? "contains '/'"
                : name.IndexOf('\0') >= 0 ? "contains a NUL"
                : name is "." or ".." ? "is a directory's own entry"
                : Encoding.UTF8.GetByteCount(name) > NameMax ? $"is longer than {NameMax} bytes"
                : attributes.Any(a => a.Name == name) ? "is used twice"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ConfigfsAttributeNameInvalid, location, display, name, problem));
                continue;
            }
            if (writable && !hasStore)
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ConfigfsStoreMissing, location, display, name));
            attributes.Add(new ConfigfsAttributeModel(name, writable));
        }
        if (attributes.Count > MaxAttributes)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ConfigfsTooManyAttributes, type.Locations.FirstOrDefault() ?? Location.None,
                display, attributes.Count, MaxAttributes));
        return (attributes.ToImmutable(), diagnostics.ToImmutable());
    }

    public static bool HasStore(INamedTypeSymbol type) => type.AllInterfaces.Any(i => i.ToDisplayString() == "Kernel.IConfigfsStore");

    /// <summary>The child type of an IConfigfsGroup&lt;type, TChild&gt;, fully qualified, or null.</summary>
    public static string? Child(INamedTypeSymbol type)
        => type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.MetadataName == "IConfigfsGroup`2"
                && i.OriginalDefinition.ContainingNamespace.ToDisplayString() == "Kernel"
                && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type))
            ?.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
