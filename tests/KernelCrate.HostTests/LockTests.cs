using Xunit;

namespace Kernel.HostTests;

public sealed class LockTests : HostTest
{
    private struct Counter { public int Value; }

    [Fact]
    public void Mutex_data_is_reached_through_the_guard_and_the_guard_unlocks()
    {
        Mutex<Counter> mutex = Mutex<Counter>.TryNew(new Counter { Value = 1 }).Value;
        using (MutexGuard<Counter> guard = mutex.Lock())
        {
            guard.Value.Value++;
            Assert.Contains(Native.Locks.Values, l => l.Held);
        }
        Assert.DoesNotContain(Native.Locks.Values, l => l.Held);
        using (MutexGuard<Counter> again = mutex.Lock()) Assert.Equal(2, again.Value.Value);
        mutex.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_guard_disposed_twice_unlocks_once()
    {
        Mutex<int> mutex = Mutex<int>.TryNew(0).Value;
        MutexGuard<int> guard = mutex.Lock();
        guard.Dispose();
        guard.Dispose();
        bool panicked = false;
        try { _ = guard.Value; } catch (KernelPanicException) { panicked = true; }
        Assert.True(panicked);
        Assert.DoesNotContain(Native.Locks.Values, l => l.Held);
        mutex.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void Locks_report_ENOMEM()
    {
        Native.FailAllocation = 0;
        Assert.Equal(Errno.ENOMEM, Mutex<int>.TryNew(0).Error);
        Native.FailAllocation = 1;
        Assert.Equal(Errno.ENOMEM, SpinLock<int>.TryNew(0).Error);
        AssertNoLeaks();
    }

    [Fact]
    public void Each_protected_type_has_its_own_lockdep_key_and_locks_of_one_type_share_it()
    {
        Mutex<int> a = Mutex<int>.TryNew(0).Value;
        Mutex<int> b = Mutex<int>.TryNew(0, CStr.FromStaticUtf8WithNul("b\0"u8)).Value;
        Mutex<long> c = Mutex<long>.TryNew(0).Value;
        SpinLock<int> d = SpinLock<int>.TryNew(0).Value;
        var keys = new System.Collections.Generic.List<(nint Key, string Name)>();
        foreach ((bool _, nint key, string name) in Native.Locks.Values) keys.Add((key, name));
        Assert.Equal(4, keys.Count);
        Assert.Equal(2, keys.FindAll(k => k.Key == keys.Find(x => x.Name == "b").Key).Count);
        Assert.Equal(3, new System.Collections.Generic.HashSet<nint>(keys.ConvertAll(k => k.Key)).Count);
        Assert.Contains(keys, k => k.Name == "KernelCrate.Mutex");
        Assert.Contains(keys, k => k.Name == "KernelCrate.SpinLock");
        a.Dispose(); b.Dispose(); c.Dispose(); d.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void SpinLock_irqsave_restores_the_flags_it_saved()
    {
        SpinLock<Counter> spin = SpinLock<Counter>.TryNew(default).Value;
        using (SpinLockGuard<Counter> guard = spin.LockIrqSave()) guard.Value.Value = 5;
        using (SpinLockGuard<Counter> guard = spin.Lock()) Assert.Equal(5, guard.Value.Value);
        spin.Dispose();
        Assert.Throws<KernelPanicException>(() => spin.Lock());
        AssertNoLeaks();
    }
}
