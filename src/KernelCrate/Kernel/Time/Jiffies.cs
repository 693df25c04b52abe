using System;

namespace Kernel;

/// <summary>The kernel's tick counter (<c>get_jiffies_64</c>; HZ ticks a second, 250 on Debian's kernels) and its conversions.</summary>
public static class Jiffies
{
    /// <summary>The 64-bit tick count: it does not wrap in the life of a machine.</summary>
    public static ulong Now => Native.Jiffies();

    /// <summary>How long <paramref name="ticks"/> ticks last (jiffies64_to_nsecs).</summary>
    public static Delta ToDelta(ulong ticks) => Delta.FromClock(Native.JiffiesToNsecs(ticks));

    /// <summary>The ticks in <paramref name="delta"/>, rounded down (nsecs_to_jiffies64).</summary>
    public static ulong FromDelta(Delta delta) => Native.NsecsToJiffies((ulong)delta.Nanoseconds);
}
