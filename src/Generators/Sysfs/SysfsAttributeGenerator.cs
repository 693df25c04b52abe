using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Sysfs;

/// <summary>[SysfsAttribute] types (ISysfsAttribute, ISysfsStore): their kinds and the sysfs show and store entry points.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SysfsAttributeGenerator : IIncrementalGenerator
{
    private static readonly ShowStoreEmitter Attributes = new(CallbackTypeKind.SysfsAttribute, "ISysfsStore", "SysfsWritable",
        "SysfsDispatch", EntryPoints.SysfsShow, EntryPoints.SysfsStore,
        "SysfsAttributeEntryPoints", "The managed halves of every sysfs attribute's show and store, by kind.");

    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, Attributes.Kind, Attributes.Parse, attribute => attribute.Type.FullName,
            Module.TrackingNames.SysfsAttribute, Module.TrackingNames.AllSysfsAttributes, Attributes.Emit);
}
