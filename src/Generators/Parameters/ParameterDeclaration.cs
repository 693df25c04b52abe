using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.Generators.Parameters;

/// <summary>
/// Reads and validates a [ModuleParameter] property. The generator uses the model; the analyzer reports the
/// diagnostics, so both agree on what is valid. The sysfs rules are the kernel's own (VERIFY_OCTAL_PERMISSIONS).
/// </summary>
internal static class ParameterDeclaration
{
    public const string AttributeName = "Kernel.ModuleParameterAttribute";
    public const int MaxArrayLength = 1024;

    public static (ParameterModel? Model, ImmutableArray<Diagnostic> Diagnostics) Parse(
        IPropertySymbol property, AttributeData attribute, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        Location propertyLocation = property.Locations.FirstOrDefault() ?? Location.None;
        Location attributeLocation = attributeSyntax?.GetLocation() ?? propertyLocation;
        ExpressionSyntax? Argument(string name) => attributeSyntax?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;
        Location ArgumentLocation(string name) => Argument(name)?.GetLocation() ?? attributeLocation;
        var values = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);

        string? shapeProblem = ShapeProblem(property, cancellationToken);
        if (shapeProblem is not null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterShapeInvalid, propertyLocation, property.Name, shapeProblem));

        (ParameterType Type, bool IsArray)? type = ParameterType.Of(property.Type);
        if (type is null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterTypeUnsupported, TypeLocation(property, cancellationToken) ?? propertyLocation,
                property.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), ParameterType.Supported));

        string name = values.TryGetValue("Name", out TypedConstant nameValue) && nameValue.Value is string explicitName
            ? explicitName : SnakeCase(property.Name);
        if (!IsCIdentifier(name))
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterNameInvalid, values.ContainsKey("Name") ? ArgumentLocation("Name") : propertyLocation, name));

        int permissions = values.TryGetValue("Permissions", out TypedConstant permissionValue) && permissionValue.Value is int p ? p : 0;
        string? permissionProblem = PermissionProblem(permissions);
        if (permissionProblem is not null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterPermissionsInvalid, ArgumentLocation("Permissions"), Octal(permissions), permissionProblem));
        else if (type is { } t && (t.IsArray || t.Type.IsString) && (permissions & 0x092) != 0)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterWritableNeedsCopy, ArgumentLocation("Permissions"),
                name, t.IsArray ? "an array" : "a string"));

        string? description = values.TryGetValue("Description", out TypedConstant descriptionValue) ? descriptionValue.Value as string : null;
        if (values.ContainsKey("Description")) CheckDescription(description, ArgumentLocation("Description"), diagnostics);

        int maxLength = values.TryGetValue("MaxLength", out TypedConstant maxValue) && maxValue.Value is int m ? m : 0;
        var defaults = new List<string>();
        if (type is { } declared)
        {
            if (declared.IsArray && (maxLength < 1 || maxLength > MaxArrayLength))
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterLengthInvalid, ArgumentLocation("MaxLength"),
                    name, $"needs MaxLength between 1 and {MaxArrayLength}, the most values insmod may give it"));
            else if (!declared.IsArray && values.ContainsKey("MaxLength"))
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterLengthInvalid, ArgumentLocation("MaxLength"),
                    name, "is a single value, so MaxLength does not apply"));
            if (values.TryGetValue("Default", out TypedConstant defaultValue))
                ReadDefaults(defaultValue, declared.Type, declared.IsArray, maxLength, Argument("Default"), ArgumentLocation("Default"), name, defaults, diagnostics);
        }

        bool hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (hasErrors || type is null) return (null, diagnostics.ToImmutable());
        var containing = new List<string>();
        for (INamedTypeSymbol? current = property.ContainingType; current is not null; current = current.ContainingType)
            containing.Insert(0, Keyword(current) + " " + current.Name);
        var model = new ParameterModel(
            property.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            SyntaxFacts.GetText(property.DeclaredAccessibility),
            property.Name, type.Value.Type, type.Value.IsArray, name, permissions,
            defaults.ToEquatableArray(), description, maxLength);
        return (model, diagnostics.ToImmutable());
    }

    /// <summary>Why the generator cannot implement this property, or null.</summary>
    private static string? ShapeProblem(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (!property.IsStatic) return "it is not static (a parameter belongs to the module, not to an instance)";
        if (!property.IsPartialDefinition || property.PartialImplementationPart is not null && !IsGenerated(property.PartialImplementationPart, cancellationToken))
            return "it is not a partial property without a body (declare it 'static partial T Name { get; }')";
        if (property.SetMethod is not null || property.GetMethod is null) return "it must have only a get accessor";
        if (property.IsIndexer) return "it is an indexer";
        for (INamedTypeSymbol? type = property.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType) return $"its containing type '{type.Name}' is generic";
            bool partial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t
                && t.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial) return $"its containing type '{type.Name}' is not partial";
        }
        return null;
    }

    private static bool IsGenerated(IPropertySymbol implementation, CancellationToken cancellationToken)
        => implementation.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));

    private static Location? TypeLocation(IPropertySymbol property, CancellationToken cancellationToken)
        => property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault()?.Type.GetLocation();

    /// <summary>The kernel's VERIFY_OCTAL_PERMISSIONS, as a sentence; null when the mode is allowed.</summary>
    public static string? PermissionProblem(int mode)
    {
        if (mode < 0 || mode > 0x1FF) return "it is not a mode between 0 and 0777";
        if ((mode & 0x049) != 0) return "it has execute bits, which mean nothing for a parameter";
        if ((mode & 0x002) != 0) return "it is world-writable, which the kernel refuses at build time";
        if (((mode >> 6) & 4) < ((mode >> 3) & 4) || ((mode >> 3) & 4) < (mode & 4))
            return "the group or others may read it and the owner may not";
        if (((mode >> 6) & 2) < ((mode >> 3) & 2)) return "the group may write it and the owner may not";
        return null;
    }

    public static string Octal(int mode) => "0" + Convert.ToString(mode, 8);

    private static void CheckDescription(string? description, Location location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (string.IsNullOrEmpty(description))
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueEmpty, location, "Description"));
        else if (description!.IndexOf('\0') >= 0)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueHasNul, location, "Description"));
    }

    private static void ReadDefaults(TypedConstant value, ParameterType type, bool isArray, int maxLength, ExpressionSyntax? syntax,
        Location location, string name, List<string> defaults, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (isArray)
        {
            if (value.Kind != TypedConstantKind.Array || value.IsNull)
            {
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterDefaultInvalid, location, Display(value), type.CSharp + "[]", "an array parameter's default is an array, e.g. new " + type.CSharp + "[] { ... }"));
                return;
            }
            IReadOnlyList<ExpressionSyntax>? elements = ArrayElements(syntax);
            for (int i = 0; i < value.Values.Length; i++)
            {
                Location elementLocation = elements is not null && i < elements.Count ? elements[i].GetLocation() : location;
                if (ReadScalar(value.Values[i], type, elementLocation, diagnostics) is string c) defaults.Add(c);
            }
            if (maxLength >= 1 && value.Values.Length > maxLength)
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterLengthInvalid, location, name,
                    $"has a default of {value.Values.Length} values, more than its MaxLength of {maxLength}"));
            return;
        }
        if (type.IsString)
        {
            if (value.Kind == TypedConstantKind.Primitive && (value.IsNull || value.Value is string))
            {
                string? text = value.Value as string;
                if (text is not null && text.IndexOf('\0') >= 0)
                    diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueHasNul, location, "Default"));
                else if (text is not null) defaults.Add(text);
            }
            else diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterDefaultInvalid, location, Display(value), "CStr", "a string parameter's default is a string constant"));
            return;
        }
        if (ReadScalar(value, type, location, diagnostics) is string scalar) defaults.Add(scalar);
    }

    /// <summary>The value as the build writes it (decimal, or true/false), or null after reporting why it does not fit.</summary>
    private static string? ReadScalar(TypedConstant value, ParameterType type, Location location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (type.IsBool)
        {
            if (value.Value is bool b) return b ? "true" : "false";
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterDefaultInvalid, location, Display(value), "bool", "use true or false"));
            return null;
        }
        decimal? number = value.Value switch
        {
            sbyte v => v, byte v => v, short v => v, ushort v => v, int v => v, uint v => v, long v => v, ulong v => v,
            _ => null,
        };
        if (number is null)
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterDefaultInvalid, location, Display(value), type.CSharp, "use an integer constant"));
            return null;
        }
        if (number < type.Min || number > type.Max)
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ParameterDefaultInvalid, location, Display(value), type.CSharp,
                $"it is outside {type.Min.ToString(CultureInfo.InvariantCulture)}..{type.Max.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }
        return number.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax? syntax) => syntax switch
    {
        ArrayCreationExpressionSyntax a => a.Initializer?.Expressions,
        ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
        CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };

    private static string Display(TypedConstant value)
        => value.IsNull ? "null" : value.Kind == TypedConstantKind.Array ? "an array" : value.ToCSharpString();

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "partial record struct",
        (true, _) => "partial record",
        (_, TypeKind.Struct) => "partial struct",
        (_, TypeKind.Interface) => "partial interface",
        _ => "partial class",
    };

    public static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary && text.Length > 0 && text[text.Length - 1] != '_') text.Append('_');
                text.Append(char.ToLowerInvariant(c));
            }
            else text.Append(c);
        }
        return text.ToString();
    }

    public static bool IsCIdentifier(string name)
        => name.Length > 0 && (name[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_')
            && name.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');
}
