using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Pci;

/// <summary>Reads and validates a [PciDriver] type's [PciDeviceId]s; the generator uses the ids, the callback-type
/// analyzer reports the diagnostics.</summary>
internal static class PciDriverDeclaration
{
    public const string IdAttributeMetadataName = "Kernel.PciDeviceIdAttribute";

    public static (ImmutableArray<PciIdModel> Ids, ImmutableArray<Diagnostic> Diagnostics) ReadIds(INamedTypeSymbol type)
    {
        var ids = ImmutableArray.CreateBuilder<PciIdModel>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "Kernel.PciDeviceIdAttribute") continue;
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments.Any(a => a.Value is not ushort)) continue;
            Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            uint subVendor = PciIdModel.Any, subDevice = PciIdModel.Any, info = 0;
            bool valid = true;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Info" && named.Value.Value is uint value) info = value;
                else if (named.Key is "SubVendor" or "SubDevice" && named.Value.Value is int sub)
                {
                    if (sub is < -1 or > 0xffff)
                    {
                        diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.PciIdOutOfRange, location, display, named.Key, sub));
                        valid = false;
                    }
                    uint field = sub == -1 ? PciIdModel.Any : (uint)sub;
                    if (named.Key == "SubVendor") subVendor = field; else subDevice = field;
                }
            }
            var id = new PciIdModel((ushort)attribute.ConstructorArguments[0].Value!, (ushort)attribute.ConstructorArguments[1].Value!, subVendor, subDevice, info);
            if (ids.Any(other => other with { Info = 0 } == id with { Info = 0 }))
            {
                diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.PciIdDuplicate, location, display, id.Alias));
                valid = false;
            }
            if (valid) ids.Add(id);
        }
        if (ids.Count == 0 && diagnostics.Count == 0)
            diagnostics.Add(Diagnostic.Create(GeneratorDiagnostics.PciDriverWithoutIds, type.Locations.FirstOrDefault() ?? Location.None, display));
        return (ids.ToImmutable(), diagnostics.ToImmutable());
    }
}
