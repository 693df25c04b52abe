using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Pci;

/// <summary>[PciDriver] types: their kind numbers, id tables and module aliases, and the probe and remove entry points.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class PciDriverGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, CallbackTypeKind.PciDriver, Parse, driver => driver.Type.FullName,
            Module.TrackingNames.PciDriver, Module.TrackingNames.AllPciDrivers, Emit);

    private static PciDriverModel? Parse(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        CallbackTypeModel? model = CallbackTypeDeclaration.Parse(type, CallbackTypeKind.PciDriver, cancellationToken).Model;
        var (ids, diagnostics) = PciDriverDeclaration.ReadIds(type);
        return model is null || !diagnostics.IsEmpty ? null : new PciDriverModel(model, new EquatableArray<PciIdModel>(ids));
    }

    internal static string Emit(PciDriverModel[] drivers)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        text.Append('\n');
        foreach (PciIdModel id in drivers.SelectMany(d => d.Ids).Distinct())
            text.Append("[assembly: global::Kernel.ModuleAliasInfo(\"").Append(id.Alias).Append("\")]\n");
        for (int i = 0; i < drivers.Length; i++)
        {
            string self = "global::Kernel.IPciDriver<" + drivers[i].Type.FullName + ">";
            string bytes = ByteTable.Expression(drivers[i].Ids.SelectMany(id => id.Words).SelectMany(ByteTable.LittleEndian));
            CallbackEmitter.AppendPart(text, drivers[i].Type, new[]
            {
                "static uint " + self + ".PciDriverKind => " + (i + 1) + ";",
                "static global::System.ReadOnlySpan<byte> " + self + ".PciIdTable => " + bytes + ";",
            });
        }
        CallbackEmitter.AppendEntriesStart(text, "PciDriverEntryPoints", "The managed halves of every PCI driver's probe and remove, by kind.");
        CallbackEmitter.AppendEntry(text, EntryPoints.PciProbe, "Probe", drivers.Select((d, i) =>
            (i + 1, "global::Kernel.PciDispatch.Probe<" + d.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.PciProbe) + ")")),
            "global::Kernel.Errno.ENODEV.ToKernel()");
        CallbackEmitter.AppendEntry(text, EntryPoints.PciRemove, "Remove", drivers.Select((d, i) =>
            (i + 1, "global::Kernel.PciDispatch.Remove<" + d.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.PciRemove) + ")")), "");
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
