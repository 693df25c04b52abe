using Xunit;

namespace Kernel.HostTests;

public sealed class AllocationTests : HostTest
{
    [Fact]
    public void KBox_holds_a_value_and_frees_it()
    {
        Result<KBox<long>> box = KBox<long>.TryNew(7);
        Assert.True(box.IsOk);
        Assert.Equal(7, box.Value.Value);
        box.Value.Value = 8;
        Assert.Equal(8, box.Value.Value);
        Assert.Equal(1, Native.LiveAllocations);
        box.Value.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void KBox_reports_ENOMEM()
    {
        Native.FailAllocation = 0;
        Assert.Equal(Errno.ENOMEM, KBox<int>.TryNew(1, Gfp.Atomic).Error);
        AssertNoLeaks();
    }

    [Fact]
    public void KVec_grows_by_doubling_from_four()
    {
        var vector = new KVec<int>(Gfp.Kernel);
        var capacities = new System.Collections.Generic.List<int>();
        for (int i = 0; i < 17; i++)
        {
            Assert.True(vector.TryPush(i).IsOk);
            capacities.Add(vector.Capacity);
        }
        Assert.Equal([4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 32], capacities);
        Assert.Equal(17, vector.Length);
        for (int i = 0; i < 17; i++) Assert.Equal(i, vector[i]);
        Assert.True(vector.TryPop(out int last));
        Assert.Equal(16, last);
        vector.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void KVec_with_capacity_and_reserve()
    {
        Result<KVec<byte>> made = KVec<byte>.TryWithCapacity(100);
        KVec<byte> vector = made.Value;
        Assert.Equal(100, vector.Capacity);
        Assert.True(vector.TryReserve(50).IsOk);
        Assert.Equal(100, vector.Capacity);
        Assert.True(vector.TryReserve(150).IsOk);
        Assert.Equal(200, vector.Capacity);
        Assert.Equal(Errno.EINVAL, vector.TryReserve(-1).Error);
        vector.Dispose();
        var wide = new KVec<long>(Gfp.Kernel);
        int allocationsBefore = Native.AllocationCount;
        Assert.Equal(Errno.ENOMEM, wide.TryReserve(int.MaxValue).Error);
        Assert.Equal(0, wide.Capacity);
        Assert.Equal(allocationsBefore, Native.AllocationCount);
        AssertNoLeaks();
    }

    [Fact]
    public void KVec_extends_from_a_span_or_stays_as_it_was()
    {
        var vector = new KVec<byte>(Gfp.Kernel);
        Assert.True(vector.TryPush(1).IsOk);
        Assert.True(vector.TryExtendFrom(new byte[] { 2, 3, 4, 5, 6 }).IsOk);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, vector.AsSpan().ToArray());
        Assert.True(vector.TryExtendFrom(default).IsOk);
        Assert.Equal(6, vector.Length);
        Native.FailAllocation = Native.AllocationCount;
        Assert.Equal(Errno.ENOMEM, vector.TryExtendFrom(new byte[100]).Error);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, vector.AsSpan().ToArray());
        vector.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void KVec_index_out_of_bounds_panics()
    {
        var vector = new KVec<int>(Gfp.Kernel);
        Assert.True(vector.TryPush(1).IsOk);
        var panic = Assert.Throws<KernelPanicException>(() => vector[1]);
        Assert.Contains("KVec index out of bounds", panic.Message);
        vector.Dispose();
    }

    [Fact]
    public void Every_allocation_failure_reports_ENOMEM_keeps_the_vector_and_leaks_nothing()
    {
        // A scenario with 4 allocations (capacity 4 -> 8 -> 16 -> 32): fail each one in turn.
        for (int failAt = 0; failAt < 4; failAt++)
        {
            Native.Reset();
            Native.FailAllocation = failAt;
            var vector = new KVec<int>(Gfp.Kernel);
            int pushed = 0;
            Result last = Result.Ok;
            for (int i = 0; i < 20 && last.IsOk; i++)
            {
                last = vector.TryPush(i);
                if (last.IsOk) pushed++;
            }
            Assert.Equal(Errno.ENOMEM, last.Error);
            Assert.Equal(pushed, vector.Length);
            for (int i = 0; i < pushed; i++) Assert.Equal(i, vector[i]);
            vector.Dispose();
            AssertNoLeaks();
        }
    }
}
