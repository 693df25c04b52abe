using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Kernel.Generators.Callbacks;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Debugfs;

/// <summary>A valid [DebugfsFile] type and whether it implements IDebugfsStore (a writable file).</summary>
internal sealed record DebugfsFileModel(CallbackTypeModel Type, bool HasStore);

/// <summary>[DebugfsFile] types: their kind numbers and writability, the show entry point and, when a type stores,
/// the store entry point (without one, C creates every file read-only and compiles no write).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DebugfsFileGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
        => CallbackPipeline.Register(context, CallbackTypeKind.DebugfsFile, Parse, file => file.Type.FullName,
            Module.TrackingNames.DebugfsFile, Module.TrackingNames.AllDebugfsFiles, Emit);

    private static DebugfsFileModel? Parse(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        => CallbackTypeDeclaration.Parse(type, CallbackTypeKind.DebugfsFile, cancellationToken).Model is { } model
            ? new DebugfsFileModel(model, type.AllInterfaces.Any(i => i.ToDisplayString() == "Kernel.IDebugfsStore"))
            : null;

    internal static string Emit(DebugfsFileModel[] files)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        for (int i = 0; i < files.Length; i++)
        {
            string self = "global::Kernel.IDebugfsFile<" + files[i].Type.FullName + ">";
            CallbackEmitter.AppendPart(text, files[i].Type, new[]
            {
                "static uint " + self + ".DebugfsKind => " + (i + 1) + ";",
                "static bool " + self + ".DebugfsWritable => " + (files[i].HasStore ? "true" : "false") + ";",
            });
        }
        CallbackEmitter.AppendEntriesStart(text, "DebugfsFileEntryPoints", "The managed halves of every debugfs file's show and store, by kind.");
        CallbackEmitter.AppendEntry(text, EntryPoints.DebugfsShow, "Show", files.Select((f, i) =>
            (i + 1, "global::Kernel.DebugfsDispatch.Show<" + f.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.DebugfsShow) + ")")),
            "global::Kernel.Errno.EIO.ToKernel()");
        if (files.Any(f => f.HasStore))
            CallbackEmitter.AppendEntry(text, EntryPoints.DebugfsStore, "Store", files.Select((f, i) => (File: f, Kind: i + 1)).Where(f => f.File.HasStore)
                .Select(f => (f.Kind, "global::Kernel.DebugfsDispatch.Store<" + f.File.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(EntryPoints.DebugfsStore) + ")")),
                "global::Kernel.Errno.EPERM.ToKernel()");
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
