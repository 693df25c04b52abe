using Xunit;

namespace Kernel.HostTests;

/// <summary>Delta's checked arithmetic, the clocks, jiffies and the delays, against the simulated clock.</summary>
public sealed class TimeTests : HostTest
{
    [Fact]
    public void Delta_units_convert_exactly()
    {
        Delta half = Delta.FromMilliseconds(500).Value;
        Assert.Equal(500_000_000, half.Nanoseconds);
        Assert.Equal(500_000, half.Microseconds);
        Assert.Equal(500, half.Milliseconds);
        Assert.Equal(Delta.FromSeconds(2).Value, Delta.FromMicroseconds(2_000_000).Value);
    }

    [Fact]
    public void A_negative_or_overflowing_Delta_is_ERANGE_never_wrapped()
    {
        Assert.Equal(Errno.ERANGE, Delta.FromMilliseconds(-1).Error);
        Assert.Equal(Errno.ERANGE, Delta.FromSeconds(long.MaxValue / 1_000_000_000 + 1).Error);
        Assert.True(Delta.FromSeconds(long.MaxValue / 1_000_000_000).IsOk);
        Delta big = Delta.FromNanoseconds(long.MaxValue - 1).Value;
        Assert.Equal(Errno.ERANGE, big.Add(Delta.FromNanoseconds(2).Value).Error);
        Assert.Equal(long.MaxValue, big.Add(Delta.FromNanoseconds(1).Value).Value.Nanoseconds);
        Assert.Equal(Errno.ERANGE, Delta.Zero.Subtract(Delta.FromNanoseconds(1).Value).Error);
        Assert.Equal(Errno.ERANGE, big.Multiply(2).Error);
        Assert.Equal(Errno.ERANGE, Delta.FromSeconds(1).Value.Multiply(-1).Error);
        Assert.Equal(3_000_000_000, Delta.FromSeconds(1).Value.Multiply(3).Value.Nanoseconds);
    }

    [Fact]
    public void Instants_measure_on_their_own_clock_and_refuse_another()
    {
        Instant start = Instant.Monotonic;
        Delay.FSleep(Delta.FromMilliseconds(500).Value);
        Assert.Equal(500, start.Elapsed.Milliseconds);
        Assert.Equal(500_000_000, Instant.Monotonic.Since(start).Value.Nanoseconds);
        Assert.Equal(Errno.ERANGE, start.Since(Instant.Monotonic).Error);
        Assert.Equal(Errno.EINVAL, Instant.BootTime.Since(start).Error);
        Assert.Equal(5_000_000_000ul, Instant.BootTime.Nanoseconds - Instant.Monotonic.Nanoseconds);
    }

    [Fact]
    public void Each_delay_calls_its_kernel_primitive_with_the_right_unit()
    {
        Delay.FSleep(Delta.FromMicroseconds(1500).Value);
        Assert.True(Delay.USleepRange(Delta.FromMicroseconds(100).Value, Delta.FromMicroseconds(200).Value).IsOk);
        Delay.MSleep(20);
        Assert.True(Delay.Busy(Delta.FromNanoseconds(1500).Value).IsOk);
        Assert.Equal(["fsleep 1500", "usleep_range 100 200", "msleep 20", "ndelay 1500"], Native.Sleeps);
    }

    [Fact]
    public void Bad_delays_are_EINVAL_and_call_nothing()
    {
        Assert.Equal(Errno.EINVAL, Delay.USleepRange(Delta.FromMicroseconds(200).Value, Delta.FromMicroseconds(100).Value).Error);
        Assert.Equal(Errno.EINVAL, Delay.Busy(Delta.FromMilliseconds(21).Value).Error);
        Assert.True(Delay.Busy(Delay.MaxBusy).IsOk);
        Assert.Single(Native.Sleeps);
    }

    [Fact]
    public void Jiffies_convert_both_ways_rounding_down()
    {
        Assert.Equal(250ul, Jiffies.Now);
        Assert.Equal(4_000_000, Jiffies.ToDelta(1).Nanoseconds);
        Assert.Equal(0ul, Jiffies.FromDelta(Delta.FromNanoseconds(3_999_999).Value));
        Assert.Equal(1ul, Jiffies.FromDelta(Delta.FromMilliseconds(4).Value));
        Assert.Equal(125ul, Jiffies.FromDelta(Delta.FromMilliseconds(500).Value));
    }
}
