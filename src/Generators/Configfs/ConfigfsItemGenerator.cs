using System.Collections.Generic;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Configfs;

/// <summary>[ConfigfsItem] types: their kind numbers and tables (attribute names and modes, whether mkdir makes
/// children), and the show, store, make_group and release entry points (store and make_group only when a type
/// stores or has children: without them C builds every item read-only and childless).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConfigfsItemGenerator : IIncrementalGenerator
{
    private const byte ChildrenFlag = 1, ShowBit = 1, StoreBit = 2;

    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, CallbackTypeKind.ConfigfsItem, Parse, item => item.Type.FullName,
            Module.TrackingNames.ConfigfsItem, Module.TrackingNames.AllConfigfsItems, Emit);

    private static ConfigfsItemModel? Parse(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        CallbackTypeModel? model = CallbackTypeDeclaration.Parse(type, CallbackTypeKind.ConfigfsItem, cancellationToken).Model;
        var (attributes, diagnostics) = ConfigfsItemDeclaration.ReadAttributes(type);
        return model is null || !diagnostics.IsEmpty ? null
            : new ConfigfsItemModel(model, new EquatableArray<ConfigfsAttributeModel>(attributes), ConfigfsItemDeclaration.Child(type), ConfigfsItemDeclaration.HasStore(type));
    }

    /// <summary>What kc_configfs.c reads: flags, the count, then each attribute's mode bits and NUL-terminated name.</summary>
    private static IEnumerable<byte> Table(ConfigfsItemModel item)
        => new[] { item.Child is null ? (byte)0 : ChildrenFlag, (byte)item.Attributes.Length }
            .Concat(item.Attributes.SelectMany(a => new[] { a.Writable ? (byte)(ShowBit | StoreBit) : ShowBit }
                .Concat(Encoding.UTF8.GetBytes(a.Name)).Concat(new byte[] { 0 })));

    internal static string Emit(ConfigfsItemModel[] items)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        for (int i = 0; i < items.Length; i++)
        {
            string self = "global::Kernel.IConfigfsItem<" + items[i].Type.FullName + ">";
            CallbackEmitter.AppendPart(text, items[i].Type, new[]
            {
                "static uint " + self + ".ConfigfsKind => " + (i + 1) + ";",
                "static global::System.ReadOnlySpan<byte> " + self + ".ConfigfsTable => " + ByteTable.Expression(Table(items[i])) + ";",
            });
        }
        var kinds = items.Select((item, i) => (Item: item, Kind: i + 1)).ToArray();
        CallbackEmitter.AppendEntriesStart(text, "ConfigfsItemEntryPoints", "The managed halves of every configfs item's show, store, mkdir and release, by kind.");
        CallbackEmitter.AppendEntry(text, EntryPoints.ConfigfsShow, "Show", kinds.Select(k =>
            (k.Kind, "global::Kernel.ConfigfsDispatch.Show<" + k.Item.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.ConfigfsShow) + ")")),
            "global::Kernel.Errno.EIO.ToKernel()");
        if (items.Any(item => item.HasStore))
            CallbackEmitter.AppendEntry(text, EntryPoints.ConfigfsStore, "Store", kinds.Where(k => k.Item.HasStore).Select(k =>
                (k.Kind, "global::Kernel.ConfigfsDispatch.Store<" + k.Item.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.ConfigfsStore) + ")")),
                "global::Kernel.Errno.EPERM.ToKernel()");
        if (items.Any(item => item.Child is not null))
            CallbackEmitter.AppendEntry(text, EntryPoints.ConfigfsMakeGroup, "MakeGroup", kinds.Where(k => k.Item.Child is not null).Select(k =>
                (k.Kind, "global::Kernel.ConfigfsDispatch.MakeGroup<" + k.Item.Type.FullName + ", " + k.Item.Child + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.ConfigfsMakeGroup) + ")")),
                "global::Kernel.Errno.EPERM.ToKernel()");
        CallbackEmitter.AppendEntry(text, EntryPoints.ConfigfsRelease, "Release", kinds.Select(k =>
            (k.Kind, "global::Kernel.ConfigfsDispatch.Release<" + k.Item.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.ConfigfsRelease) + ")")), "");
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
