using System;
using Kernel;

/// <summary>
/// A periodic high-resolution timer (softirq) counts beats and hands each to a work item on the module's own workqueue
/// (process context), which prints it and, at the last beat, completes the completion the module's init waits on.
/// Unloading cancels the timer, then the work item, then drains and destroys the queue.
/// </summary>
[Module(Name = "heartbeat", Author = "KernelCrate", Description = "A periodic hrtimer feeding a workqueue and a completion", License = "GPL")]
internal struct Heartbeat : IKernelModule<Heartbeat>
{
    internal const int Beats = 5;

    private Completion _done;
    private Workqueue _queue;
    private Work<Report> _report;
    private HrTimer<Beat> _timer;
    private Arc<Counters> _counters;

    public static Result<Heartbeat> Init(CStr name, ThisModule module)
    {
        var heartbeat = new Heartbeat();
        Result made = heartbeat.Make();
        if (made.IsError)
        {
            heartbeat.Dispose();
            return made.Error;
        }
        Instant start = Instant.Monotonic;
        heartbeat._timer.Start(Beat.Period);
        Result<Delta> waited = heartbeat._done.WaitTimeout(Delta.FromSeconds(10).Value);
        if (waited.IsError)
        {
            Printk.Err($"no {Beats} beats within 10 s: {waited.Error}");
            heartbeat.Dispose();
            return waited.Error;
        }
        Printk.Info($"{Beats} beats in {start.Elapsed.Milliseconds} ms");
        return heartbeat;
    }

    private Result Make()
    {
        Result<Arc<Counters>> counters = Arc<Counters>.TryNew(new Counters());
        if (!counters.TryGetValue(out _counters)) return counters.Error;
        Result<Completion> done = Completion.TryNew();
        if (!done.TryGetValue(out _done)) return done.Error;
        Result<Workqueue> queue = Workqueue.TryNew(CStr.Literal("heartbeat"));
        if (!queue.TryGetValue(out _queue)) return queue.Error;
        Result<Work<Report>> report = Work<Report>.TryNew(new Report(_counters.Clone(), _done));
        if (!report.TryGetValue(out _report)) return report.Error;
        Result<HrTimer<Beat>> timer = HrTimer<Beat>.TryNew(new Beat(_counters.Clone(), _report, _queue));
        if (!timer.TryGetValue(out _timer)) return timer.Error;
        return Result.Ok;
    }

    public void Dispose()
    {
        // The timer queues the work and the work completes the completion: stop them in that order.
        _timer.Dispose();
        _report.Dispose();
        _queue.Dispose();
        _done.Dispose();
        _counters.Dispose();
        Printk.Info("stopped");
    }
}

/// <summary>What the timer and the work item share.</summary>
internal struct Counters
{
    internal AtomicI32 Beats;
    internal AtomicI32 Reported;
}

/// <summary>The timer's state: runs in softirq every <see cref="Period"/>, until the last beat.</summary>
[TimerCallback]
internal partial struct Beat : ITimerCallback<Beat>
{
    internal static Delta Period => Delta.FromMilliseconds(100).Value;

    private Arc<Counters> _counters;
    private Work<Report> _report;
    private Workqueue _queue;

    internal Beat(Arc<Counters> counters, Work<Report> report, Workqueue queue)
    {
        _counters = counters;
        _report = report;
        _queue = queue;
    }

    public TimerRestart Run()
    {
        int beat = _counters.Value.Beats.FetchAdd(1) + 1;
        _report.Queue(_queue);
        return beat < Heartbeat.Beats ? TimerRestart.After(Period) : TimerRestart.Stop;
    }

    public void Dispose() => _counters.Dispose();
}

/// <summary>The work item's state: prints the beats the timer counted since it last ran, in process context.</summary>
[WorkItem]
internal partial struct Report : IWorkItem<Report>
{
    private Arc<Counters> _counters;
    private Completion _done;

    internal Report(Arc<Counters> counters, Completion done)
    {
        _counters = counters;
        _done = done;
    }

    public void Run()
    {
        int beats = _counters.Value.Beats.Load();
        while (_counters.Value.Reported.Load() < beats)
        {
            int reported = _counters.Value.Reported.FetchAdd(1) + 1;
            Printk.Info($"beat {reported}");
            if (reported == Heartbeat.Beats) _done.Complete();
        }
    }

    public void Dispose() => _counters.Dispose();
}
