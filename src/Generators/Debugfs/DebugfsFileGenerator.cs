using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Debugfs;

/// <summary>[DebugfsFile] types (IDebugfsFile, IDebugfsStore): their kinds and the debugfs show and store entry points.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DebugfsFileGenerator : IIncrementalGenerator
{
    private static readonly ShowStoreEmitter Files = new(CallbackTypeKind.DebugfsFile, "IDebugfsStore", "DebugfsWritable",
        "DebugfsDispatch", EntryPoints.DebugfsShow, EntryPoints.DebugfsStore,
        "DebugfsFileEntryPoints", "The managed halves of every debugfs file's show and store, by kind.");

    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, Files.Kind, Files.Parse, file => file.Type.FullName,
            Module.TrackingNames.DebugfsFile, Module.TrackingNames.AllDebugfsFiles, Files.Emit);
}
