using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.Generators.Module;

/// <summary>
/// Reads and validates a [Module] declaration. The generator uses the model; the analyzer reports the diagnostics,
/// so both always agree on what is valid.
/// </summary>
internal static class ModuleDeclaration
{
    public const string AttributeName = "Kernel.ModuleAttribute";
    public const string InterfaceName = "Kernel.IKernelModule`1";
    public const int MaxNameBytes = 55;

    public static readonly ImmutableArray<string> KnownLicenses = ImmutableArray.Create(
        "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL", "Proprietary");

    public static (ModuleModel? Model, ImmutableArray<Diagnostic> Diagnostics) Parse(
        INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        Location attributeLocation = attributeSyntax?.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
        Location typeLocation = type.Locations.FirstOrDefault() ?? Location.None;

        Location ArgumentLocation(string name)
        {
            AttributeArgumentSyntax? argument = attributeSyntax?.ArgumentList?.Arguments
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return argument?.Expression.GetLocation() ?? attributeLocation;
        }

        CheckType(type, typeLocation, diagnostics);

        var values = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        string? name = ReadString(values, "Name");
        string? license = ReadString(values, "License");

        if (name is null) diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleNameMissing, attributeLocation));
        else CheckName(name, ArgumentLocation("Name"), diagnostics);

        if (license is null) diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleLicenseMissing, attributeLocation));
        else if (CheckValue("License", license, ArgumentLocation("License"), asciiOnly: true, diagnostics))
        {
            if (!KnownLicenses.Contains(license, StringComparer.Ordinal))
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleLicenseUnknown, ArgumentLocation("License"), license));
            else if (license == "Proprietary")
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleLicenseProprietary, ArgumentLocation("License")));
        }

        // .modinfo order as rust/macros/module.rs: author(s), description, license, alias(es), firmware.
        var modInfo = new List<string>();
        void Add(string key, string property, string? value, bool asciiOnly)
        {
            if (CheckValue(property, value, ArgumentLocation(property), asciiOnly, diagnostics)) modInfo.Add(key + "=" + value);
        }

        if (values.ContainsKey("Author")) Add("author", "Author", ReadString(values, "Author"), asciiOnly: false);
        foreach (string? author in ReadStrings(values, "Authors")) Add("author", "Authors", author, asciiOnly: false);
        if (values.ContainsKey("Description")) Add("description", "Description", ReadString(values, "Description"), asciiOnly: false);
        if (license is not null) modInfo.Add("license=" + license);
        foreach (string? alias in ReadStrings(values, "Alias")) Add("alias", "Alias", alias, asciiOnly: true);
        foreach (string? firmware in ReadStrings(values, "Firmware")) Add("firmware", "Firmware", firmware, asciiOnly: true);

        bool hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        ModuleModel? model = hasErrors || name is null
            ? null
            : new ModuleModel(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), name, modInfo.ToEquatableArray());
        return (model, diagnostics.ToImmutable());
    }

    private static void CheckType(INamedTypeSymbol type, Location location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (type.TypeKind == TypeKind.Class)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleIsClass, location, display));

        string? unreachable = type.IsGenericType ? "generic"
            : type.IsFileLocal ? "file-local"
            : Unreachable(type) ? "nested in a way the generated code cannot see (private or protected)"
            : null;
        if (unreachable is not null)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleTypeUnreachable, location, display, unreachable));

        INamedTypeSymbol[] moduleInterfaces = type.AllInterfaces
            .Where(i => i.OriginalDefinition.ToDisplayString() == "Kernel.IKernelModule<TSelf>")
            .ToArray();
        if (moduleInterfaces.Length == 0)
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleNotKernelModule, location, display));
        }
        else if (!moduleInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)))
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleWrongSelfType, location, display,
                moduleInterfaces[0].TypeArguments[0].ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }

    private static bool Unreachable(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                or Accessibility.ProtectedAndInternal)
                return true;
            if (!SymbolEqualityComparer.Default.Equals(current, type) && current.IsGenericType) return true;
        }
        return false;
    }

    private static void CheckName(string name, Location location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (!CheckValue("Name", name, location, asciiOnly: true, diagnostics)) return;
        string identifier = name.Replace('-', '_');
        bool valid = (char.IsLetter(identifier[0]) || identifier[0] == '_')
            && identifier.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_');
        if (!valid)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleNameInvalid, location, name));
        else if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleNameTooLong, location, name, Encoding.UTF8.GetByteCount(name)));
    }

    /// <summary>Checks one value; false when it must not be emitted.</summary>
    private static bool CheckValue(string what, string? value, Location location, bool asciiOnly, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (string.IsNullOrEmpty(value))
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueEmpty, location, what));
            return false;
        }
        if (value!.IndexOf('\0') >= 0)
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueHasNul, location, what));
            return false;
        }
        if (asciiOnly && value.Any(c => c > 0x7f))
        {
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.ModuleValueNotAscii, location, what, value));
            return false;
        }
        return true;
    }

    private static string? ReadString(Dictionary<string, TypedConstant> values, string key)
        => values.TryGetValue(key, out TypedConstant value) && value.Kind == TypedConstantKind.Primitive ? value.Value as string : null;

    private static IEnumerable<string?> ReadStrings(Dictionary<string, TypedConstant> values, string key)
        => values.TryGetValue(key, out TypedConstant value) && value.Kind == TypedConstantKind.Array && !value.IsNull
            ? value.Values.Select(v => v.Value as string)
            : Enumerable.Empty<string?>();
}
