using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Kernel.Entries;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Callbacks;

/// <summary>
/// A callback kind whose types all implement the same entry points (a work item's Run, a timer's callback, a /proc
/// file's count and show): each marked type gets its kind number, and each entry calls its dispatch method&lt;T&gt;
/// for the type the kind picks.
/// </summary>
internal sealed class KindCallback
{
    private KindCallback(CallbackTypeKind kind, string summary, string trackingName, string allTrackingName,
        params (EntryPoint Entry, string Method, string Dispatch, string Fallback)[] entries)
        => (Kind, Summary, TrackingName, AllTrackingName, Entries) = (kind, summary, trackingName, allTrackingName, entries);

    public CallbackTypeKind Kind { get; }
    public string Summary { get; }
    public string TrackingName { get; }
    public string AllTrackingName { get; }
    /// <summary>Each entry, the method emitted for it, the dispatch it calls and what it returns for an unknown kind.</summary>
    public (EntryPoint Entry, string Method, string Dispatch, string Fallback)[] Entries { get; }

    public static readonly KindCallback Work = new(CallbackTypeKind.WorkItem, "The managed half of every work item's callback, by kind.",
        Module.TrackingNames.WorkItem, Module.TrackingNames.AllWorkItems,
        (EntryPoints.WorkRun, "Run", "global::Kernel.WorkDispatch.Run", ""));
    public static readonly KindCallback Timer = new(CallbackTypeKind.TimerCallback, "The managed half of every timer's callback, by kind (0: the timer stops).",
        Module.TrackingNames.TimerCallback, Module.TrackingNames.AllTimerCallbacks,
        (EntryPoints.HrtimerFire, "Fire", "global::Kernel.TimerDispatch.Fire", "0"));
    public static readonly KindCallback Irq = new(CallbackTypeKind.IrqHandler, "The managed half of every interrupt handler, by kind (0: IRQ_NONE).",
        Module.TrackingNames.IrqHandler, Module.TrackingNames.AllIrqHandlers,
        (EntryPoints.IrqHandle, "Handle", "global::Kernel.IrqDispatch.Handle", "0"));
    public static readonly KindCallback SeqFile = new(CallbackTypeKind.SeqFile, "The managed halves of every /proc file's count and show, by kind.",
        Module.TrackingNames.SeqFile, Module.TrackingNames.AllSeqFiles,
        (EntryPoints.ProcSeqCount, "Count", "global::Kernel.SeqFileDispatch.Count", "0"),
        (EntryPoints.ProcSeqShow, "Show", "global::Kernel.SeqFileDispatch.Show", "global::Kernel.Errno.EIO.ToKernel()"));

    public void Register(IncrementalGeneratorInitializationContext context)
    {
        CallbackTypeKind kind = Kind;
        CallbackPipeline.Register(context, kind, (type, cancellationToken) => CallbackTypeDeclaration.Parse(type, kind, cancellationToken).Model,
            type => type.FullName, TrackingName, AllTrackingName, Emit);
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
        foreach (var (entry, method, dispatch, fallback) in Entries)
        {
            string arguments = CallbackEmitter.ForwardedArguments(entry);
            CallbackEmitter.AppendEntry(text, entry, method,
                types.Select((type, i) => (i + 1, dispatch + "<" + type.FullName + ">(" + arguments + ")")), fallback);
        }
        CallbackEmitter.AppendEntriesEnd(text);
        return text.ToString();
    }
}

/// <summary>[WorkItem] types: their kind numbers and the work callback's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class WorkItemGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => KindCallback.Work.Register(context);
}

/// <summary>[TimerCallback] types: their kind numbers and the timer callback's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class TimerCallbackGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => KindCallback.Timer.Register(context);
}

/// <summary>[IrqHandler] types: their kind numbers and the interrupt handler's entry point.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class IrqHandlerGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => KindCallback.Irq.Register(context);
}

/// <summary>[SeqFile] types: their kind numbers and the /proc file's count and show entry points.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SeqFileGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) => KindCallback.SeqFile.Register(context);
}
