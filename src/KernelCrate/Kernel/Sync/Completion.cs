using System;

namespace Kernel;

/// <summary>
/// A one-way event (the kernel's <c>struct completion</c>, Rust-for-Linux's <c>Completion</c>): one side waits, the
/// other calls <see cref="Complete"/> (one waiter) or <see cref="CompleteAll"/> (every waiter, now and later). Complete
/// may run in any context, a timer callback included; the waits sleep. The interruptible waits return
/// <see cref="Errno.ERESTARTSYS"/> when a signal comes first, for the system call to return as the kernel's own do.
/// A Completion is a handle: copies share it (a timer's or work item's state may hold one), dispose one only, after
/// everything that may complete it has been cancelled.
/// </summary>
public unsafe struct Completion : IDisposable
{
    private void* _done;

    /// <summary>A completion not yet done: ENOMEM if memory runs out.</summary>
    public static Result<Completion> TryNew(Gfp flags = Gfp.Kernel)
    {
        void* done = Native.CompletionAlloc(flags);
        if (done == null) return Errno.ENOMEM;
        var result = new Completion();
        result._done = done;
        return result;
    }

    /// <summary>Waits, uninterruptibly, until completed.</summary>
    [MaySleep]
    public void Wait() => Native.CompletionWait(Handle);

    /// <summary>Waits until completed or at least <paramref name="timeout"/> (to the next jiffy tick) has passed: the time left,
    /// or ETIMEDOUT.</summary>
    [MaySleep]
    public Result<Delta> WaitTimeout(Delta timeout)
    {
        ulong left = Native.CompletionWaitTimeout(Handle, (ulong)timeout.Nanoseconds);
        return left == 0 ? Errno.ETIMEDOUT : Delta.FromClock(left);
    }

    /// <summary>Waits until completed or a signal comes (ERESTARTSYS).</summary>
    [MaySleep]
    public Result WaitInterruptible()
    {
        int ret = Native.CompletionWaitInterruptible(Handle);
        return ret == 0 ? Result.Ok : Errno.FromKernel(ret);
    }

    /// <summary>Waits until completed (the time left), <paramref name="timeout"/> passed (ETIMEDOUT) or a signal came
    /// (ERESTARTSYS).</summary>
    [MaySleep]
    public Result<Delta> WaitInterruptibleTimeout(Delta timeout)
    {
        long left = Native.CompletionWaitInterruptibleTimeout(Handle, (ulong)timeout.Nanoseconds);
        if (left < 0) return Errno.FromKernel((int)left);
        return left == 0 ? Errno.ETIMEDOUT : Delta.FromClock((ulong)left);
    }

    /// <summary>Whether a wait would return at once.</summary>
    public bool IsDone => Native.CompletionDone(Handle) != 0;

    /// <summary>Wakes one waiter (or lets the next wait return at once).</summary>
    public void Complete() => Native.CompletionComplete(Handle);

    /// <summary>Wakes every waiter, and every later wait returns at once, until <see cref="Reinit"/>.</summary>
    public void CompleteAll() => Native.CompletionCompleteAll(Handle);

    /// <summary>Makes it not done again (reinit_completion), for reuse once no one waits.</summary>
    public void Reinit() => Native.CompletionReinit(Handle);

    public void Dispose()
    {
        if (_done == null) return;
        Native.Kfree(_done);
        _done = null;
    }

    private void* Handle
    {
        get
        {
            if (_done == null) Panic.Fail("Completion used after Dispose or before TryNew"u8);
            return _done;
        }
    }
}
