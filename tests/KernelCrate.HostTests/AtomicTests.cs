using Xunit;

namespace Kernel.HostTests;

public sealed class AtomicTests : HostTest
{
    [Fact]
    public void AtomicBool_load_store_swap_compare_exchange()
    {
        var flag = new AtomicBool(false);
        Assert.False(flag.Load());
        flag.Store(true);
        Assert.True(flag.Swap(false));
        Assert.False(flag.CompareExchange(expected: false, value: true));
        Assert.True(flag.Load());
        Assert.True(flag.CompareExchange(expected: false, value: false));
        Assert.True(flag.Load());
    }

    [Fact]
    public void Atomic_integers_add_and_exchange()
    {
        var counter = new AtomicI32(5);
        Assert.Equal(5, counter.FetchAdd(3));
        Assert.Equal(8, counter.Load());
        Assert.Equal(8, counter.CompareExchange(8, 1));
        var big = new AtomicI64(long.MaxValue - 1);
        Assert.Equal(long.MaxValue - 1, big.FetchAdd(1));
        Assert.Equal(long.MaxValue, big.Swap(0));
    }
}
