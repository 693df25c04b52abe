using System;

namespace Kernel;

/// <summary>
/// Waiting, as Documentation/timers/delay_sleep_functions.rst advises: in process context sleep
/// (<see cref="FSleep"/> picks the right primitive for the length; <see cref="USleepRange"/>, <see cref="MSleep"/>);
/// in atomic context (under a spinlock, in a timer or interrupt handler) only <see cref="Busy"/>, which spins.
/// </summary>
public static class Delay
{
    /// <summary>The longest busy wait <see cref="Busy"/> accepts: udelay's own limit. Longer waits must sleep.</summary>
    public static Delta MaxBusy => Delta.FromMilliseconds(20).Value;

    /// <summary>Sleeps for at least <paramref name="delta"/> (fsleep: usleep_range or msleep as the length needs).</summary>
    [MaySleep]
    public static void FSleep(Delta delta) => Native.Fsleep((nuint)delta.Microseconds);

    /// <summary>Sleeps between <paramref name="min"/> and <paramref name="max"/> (usleep_range): EINVAL if min &gt; max.</summary>
    [MaySleep]
    public static Result USleepRange(Delta min, Delta max)
    {
        if (min > max) return Errno.EINVAL;
        Native.UsleepRange((nuint)min.Microseconds, (nuint)max.Microseconds);
        return Result.Ok;
    }

    /// <summary>Sleeps for at least <paramref name="milliseconds"/> ms (msleep; for 20 ms and more).</summary>
    [MaySleep]
    public static void MSleep(uint milliseconds) => Native.Msleep(milliseconds);

    /// <summary>Spins for <paramref name="delta"/> (udelay/ndelay): callable in atomic context; EINVAL beyond <see cref="MaxBusy"/>.</summary>
    public static Result Busy(Delta delta)
    {
        if (delta > MaxBusy) return Errno.EINVAL;
        Native.Ndelay((ulong)delta.Nanoseconds);
        return Result.Ok;
    }
}
