using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Callbacks;

/// <summary>
/// A callback kind with one entry point (a work item's Run, a timer's callback): each marked type gets its kind
/// number, and the entry calls <see cref="Dispatch"/>&lt;T&gt; for the type the kind picks.
/// </summary>
internal sealed class SingleEntryCallback
{
    private SingleEntryCallback(CallbackTypeKind kind, EntryPoint entry, string method, string dispatch, string fallback, string summary,
        string trackingName, string allTrackingName)
        => (Kind, Entry, Method, Dispatch, Fallback, Summary, TrackingName, AllTrackingName)
            = (kind, entry, method, dispatch, fallback, summary, trackingName, allTrackingName);

    public CallbackTypeKind Kind { get; }
    public EntryPoint Entry { get; }
    public string Method { get; }
    public string Dispatch { get; }
    public string Fallback { get; }
    public string Summary { get; }
    public string TrackingName { get; }
    public string AllTrackingName { get; }

    public static readonly SingleEntryCallback Work = new(CallbackTypeKind.WorkItem, EntryPoints.WorkRun, "Run",
        "global::Kernel.WorkDispatch.Run", "", "The managed half of every work item's callback, by kind.",
        Module.TrackingNames.WorkItem, Module.TrackingNames.AllWorkItems);
    public static readonly SingleEntryCallback Timer = new(CallbackTypeKind.TimerCallback, EntryPoints.HrtimerFire, "Fire",
        "global::Kernel.TimerDispatch.Fire", "0", "The managed half of every timer's callback, by kind (0: the timer stops).",
        Module.TrackingNames.TimerCallback, Module.TrackingNames.AllTimerCallbacks);

    public static readonly SingleEntryCallback Irq = new(CallbackTypeKind.IrqHandler, EntryPoints.IrqHandle, "Handle",
        "global::Kernel.IrqDispatch.Handle", "0", "The managed half of every interrupt handler, by kind (0: IRQ_NONE).",
        Module.TrackingNames.IrqHandler, Module.TrackingNames.AllIrqHandlers);

    public void Register(IncrementalGeneratorInitializationContext context)
    {
        CallbackTypeKind kind = Kind;
        IncrementalValuesProvider<CallbackTypeModel?> types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                kind.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.StructDeclarationSyntax,
                (attributed, cancellationToken) => attributed.TargetSymbol is INamedTypeSymbol type
                    ? CallbackTypeDeclaration.Parse(type, kind, cancellationToken).Model
                    : null)
            .WithTrackingName(TrackingName);

        IncrementalValueProvider<ImmutableArray<CallbackTypeModel?>> all = types.Collect().WithTrackingName(AllTrackingName);
        context.RegisterSourceOutput(all, (output, found) =>
        {
            // Kinds follow the full names, so they do not depend on the order files are compiled in.
            CallbackTypeModel[] valid = found.OfType<CallbackTypeModel>().Distinct()
                .OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToArray();
            if (valid.Length == 0) return;
            output.AddSource(kind.Attribute + "s.g.cs", Emit(valid));
        });
    }

    public string Emit(CallbackTypeModel[] types)
    {
        var text = new StringBuilder(CallbackEmitter.Header);
        for (int i = 0; i < types.Length; i++)
            CallbackEmitter.AppendPart(text, types[i], new[]
            {
                "static uint global::Kernel." + Kind.SelfInterface(types[i].FullName) + "." + Kind.KindProperty + " => " + (i + 1) + ";",
            });
        CallbackEmitter.AppendEntriesStart(text, Kind.Attribute + "EntryPoints", Summary);
        string arguments = CallbackEmitter.ForwardedArguments(Entry);
        CallbackEmitter.AppendEntry(text, Entry, Method,
            types.Select((type, i) => (i + 1, Dispatch + "<" + type.FullName + ">(" + arguments + ")")), Fallback);
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}

/// <summary>[WorkItem] types: their kind numbers and the work callback's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class WorkItemGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => SingleEntryCallback.Work.Register(context);
}

/// <summary>[TimerCallback] types: their kind numbers and the timer callback's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class TimerCallbackGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => SingleEntryCallback.Timer.Register(context);
}

/// <summary>[IrqHandler] types: their kind numbers and the interrupt handler's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class IrqHandlerGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => SingleEntryCallback.Irq.Register(context);
}
