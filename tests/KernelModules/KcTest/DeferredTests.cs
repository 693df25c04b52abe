using System;
using Kernel;

namespace KcTest;

/// <summary>Timers, work items, workqueues and completions, in the kernel.</summary>
internal static class DeferredTests
{
    private static Delta Ms(long milliseconds) => Delta.FromMilliseconds(milliseconds).Value;

    [KernelTest]
    internal static void A_completion_completed_first_returns_at_once_and_a_wait_for_nothing_times_out()
    {
        if (!Expect.Ok(Completion.TryNew(), out Completion done)) return;
        Expect.False(done.IsDone);
        done.Complete();
        Expect.True(done.IsDone);
        Expect.Ok(done.WaitTimeout(Ms(1000)));
        Expect.False(done.IsDone);
        Instant before = Instant.Monotonic;
        Expect.Error(Errno.ETIMEDOUT, done.WaitTimeout(Ms(30)));
        Expect.True(before.Elapsed >= Ms(30));
        done.CompleteAll();
        done.Wait();
        Expect.Ok(done.WaitInterruptible());
        Expect.Ok(done.WaitInterruptibleTimeout(Ms(10)));
        done.Reinit();
        Expect.Error(Errno.ETIMEDOUT, done.WaitInterruptibleTimeout(Ms(10)));
        done.Dispose();
    }

    [KernelTest]
    internal static void A_work_item_runs_on_a_worker_once_per_queueing()
    {
        if (!Expect.Ok(Completion.TryNew(), out Completion done)) return;
        if (!Expect.Ok(Work<Counted>.TryNew(new Counted(done)), out Work<Counted> work)) { done.Dispose(); return; }
        Expect.True(work.Queue());
        Expect.Ok(done.WaitTimeout(Ms(5000)));
        Expect.True(work.Queue());
        work.Flush(); // false when the run was over before the flush began
        Expect.Equal(2, work.State.Runs.Load());
        Expect.Ok(done.WaitTimeout(Ms(5000))); // the second run's completion, done already
        // Delayed: pending until its delay passes, and a second queueing meanwhile does nothing.
        Instant before = Instant.Monotonic;
        Expect.True(work.QueueAfter(Ms(50)));
        Expect.False(work.Queue());
        Expect.Ok(done.WaitTimeout(Ms(5000)));
        Expect.True(before.Elapsed >= Ms(40));
        Expect.Equal(3, work.State.Runs.Load());
        // Cancelled before its delay: never runs.
        Expect.True(work.QueueAfter(Ms(1000)));
        Expect.True(work.Cancel());
        Expect.False(work.Cancel());
        Expect.Equal(3, work.State.Runs.Load());
        work.Dispose();
        done.Dispose();
    }

    [KernelTest]
    internal static void A_module_s_own_workqueue_runs_its_items_and_drains_on_dispose()
    {
        if (!Expect.Ok(Workqueue.TryNew(CStr.Literal("kctest"), WorkqueueFlags.Unbound), out Workqueue queue)) return;
        if (!Expect.Ok(Completion.TryNew(), out Completion done)) { queue.Dispose(); return; }
        if (!Expect.Ok(Work<Counted>.TryNew(new Counted(done)), out Work<Counted> work)) { done.Dispose(); queue.Dispose(); return; }
        Expect.True(work.Queue(queue));
        queue.Flush();
        Expect.Equal(1, work.State.Runs.Load());
        Expect.True(work.QueueAfter(queue, Ms(20)));
        queue.Dispose(); // drains: the delayed item runs first
        Expect.Equal(2, work.State.Runs.Load());
        Expect.Error(Errno.EINVAL, Workqueue.TryNew(CStr.Literal("kctest"), maxActive: -1));
        work.Dispose();
        done.Dispose();
    }

    [KernelTest]
    internal static void A_one_shot_timer_fires_once_after_its_delay_in_softirq()
    {
        if (!Expect.Ok(Completion.TryNew(), out Completion done)) return;
        if (!Expect.Ok(HrTimer<Ticks>.TryNew(new Ticks(done, 1, Delta.Zero)), out HrTimer<Ticks> timer)) { done.Dispose(); return; }
        Expect.False(timer.IsActive);
        Instant before = Instant.Monotonic;
        timer.Start(Ms(20));
        Expect.True(timer.IsActive);
        Expect.Ok(done.WaitTimeout(Ms(5000)));
        Expect.True(before.Elapsed >= Ms(20));
        Expect.Error(Errno.ETIMEDOUT, done.WaitTimeout(Ms(50)));
        Expect.Equal(1, timer.State.Fired.Load());
        Expect.Equal(1, timer.State.InSoftirq.Load());
        Expect.False(timer.Cancel());
        timer.Dispose();
        done.Dispose();
    }

