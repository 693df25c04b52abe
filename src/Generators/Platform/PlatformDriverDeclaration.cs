using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Platform;

/// <summary>Reads and validates a [PlatformDriver] type's [AcpiDeviceId]s and [OfDeviceId]s; the generator uses the
/// ids, the callback-type analyzer reports the diagnostics.</summary>
internal static class PlatformDriverDeclaration
{
    public static (ImmutableArray<PlatformIdModel> Acpi, ImmutableArray<PlatformIdModel> Of, ImmutableArray<Diagnostic> Diagnostics) ReadIds(INamedTypeSymbol type)
    {
        var acpi = ImmutableArray.CreateBuilder<PlatformIdModel>();
        var of = ImmutableArray.CreateBuilder<PlatformIdModel>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name is not ("Kernel.AcpiDeviceIdAttribute" or "Kernel.OfDeviceIdAttribute")) continue;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string id) continue;
            uint info = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Info").Value.Value is uint value ? value : 0;
            Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            if (name == "Kernel.AcpiDeviceIdAttribute")
            {
                if (IsAcpiId(id)) acpi.Add(new PlatformIdModel(id, info));
                else diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.AcpiIdInvalid, location, display, id));
            }
            else
            {
                int bytes = Encoding.UTF8.GetByteCount(id);
                if (bytes is > 0 and < 128 && id.IndexOf('\0') < 0) of.Add(new PlatformIdModel(id, info));
                else diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.OfCompatibleInvalid, location, display, id.Replace("\0", "\\0"), bytes));
            }
        }
        if (acpi.Count == 0 && of.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.PlatformDriverWithoutIds, type.Locations.FirstOrDefault() ?? Location.None, display));
        return (acpi.ToImmutable(), of.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>An ACPI _HID: a PNP id (three letters, four hex digits, "PNP0C0A") or an ACPI id (four letters or
    /// digits, four hex digits, "LNUXBEEF").</summary>
    private static bool IsAcpiId(string id)
    {
        static bool Hex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');
        static bool Upper(char c) => c is >= 'A' and <= 'Z';
        if (id.Length == 7) return id.Take(3).All(Upper) && id.Skip(3).All(Hex);
        if (id.Length == 8) return id.Take(4).All(c => Upper(c) || c is >= '0' and <= '9' || c == '_') && id.Skip(4).All(Hex);
        return false;
    }
}
