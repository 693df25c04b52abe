using Xunit;

namespace Kernel.HostTests;

/// <summary>Timers, work items and completions over the simulated kernel: ownership, the values crossing to C, errors.</summary>
public sealed unsafe class DeferredTests : HostTest
{
    private struct Owned : IWorkItem<Owned>, ITimerCallback<Owned>
    {
        public static int Disposed;
        public static int Runs;
        public KBox<int> Box;
        public long PeriodNs;

        static uint IWorkItem<Owned>.WorkKind => 3;
        static uint ITimerCallback<Owned>.TimerKind => 4;

        public void Run() => Runs++;
        TimerRestart ITimerCallback<Owned>.Run() => PeriodNs == 0 ? TimerRestart.Stop : TimerRestart.After(Delta.FromNanoseconds(PeriodNs).Value);

        public void Dispose()
        {
            Disposed++;
            Box.Dispose();
        }
    }

    private struct Unmarked : IWorkItem<Unmarked>, ITimerCallback<Unmarked>
    {
        public void Run() { }
        TimerRestart ITimerCallback<Unmarked>.Run() => TimerRestart.Stop;
        public void Dispose() { }
    }

    public DeferredTests() => Owned.Disposed = Owned.Runs = 0;

    private static Owned NewOwned() => new() { Box = KBox<int>.TryNew(7).Value };

    [Fact]
    public void A_work_item_owns_its_state_and_dispose_cancels_it_before_disposing_the_state()
    {
        Work<Owned> work = Work<Owned>.TryNew(NewOwned()).Value;
        Native.Deferred item = Assert.Single(Native.Works.Values);
        Assert.Equal(3u, item.Kind);
        Assert.True(work.QueueAfter(Delta.FromMilliseconds(10).Value));
        Assert.False(work.Queue());
        Assert.True(item.Queued);
        work.Dispose(); // the simulated kfree throws if the item were still queued
        Assert.Equal(1, Owned.Disposed);
        work.Dispose();
        Assert.Equal(1, Owned.Disposed);
        AssertNoLeaks();
    }

    [Fact]
    public void A_failed_allocation_disposes_the_state_it_was_given()
    {
        Owned state = NewOwned();
        Native.FailAllocation = Native.AllocationCount;
        Assert.Equal(Errno.ENOMEM, Work<Owned>.TryNew(state).Error);
        state = NewOwned();
        Native.FailAllocation = Native.AllocationCount;
        Assert.Equal(Errno.ENOMEM, HrTimer<Owned>.TryNew(state).Error);
        Assert.Equal(2, Owned.Disposed);
        AssertNoLeaks();
    }

    [Fact]
    public void A_timer_runs_its_callback_through_the_dispatch_and_returns_its_period()
    {
        HrTimer<Owned> timer = HrTimer<Owned>.TryNew(NewOwned(), TimerClock.BootTime).Value;
        Native.Deferred t = Assert.Single(Native.Timers.Values);
        Assert.Equal((4u, 1u), (t.Kind, t.Clock));
        timer.Start(Delta.FromMicroseconds(5).Value);
        Assert.Equal(Native.Clock + 5000, t.Expiry);
        Assert.False(t.Absolute);
        Assert.Equal(0ul, TimerDispatch.Fire<Owned>(t.State));
        timer.State.PeriodNs = 2_000_000;
        Assert.Equal(2_000_000ul, TimerDispatch.Fire<Owned>(t.State));
        Instant at = Instant.BootTime;
        Assert.True(timer.StartAt(at).IsOk);
        Assert.Equal((at.Nanoseconds, true), (t.Expiry, t.Absolute));
        Assert.Equal(Errno.EINVAL, timer.StartAt(Instant.Monotonic).Error);
        Assert.Equal(at.Nanoseconds, t.Expiry);
        Assert.Equal(TimerCancel.Cancelled, timer.TryCancel());
        Assert.Equal(TimerCancel.NotQueued, timer.TryCancel());
        timer.Start(Delta.Zero);
        Assert.True(timer.IsActive);
        timer.Dispose();
        Assert.Equal(1, Owned.Disposed);
        AssertNoLeaks();
    }

    [Fact]
    public void A_zero_period_restarts_at_the_timer_s_resolution_never_stops_by_accident()
    {
        Assert.True(TimerRestart.Stop.IsStop);
        Assert.False(TimerRestart.After(Delta.Zero).IsStop);
        Assert.Equal(1ul, TimerRestart.After(Delta.Zero).Period);
    }

