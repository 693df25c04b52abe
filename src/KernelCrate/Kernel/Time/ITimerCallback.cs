using System;

namespace Kernel;

/// <summary>
/// The state of an <see cref="HrTimer{T}"/> and what it does when it fires (Rust-for-Linux's <c>HrTimerCallback</c>).
/// <see cref="Run"/> runs in softirq context: it must not sleep (KC1005 reports a sleeping call in it, also through
/// the module's own methods), and the code it reaches must name no SIMD register (KC9011 at build time). It may run
/// at the same time as the module's other code: share what changes through atomics or a <see cref="SpinLock{T}"/>.
/// Mark the type <c>[TimerCallback]</c> and <c>partial</c>: the generator writes the dispatch C calls into.
/// </summary>
public interface ITimerCallback<TSelf> : IDisposable where TSelf : unmanaged, ITimerCallback<TSelf>
{
    /// <summary>The timer fired: <see cref="TimerRestart.Stop"/>, or <see cref="TimerRestart.After"/> to run again.</summary>
    [AtomicContext("softirq")]
    TimerRestart Run();

    /// <summary>The number C names this type by; [TimerCallback] generates it (0: the type was not marked).</summary>
    static virtual uint TimerKind => 0;
}

/// <summary>Generates the dispatch of a timer's callback type (<see cref="ITimerCallback{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class TimerCallbackAttribute : Attribute
{
}

/// <summary>What a timer does after its callback: stop, or run again one period after the time it was due.</summary>
public readonly struct TimerRestart
{
    private TimerRestart(ulong period) => Period = period;

    /// <summary>The period in nanoseconds; 0 stops.</summary>
    internal ulong Period { get; }

    public static TimerRestart Stop => default;

    /// <summary>Runs again <paramref name="period"/> after the expiry that just ran (hrtimer_forward_now: missed periods
    /// are skipped, not run in a burst). A period below the timer's resolution is the resolution.</summary>
    public static TimerRestart After(Delta period) => new(period.Nanoseconds > 0 ? (ulong)period.Nanoseconds : 1);

    public bool IsStop => Period == 0;
}

/// <summary>The clock a timer counts on.</summary>
public enum TimerClock : uint
{
    /// <summary>CLOCK_MONOTONIC: stops while the system is suspended.</summary>
    Monotonic = 0,
    /// <summary>CLOCK_BOOTTIME: counts suspended time too.</summary>
    BootTime = 1,
}

/// <summary>What <see cref="HrTimer{T}.TryCancel"/> found.</summary>
public enum TimerCancel
{
    /// <summary>The timer was not queued.</summary>
    NotQueued = 0,
    /// <summary>The timer was queued and now is not.</summary>
    Cancelled = 1,
    /// <summary>Its callback is running now (on another CPU): it may restart itself.</summary>
    Running = -1,
}
