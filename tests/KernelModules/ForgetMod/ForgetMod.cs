using System;
using Kernel;

/// <summary>
/// Deliberately broken: a periodic 5 ms timer and a work item queued 200 ms out, neither disposed. Without the C side's
/// leftover cancel at unload, the timer's next expiry would run code that is no longer there.
/// </summary>
[Module(Name = "forgetmod", License = "GPL", Description = "a module that forgets to dispose its timer and work item")]
internal struct ForgetMod : IKernelModule<ForgetMod>
{
    private HrTimer<Spin> _timer;
    private Work<Idle> _work;

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
        forget._timer.Start(Spin.Period);
        forget._work.QueueAfter(Delta.FromMilliseconds(200).Value);
        Printk.Info("armed");
        return forget;
    }

    public void Dispose() => Printk.Info("unloading without disposing the timer or the work item");
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