    [KernelTest]
    internal static void A_periodic_timer_restarts_until_its_callback_stops_and_cancel_stops_it_sooner()
    {
        if (!Expect.Ok(Completion.TryNew(), out Completion done)) return;
        if (!Expect.Ok(HrTimer<Ticks>.TryNew(new Ticks(done, 4, Ms(10))), out HrTimer<Ticks> timer)) { done.Dispose(); return; }
        Instant before = Instant.Monotonic;
        timer.Start(Ms(10));
        Expect.Ok(done.WaitTimeout(Ms(5000)));
        Expect.True(before.Elapsed >= Ms(40));
        Expect.Equal(4, timer.State.Fired.Load());
        Expect.Equal(4, timer.State.InSoftirq.Load());
        // Started at an absolute instant of its clock (now: at once), four more; then cancelled before it is due.
        Expect.Ok(timer.StartAt(Instant.Monotonic));
        Expect.Error(Errno.EINVAL, timer.StartAt(Instant.BootTime));
        Expect.Ok(done.WaitTimeout(Ms(5000)));
        Expect.Equal(8, timer.State.Fired.Load());
        timer.Start(Delta.FromSeconds(10).Value);
        Expect.True(timer.TryCancel() == TimerCancel.Cancelled);
        Expect.True(timer.TryCancel() == TimerCancel.NotQueued);
        timer.Start(Delta.FromSeconds(10).Value);
        Expect.True(timer.Cancel());
        Expect.Equal(8, timer.State.Fired.Load());
        timer.Dispose();
        done.Dispose();
    }

    [KernelTest]
    internal static void A_condvar_wait_sleeps_without_the_mutex_until_a_worker_notifies()
    {
        if (!Expect.Ok(Mutex<Signal>.TryNew(default), out Mutex<Signal> mutex)) return;
        if (!Expect.Ok(CondVar.TryNew(), out CondVar condvar)) { mutex.Dispose(); return; }
        if (!Expect.Ok(Work<Notifier>.TryNew(new Notifier(mutex, condvar)), out Work<Notifier> work)) { condvar.Dispose(); mutex.Dispose(); return; }
        using (MutexGuard<Signal> guard = mutex.Lock())
        {
            // The worker takes the mutex to set the flag: it can only while this wait has released it.
            Expect.True(work.QueueAfter(Ms(20)));
            int waits = 0;
            while (!guard.Value.Ready && waits++ < 100) Expect.Ok(condvar.WaitTimeout(guard, Ms(5000)));
            Expect.True(guard.Value.Ready);
            Expect.True(guard.Value.NotifiedInTask);
            guard.Value.Ready = false;
            Instant before = Instant.Monotonic;
            Expect.Error(Errno.ETIMEDOUT, condvar.WaitTimeout(guard, Ms(30)));
            Expect.True(before.Elapsed >= Ms(30));
            Expect.False(guard.Value.Ready);
        }
        work.Dispose();
        condvar.Dispose();
        mutex.Dispose();
    }
}

/// <summary>Counts its runs and completes once per run.</summary>
[WorkItem]
internal partial struct Counted : IWorkItem<Counted>
{
    internal AtomicI32 Runs;
    private Completion _done;

    internal Counted(Completion done) => _done = done;

    public void Run()
    {
        if (Context.InTask) Runs.FetchAdd(1);
        _done.Complete();
    }

    public void Dispose() { }
}

/// <summary>Fires until <c>Every</c> callbacks have run (every <c>Period</c>), then completes; counts the callbacks that ran in softirq.</summary>
[TimerCallback]
internal partial struct Ticks : ITimerCallback<Ticks>
{
    internal AtomicI32 Fired;
    internal AtomicI32 InSoftirq;
    private Completion _done;
    private readonly int _every;
    private readonly Delta _period;

    internal Ticks(Completion done, int every, Delta period)
    {
        _done = done;
        _every = every;
        _period = period;
    }

    public TimerRestart Run()
    {
        int fired = Fired.FetchAdd(1) + 1;
        if (Context.InSoftirq && !Context.InTask) InSoftirq.FetchAdd(1);
        if (fired % _every != 0) return TimerRestart.After(_period);
        _done.Complete();
        return TimerRestart.Stop;
    }

    public void Dispose() { }
}

internal struct Signal
{
    internal bool Ready;
    internal bool NotifiedInTask;
}

/// <summary>Sets the flag under the mutex and wakes the condvar's waiters.</summary>
[WorkItem]
internal partial struct Notifier : IWorkItem<Notifier>
{
    private Mutex<Signal> _mutex;
    private CondVar _condvar;

    internal Notifier(Mutex<Signal> mutex, CondVar condvar)
    {
        _mutex = mutex;
        _condvar = condvar;
    }

    public void Run()
    {
        using MutexGuard<Signal> guard = _mutex.Lock();
        guard.Value.Ready = true;
        guard.Value.NotifiedInTask = Context.InTask;
        _condvar.NotifyAll();
    }

    public void Dispose() { }
}