    [Fact]
    public void Types_without_their_attribute_panic_instead_of_reaching_the_wrong_callback()
    {
        Assert.Contains("not marked [WorkItem]", Assert.Throws<KernelPanicException>(() => Work<Unmarked>.TryNew(default)).Message);
        Assert.Contains("not marked [TimerCallback]", Assert.Throws<KernelPanicException>(() => HrTimer<Unmarked>.TryNew(default)).Message);
        Assert.Contains("used after Dispose", Assert.Throws<KernelPanicException>(() => default(Work<Owned>).Queue()).Message);
    }

    [Fact]
    public void A_workqueue_of_the_module_s_own_drains_on_dispose_and_refuses_use_after()
    {
        Workqueue queue = Workqueue.TryNew(CStr.FromBytesWithNul("q\0"u8).Value).Value;
        Work<Owned> work = Work<Owned>.TryNew(NewOwned()).Value;
        Native.RunWork = item => WorkDispatch.Run<Owned>(Native.Works[item].State);
        Assert.True(work.Queue(queue));
        queue.Flush();
        Assert.Equal(1, Owned.Runs);
        Assert.True(work.QueueAfter(queue, Delta.FromMilliseconds(1).Value));
        Workqueue copy = queue;
        queue.Dispose();
        Assert.Equal(2, Owned.Runs);
        queue.Dispose();
        Assert.Contains("Workqueue used after Dispose", Assert.Throws<KernelPanicException>(() => work.Queue(queue)).Message);
        Assert.Equal(Errno.EINVAL, Workqueue.TryNew(CStr.FromBytesWithNul("q\0"u8).Value, maxActive: 513).Error);
        Workqueue.System.Dispose();
        Assert.True(work.Queue(Workqueue.System));
        work.Dispose();
        _ = copy;
        AssertNoLeaks();
    }

    [Fact]
    public void Completion_waits_report_a_timeout_and_a_signal_as_the_kernel_does()
    {
        Completion done = Completion.TryNew().Value;
        ulong before = Native.Clock;
        Assert.Equal(Errno.ETIMEDOUT, done.WaitTimeout(Delta.FromMilliseconds(30).Value).Error);
        Assert.Equal(before + 30_000_000, Native.Clock);
        Native.SignalPending = true;
        Assert.Equal(Errno.ERESTARTSYS, done.WaitInterruptible().Error);
        Assert.Equal(Errno.ERESTARTSYS, done.WaitInterruptibleTimeout(Delta.FromSeconds(1).Value).Error);
        Assert.Equal("ERESTARTSYS", Errno.ERESTARTSYS.Name);
        done.Complete();
        Assert.True(done.IsDone);
        Assert.True(done.WaitTimeout(Delta.FromMilliseconds(8).Value).Value >= Delta.FromMilliseconds(8).Value);
        Assert.False(done.IsDone);
        done.CompleteAll();
        done.Wait();
        done.Wait();
        done.Reinit();
        Assert.False(done.IsDone);
        done.Dispose();
        Assert.Contains("Completion used after Dispose", Assert.Throws<KernelPanicException>(() => done.Complete()).Message);
        AssertNoLeaks();
    }

    private struct Flag { public bool Ready; }

    [Fact]
    public void A_condvar_wait_releases_the_mutex_while_it_sleeps_and_holds_it_again_after()
    {
        Mutex<Flag> mutex = Mutex<Flag>.TryNew(default).Value;
        CondVar condvar = CondVar.TryNew().Value;
        Native.WhileWaiting = () =>
        {
            using MutexGuard<Flag> other = mutex.Lock(); // the simulated lock throws if the waiter still held it
            other.Value.Ready = true;
            condvar.NotifyAll();
            return true;
        };
        using (MutexGuard<Flag> guard = mutex.Lock())
        {
            while (!guard.Value.Ready) condvar.Wait(guard);
            Assert.True(guard.Value.Ready);
        }
        Assert.Equal([true], Native.Notified);
        Native.WhileWaiting = () => false;
        using (MutexGuard<Flag> guard = mutex.Lock())
        {
            ulong before = Native.Clock;
            Assert.Equal(Errno.ETIMEDOUT, condvar.WaitTimeout(guard, Delta.FromMilliseconds(5).Value).Error);
            Assert.Equal(before + 5_000_000, Native.Clock);
            Native.SignalPending = true;
            Assert.Equal(Errno.ERESTARTSYS, condvar.WaitInterruptible(guard).Error);
        }
        condvar.NotifyOne();
        Assert.Equal([true, false], Native.Notified);
        condvar.Dispose();
        mutex.Dispose();
        AssertNoLeaks();
    }
}
