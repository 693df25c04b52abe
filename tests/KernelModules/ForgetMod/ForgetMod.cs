using System;
using Kernel;

/// <summary>
/// Deliberately broken: a periodic 5 ms timer, a work item queued 200 ms out and a debugfs directory with a file, none
/// disposed. Without the C side's leftover cancel and removal at unload, the timer's next expiry, or a read of the
/// file, would run code that is no longer there.
/// </summary>
[Module(Name = "forgetmod", License = "GPL", Description = "a module that forgets to dispose its timer, work item and debugfs files")]
internal struct ForgetMod : IKernelModule<ForgetMod>
{
    private HrTimer<Spin> _timer;
    private Work<Idle> _work;
    private DebugfsDir _dir;
    private DebugfsFile<Note> _note;

    public static Result<ForgetMod> Init(CStr name, ThisModule module)
    {
        var forget = new ForgetMod();
        Result<HrTimer<Spin>> timer = HrTimer<Spin>.TryNew(new Spin());
        if (!timer.TryGetValue(out forget._timer)) return timer.Error;
        Result<Work<Idle>> work = Work<Idle>.TryNew(new Idle());
        if (!work.TryGetValue(out forget._work))
        {
            forget._timer.Dispose();
            return work.Error;
        }
        // No debugfs (ENODEV) is not this test's concern: the directory is there on every kernel it runs on.
        if (DebugfsDir.TryCreate(CStr.Literal("forgetmod")).TryGetValue(out forget._dir))
            DebugfsFile<Note>.TryCreate(forget._dir, CStr.Literal("note"), new Note()).TryGetValue(out forget._note);
        forget._timer.Start(Spin.Period);
        forget._work.QueueAfter(Delta.FromMilliseconds(200).Value);
        Printk.Info("armed");
        return forget;
    }

    public void Dispose() => Printk.Info("unloading without disposing the timer, the work item or the debugfs files");
}

[TimerCallback]
internal partial struct Spin : ITimerCallback<Spin>
{
    internal static Delta Period => Delta.FromMilliseconds(5).Value;
    public TimerRestart Run() => TimerRestart.After(Period);
    public void Dispose() { }
}

[WorkItem]
internal partial struct Idle : IWorkItem<Idle>
{
    public void Run() => Printk.Info("work ran");
    public void Dispose() { }
}

[DebugfsFile]
internal partial struct Note : IDebugfsFile<Note>
{
    public Result Show(ref SeqWriter writer)
    {
        writer.Write("forgotten\n"u8);
        return Result.Ok;
    }

    public void Dispose() { }
}
