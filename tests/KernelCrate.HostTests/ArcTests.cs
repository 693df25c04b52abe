using Xunit;

namespace Kernel.HostTests;

public sealed class ArcTests : HostTest
{
    [Fact]
    public void Clones_share_the_value_and_the_last_release_frees_it()
    {
        Arc<long> first = Arc<long>.TryNew(5).Value;
        Arc<long> second = first.Clone();
        Assert.True(first.SharesWith(second));
        second.Value = 6;
        Assert.Equal(6, first.Value);
        Assert.False(first.Release(out _));
        Assert.Equal(1, Native.LiveAllocations);
        Assert.True(second.Release(out long last));
        Assert.Equal(6, last);
        AssertNoLeaks();
    }

    [Fact]
    public void The_last_holder_gets_the_value_to_dispose()
    {
        Arc<Mutex<int>> shared = Arc<Mutex<int>>.TryNew(Mutex<int>.TryNew(1).Value).Value;
        Arc<Mutex<int>> other = shared.Clone();
        using (MutexGuard<int> g = other.Value.Lock()) g.Value++;
        shared.Dispose();
        Assert.True(other.Release(out Mutex<int> mutex));
        using (MutexGuard<int> g = mutex.Lock()) Assert.Equal(2, g.Value);
        mutex.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_disposed_reference_panics_on_use_and_disposes_once()
    {
        Arc<int> arc = Arc<int>.TryNew(1).Value;
        arc.Dispose();
        arc.Dispose();
        Assert.Throws<KernelPanicException>(() => arc.Clone());
        AssertNoLeaks();
    }

    [Fact]
    public void Creation_reports_ENOMEM()
    {
        Native.FailAllocation = 0;
        Assert.Equal(Errno.ENOMEM, Arc<int>.TryNew(1, Gfp.Atomic).Error);
        AssertNoLeaks();
    }
}
