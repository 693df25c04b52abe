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

    private struct OnlyHere { }

    [Fact]
    public void Each_protected_type_has_its_own_lockdep_class_and_the_first_name_names_it()
    {
        // The host model throws as lockdep warns if one key is given two names.
        Mutex<OnlyHere> a = Mutex<OnlyHere>.TryNew(default, CStr.FromStaticUtf8WithNul("first\0"u8)).Value;
        Mutex<OnlyHere> b = Mutex<OnlyHere>.TryNew(default, CStr.FromStaticUtf8WithNul("second\0"u8)).Value;
        Mutex<OnlyHere> c = Mutex<OnlyHere>.TryNew(default).Value;
        Mutex<long> d = Mutex<long>.TryNew(0).Value;
        SpinLock<OnlyHere> e = SpinLock<OnlyHere>.TryNew(default).Value;
        var classes = new System.Collections.Generic.HashSet<(nint Key, string Name)>();
        foreach ((bool _, nint key, string name) in Native.Locks.Values) classes.Add((key, name));
        Assert.Equal(3, classes.Count);
        Assert.Contains(classes, k => k.Name == "first");
        Assert.DoesNotContain(classes, k => k.Name == "second");
        Assert.Contains(classes, k => k.Name == "KernelCrate.SpinLock");
        a.Dispose(); b.Dispose(); c.Dispose(); d.Dispose(); e.Dispose();
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
