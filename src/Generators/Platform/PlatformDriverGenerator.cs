using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Platform;

/// <summary>[PlatformDriver] types: their kind numbers, ACPI and OF match tables and module aliases, and the probe and
/// remove entry points.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class PlatformDriverGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, CallbackTypeKind.PlatformDriver, Parse, driver => driver.Type.FullName,
            Module.TrackingNames.PlatformDriver, Module.TrackingNames.AllPlatformDrivers, Emit);

    private static PlatformDriverModel? Parse(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        CallbackTypeModel? model = CallbackTypeDeclaration.Parse(type, CallbackTypeKind.PlatformDriver, cancellationToken).Model;
        var (acpi, of, diagnostics) = PlatformDriverDeclaration.ReadIds(type);
        return model is null || !diagnostics.IsEmpty ? null
            : new PlatformDriverModel(model, new EquatableArray<PlatformIdModel>(acpi), new EquatableArray<PlatformIdModel>(of));
    }

    internal static string Emit(PlatformDriverModel[] drivers)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        text.Append('\n');
        var aliases = drivers.SelectMany(d => d.Acpi.Select(id => PlatformDriverModel.AcpiAlias(id.Id))
            .Concat(d.Of.SelectMany(id => PlatformDriverModel.OfAliases(id.Id)))).Distinct();
        foreach (string alias in aliases)
            text.Append("[assembly: global::Kernel.ModuleAliasInfo(").Append(Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(alias, quote: true)).Append(")]\n");
        for (int i = 0; i < drivers.Length; i++)
        {
            PlatformDriverModel driver = drivers[i];
            string self = "global::Kernel.IPlatformDriver<" + driver.Type.FullName + ">";
            var members = new System.Collections.Generic.List<string> { "static uint " + self + ".PlatformDriverKind => " + (i + 1) + ";" };
            if (driver.Acpi.Length > 0)
                members.Add("static global::System.ReadOnlySpan<byte> " + self + ".AcpiIdTable => "
                    + ByteTable.Expression(driver.Acpi.SelectMany(id => ByteTable.Padded(id.Id, 16).Concat(ByteTable.LittleEndian(id.Info)))) + ";");
            if (driver.Of.Length > 0)
                members.Add("static global::System.ReadOnlySpan<byte> " + self + ".OfIdTable => "
                    + ByteTable.Expression(driver.Of.SelectMany(id => ByteTable.Padded(id.Id, 128).Concat(ByteTable.LittleEndian(id.Info)))) + ";");
            CallbackEmitter.AppendPart(text, driver.Type, members);
        }
        CallbackEmitter.AppendEntriesStart(text, "PlatformDriverEntryPoints", "The managed halves of every platform driver's probe and remove, by kind.");
        CallbackEmitter.AppendEntry(text, EntryPoints.PlatformProbe, "Probe", drivers.Select((d, i) =>
            (i + 1, "global::Kernel.PlatformDispatch.Probe<" + d.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.PlatformProbe) + ")")),
            "global::Kernel.Errno.ENODEV.ToKernel()");
        CallbackEmitter.AppendEntry(text, EntryPoints.PlatformRemove, "Remove", drivers.Select((d, i) =>
            (i + 1, "global::Kernel.PlatformDispatch.Remove<" + d.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.PlatformRemove) + ")")), "");
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
