using System.Linq;
using System.Text;
using Kernel.Entries;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Callbacks;

/// <summary>A valid type of a show/store kind and whether it implements the kind's store interface (a writable file).</summary>
internal sealed record ShowStoreModel(CallbackTypeModel Type, bool HasStore);

/// <summary>
/// A kind of kernel file whose text a type shows and, when it implements the store interface, parses (debugfs files,
/// sysfs attributes): its kind numbers and writability, the show entry point and, when a type stores, the store entry
/// point (without one, C creates every file read-only and compiles no write).
/// </summary>
internal sealed class ShowStoreEmitter
{
    private readonly CallbackTypeKind _kind;
    private readonly string _storeInterface, _writableProperty, _dispatch, _entriesClass, _entriesSummary;
    private readonly EntryPoint _show, _store;

    public ShowStoreEmitter(CallbackTypeKind kind, string storeInterface, string writableProperty, string dispatch,
        EntryPoint show, EntryPoint store, string entriesClass, string entriesSummary)
        => (_kind, _storeInterface, _writableProperty, _dispatch, _show, _store, _entriesClass, _entriesSummary)
            = (kind, storeInterface, writableProperty, dispatch, show, store, entriesClass, entriesSummary);

    public CallbackTypeKind Kind => _kind;

    public ShowStoreModel? Parse(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        => CallbackTypeDeclaration.Parse(type, _kind, cancellationToken).Model is { } model
            ? new ShowStoreModel(model, type.AllInterfaces.Any(i => i.ToDisplayString() == "Kernel." + _storeInterface))
            : null;

    public string Emit(ShowStoreModel[] files)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        for (int i = 0; i < files.Length; i++)
        {
            string self = "global::Kernel." + _kind.Interface + "<" + files[i].Type.FullName + ">";
            CallbackEmitter.AppendPart(text, files[i].Type, new[]
            {
                "static uint " + self + "." + _kind.KindProperty + " => " + (i + 1) + ";",
                "static bool " + self + "." + _writableProperty + " => " + (files[i].HasStore ? "true" : "false") + ";",
            });
        }
        CallbackEmitter.AppendEntriesStart(text, _entriesClass, _entriesSummary);
        CallbackEmitter.AppendEntry(text, _show, "Show", files.Select((f, i) =>
            (i + 1, "global::Kernel." + _dispatch + ".Show<" + f.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(_show) + ")")),
            "global::Kernel.Errno.EIO.ToKernel()");
        if (files.Any(f => f.HasStore))
            CallbackEmitter.AppendEntry(text, _store, "Store", files.Select((f, i) => (File: f, Kind: i + 1)).Where(f => f.File.HasStore)
                .Select(f => (f.Kind, "global::Kernel." + _dispatch + ".Store<" + f.File.Type.FullName + ">(" + CallbackEmitter.ForwardedArguments(_store) + ")")),
                "global::Kernel.Errno.EPERM.ToKernel()");
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}
