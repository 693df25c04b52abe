using System;

namespace Kernel;

/// <summary>
/// A high-resolution timer owning its state (Rust-for-Linux's <c>HrTimer</c>): <see cref="Start"/> arms it relative
/// to now, <see cref="StartAt"/> at an instant of its clock; the callback, <typeparamref name="T"/>'s Run, runs in
/// softirq context and can restart itself as a periodic timer. The hrtimer and the state live in one kmalloc'd block
/// C lays out; <see cref="Dispose"/> cancels the timer, waiting for a running callback, then disposes the state and
/// frees the block. A timer is a handle: copies share it, dispose one only. A module that forgets to dispose a timer
/// gets it cancelled (and an error printed) when it unloads, so its callback can never run after the module is gone.
/// </summary>
public unsafe struct HrTimer<T> : IDisposable where T : unmanaged, ITimerCallback<T>
{
    private void* _timer;

    /// <summary>A stopped timer holding <paramref name="state"/>, which it owns from here: ENOMEM
    /// (the state disposed) if memory runs out.</summary>
    public static Result<HrTimer<T>> TryNew(T state, TimerClock clock = TimerClock.Monotonic, Gfp flags = Gfp.Kernel)
    {
        if (T.TimerKind == 0) Panic.Fail("HrTimer<T>: T is not marked [TimerCallback] (KC0023)"u8);
        void* timer = Native.HrtimerAlloc(T.TimerKind, (nuint)sizeof(T), (uint)clock, flags);
        if (timer == null)
        {
            state.Dispose();
            return Errno.ENOMEM;
        }
        *(T*)Native.HrtimerState(timer) = state;
        var result = new HrTimer<T>();
        result._timer = timer;
        return result;
    }

    /// <summary>The state the callback runs on (its callback may be running now: share through atomics or a lock).</summary>
    public ref T State => ref *(T*)Native.HrtimerState(Handle);

    /// <summary>Arms the timer to fire <paramref name="after"/> from now (re-arms a queued one).</summary>
    public void Start(Delta after) => Native.HrtimerStart(Handle, (ulong)after.Nanoseconds, absolute: false);

    /// <summary>Arms the timer to fire at <paramref name="at"/>; EINVAL (and the timer left as it was) when the instant
    /// is of another clock than the timer's.</summary>
    public Result StartAt(Instant at)
    {
        if (at.IsBootTime != (Native.HrtimerIsBoottime(Handle) != 0)) return Errno.EINVAL;
        Native.HrtimerStart(_timer, at.Nanoseconds, absolute: true);
        return Result.Ok;
    }

    /// <summary>Stops the timer and waits for a running callback to return (hrtimer_cancel); true when it was queued.
    /// Never from the timer's own callback, which would wait for itself.</summary>
    [MaySleep]
    public bool Cancel() => Native.HrtimerCancel(Handle) != 0;

    /// <summary>Stops the timer without waiting (hrtimer_try_to_cancel); usable in atomic context.</summary>
    public TimerCancel TryCancel() => (TimerCancel)Native.HrtimerTryCancel(Handle);

    /// <summary>Whether the timer is queued or its callback is running.</summary>
    public bool IsActive => Native.HrtimerActive(Handle) != 0;

    /// <summary>Cancels the timer (waiting for a running callback), disposes the state and frees the timer.</summary>
    [MaySleep]
    public void Dispose()
    {
        if (_timer == null) return;
        Native.HrtimerCancel(_timer);
        ((T*)Native.HrtimerState(_timer))->Dispose();
        Native.HrtimerFree(_timer);
        _timer = null;
    }

    private void* Handle
    {
        get
        {
            if (_timer == null) Panic.Fail("HrTimer used after Dispose or before TryNew"u8);
            return _timer;
        }
    }
}
