using System;

namespace Kernel;

/// <summary>
/// A reading of one of the kernel's clocks (Rust-for-Linux's <c>Instant</c>): <see cref="Monotonic"/> (ktime_get,
/// stops while suspended) or <see cref="BootTime"/> (counts suspend too). Readings of different clocks are not
/// comparable; <see cref="Since"/> refuses them. Safe in any context.
/// </summary>
public readonly struct Instant
{
    private readonly ulong _nanos;
    private readonly bool _boottime;

    private Instant(ulong nanos, bool boottime) => (_nanos, _boottime) = (nanos, boottime);

    public static Instant Monotonic => new(Native.KtimeGetNs(), boottime: false);
    public static Instant BootTime => new(Native.KtimeGetBoottimeNs(), boottime: true);

    /// <summary>The clock's value in nanoseconds.</summary>
    public ulong Nanoseconds => _nanos;

    /// <summary>Whether it is an instant of the boot-time clock (else the monotonic one).</summary>
    public bool IsBootTime => _boottime;

    /// <summary>The time that has passed on this reading's clock since it was taken.</summary>
    public Delta Elapsed => Delta.FromClock((_boottime ? Native.KtimeGetBoottimeNs() : Native.KtimeGetNs()) - _nanos);

    /// <summary>How long after <paramref name="earlier"/> this reading is: ERANGE if it is earlier, EINVAL for another clock.</summary>
    public Result<Delta> Since(Instant earlier)
    {
        if (earlier._boottime != _boottime) return Errno.EINVAL;
        return earlier._nanos > _nanos ? Errno.ERANGE : Delta.FromClock(_nanos - earlier._nanos);
    }
}
