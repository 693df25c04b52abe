using System;

namespace Kernel;

/// <summary>
/// A condition variable over a <see cref="Mutex{T}"/> (Rust-for-Linux's <c>CondVar</c>): with the mutex's guard held,
/// <see cref="Wait{T}"/> releases the mutex, sleeps until notified and takes it again. A wait may also end without a
/// notification, so wait in a loop on the condition the data holds:
/// <c>while (!guard.Value.Ready) condvar.Wait(guard);</c>. The interruptible waits return
/// <see cref="Errno.ERESTARTSYS"/> when a signal comes. A CondVar is a handle: copies share it, dispose one only.
/// </summary>
public unsafe struct CondVar : IDisposable
{
    private void* _condvar;

    public static Result<CondVar> TryNew(Gfp flags = Gfp.Kernel)
    {
        void* condvar = Native.CondvarAlloc(flags);
        if (condvar == null) return Errno.ENOMEM;
        var result = new CondVar();
        result._condvar = condvar;
        return result;
    }

    /// <summary>Releases <paramref name="guard"/>'s mutex, sleeps until notified, takes the mutex again.</summary>
    [MaySleep]
    public void Wait<T>(in MutexGuard<T> guard) where T : unmanaged => Native.CondvarWait(Handle, guard.Held, false, 0);

    /// <summary>As <see cref="Wait{T}"/>, or until a signal comes (ERESTARTSYS); the mutex is held again either way.</summary>
    [MaySleep]
    public Result WaitInterruptible<T>(in MutexGuard<T> guard) where T : unmanaged
    {
        long ret = Native.CondvarWait(Handle, guard.Held, true, 0);
        return ret < 0 ? Errno.FromKernel((int)ret) : Result.Ok;
    }

    /// <summary>As <see cref="Wait{T}"/>, for at least <paramref name="timeout"/> (to the next tick): the time left, or
    /// ETIMEDOUT. The mutex is held again either way.</summary>
    [MaySleep]
    public Result<Delta> WaitTimeout<T>(in MutexGuard<T> guard, Delta timeout) where T : unmanaged
    {
        long left = Native.CondvarWait(Handle, guard.Held, false, timeout.Nanoseconds == 0 ? 1 : (ulong)timeout.Nanoseconds);
        return left == 0 ? Errno.ETIMEDOUT : Delta.FromClock((ulong)left);
    }

    /// <summary>Wakes one waiter. Usable in atomic context.</summary>
    public void NotifyOne() => Native.CondvarNotify(Handle, false);

    /// <summary>Wakes every waiter. Usable in atomic context.</summary>
    public void NotifyAll() => Native.CondvarNotify(Handle, true);

    public void Dispose()
    {
        if (_condvar == null) return;
        Native.Kfree(_condvar);
        _condvar = null;
    }

    private void* Handle
    {
        get
        {
            if (_condvar == null) Panic.Fail("CondVar used after Dispose or before TryNew"u8);
            return _condvar;
        }
    }
}
