using System;
using Kernel;

namespace KcTest;

/// <summary>
/// KernelCrate's API exercised inside a real kernel: [KernelTest] methods that `dotnet test` of this project runs in
/// the test module "kctest" (tests/kernel/run.sh on every kernel; the debug stage loads the same module).
/// </summary>
internal static unsafe class KernelCrateTests
{
    [KernelTest]
    internal static void CStr_literals_are_NUL_terminated_static_data()
    {
        CStr literal = CStr.Literal("example");
        Expect.Equal(7, literal.Length);
        Expect.Equal(0, literal.AsBytesWithNul()[7]);
        Expect.True(literal.Pointer == CStr.Literal("example").Pointer);
    }

    [KernelTest]
    internal static void CStr_FromBytesWithNul_checks_the_terminator()
    {
        Expect.Ok(CStr.FromBytesWithNul("ok\0"u8));
        Expect.Error(Errno.EINVAL, CStr.FromBytesWithNul("no"u8));
        Expect.Error(Errno.EINVAL, CStr.FromBytesWithNul("a\0b\0"u8));
        Expect.Equal("example"u8, CStr.Literal("example").AsBytes());
    }

    [KernelTest]
    internal static void Errno_values_are_the_kernel_s()
    {
        Expect.Equal(-12, Errno.ENOMEM.ToKernel());
        Expect.True(Errno.FromKernel(-110) == Errno.ETIMEDOUT);
        Expect.True(Errno.FromKernel(7000) == Errno.EINVAL);
        Result<int> failed = Errno.EBUSY;
        Expect.Error(Errno.EBUSY, failed);
    }

    [KernelTest]
    internal static void Printk_reaches_every_level_and_formats()
    {
        Printk.Emerg("level emerg");
        Printk.Alert("level alert");
        Printk.Crit("level crit");
        Printk.Err("level err");
        Printk.Warning("level warning");
        Printk.Notice("level notice");
        Printk.Info("level info");
        Printk.Debug("level debug");
        int answer = 42;
        uint mask = 0xBEEF;
        Printk.Info($"format {answer} {-answer} {mask:x} {true} {Errno.EIO} {CStr.Literal("cstr")} {"bytes"u8}");
        Printk.Info($"%s%n injection {answer}");
    }

    [KernelTest]
    internal static void KBox_holds_its_value()
    {
        Result<KBox<long>> box = KBox<long>.TryNew(41);
        if (!Expect.Ok(box)) return;
        box.Value.Value++;
        Expect.Equal(42, box.Value.Value);
        box.Value.Dispose();
    }

    [KernelTest]
    internal static void KVec_grows_and_keeps_its_items()
    {
        var vector = new KVec<int>(Gfp.Kernel);
        bool pushed = true;
        for (int i = 0; i < 1000; i++) pushed &= vector.TryPush(i * 3).IsOk;
        Expect.True(pushed);
        Expect.Equal(1000, vector.Length);
        bool intact = true;
        for (int i = 0; pushed && i < 1000; i++) intact &= vector[i] == i * 3;
        Expect.True(intact);
        vector.Dispose();

        Result<KVec<long>> sized = KVec<long>.TryWithCapacity(64, Gfp.Atomic);
        if (Expect.Ok(sized))
        {
            Expect.Equal(64, sized.Value.Capacity);
            sized.Value.Dispose();
        }
    }

    [KernelTest]
    internal static void An_impossible_allocation_is_ENOMEM_and_the_vector_stays_usable()
    {
        // More than kmalloc can ever give (NOWARN: the failure is expected).
        var huge = new KVec<byte>(Gfp.Kernel | Gfp.NoWarn);
        Expect.Error(Errno.ENOMEM, huge.TryReserve(1 << 30));
        Expect.Equal(0, huge.Capacity);
        Expect.Ok(huge.TryPush(1));
        huge.Dispose();
    }

    [KernelTest]
    internal static void Atomics()
    {
        var counter = new AtomicI32(1);
        Expect.Equal(1, counter.FetchAdd(2));
        Expect.Equal(3, counter.Load());
        var flag = new AtomicBool(false);
        Expect.False(flag.Swap(true));
        Expect.True(flag.Load());
        var wide = new AtomicI64(long.MaxValue);
        Expect.Equal(long.MaxValue, wide.CompareExchange(long.MaxValue, 5));
        Expect.Equal(5, wide.Load());
    }

    [KernelTest]
    internal static void Sysctl_storage_reads_and_parses()
    {
        Result<Sysctl<AtomicBool>> registered = Sysctl<AtomicBool>.Register(
            CStr.Literal("kctest"), CStr.Literal("flag"), new AtomicBool(true), SysctlMode.ReadOnly);
        if (!Expect.Ok(registered)) return;
        Sysctl<AtomicBool> sysctl = registered.Value;
        Span<byte> buffer = stackalloc byte[8];
        (int read, Result readResult) = sysctl.Storage.Read(buffer);
        Expect.Ok(readResult);
        Expect.Equal("1\n"u8, buffer.Slice(0, read));
        Expect.Ok(sysctl.Storage.Store(" 0\n"u8).Result);
        Expect.False(sysctl.Storage.Load());
        Expect.Error(Errno.EINVAL, sysctl.Storage.Store("x"u8).Result);
        Expect.False(sysctl.Storage.Load());
        sysctl.Dispose();
    }

    private static ReadOnlySpan<byte> Bytes => new byte[] { 1, 2, 3, 250 };
    private static ReadOnlySpan<int> Primes => new int[] { 2, 3, 5, 7, 11 };
    private static ReadOnlySpan<ushort> Ports => [80, 443, 8080];

    private static bool IsInt<T>() => typeof(T) == typeof(int);

    [KernelTest]
    internal static void Everyday_CSharp_static_data_spans_and_generics()
    {
        int sum = 0;
        foreach (byte b in Bytes) sum += b;
        Expect.Equal(256, sum);
        int product = 1;
        foreach (int p in Primes) product *= p;
        Expect.Equal(2310, product);
        Expect.Equal(3, Ports.Length);
        Expect.Equal(8080, Ports[2]);
        Span<int> scratch = stackalloc int[4];
        int i = 0;
        foreach (ref int slot in scratch) slot = ++i;
        Expect.Equal(4, scratch[3]);
        Expect.True(IsInt<int>() && !IsInt<long>());
    }

    private struct Counter { internal long Value; }

    [KernelTest]
    internal static void Mutex_and_SpinLock_guard_their_data()
    {
        Result<Mutex<Counter>> mutex = Mutex<Counter>.TryNew(new Counter { Value = 1 }, CStr.Literal("kctest.mutex"));
        Result<SpinLock<Counter>> spin = SpinLock<Counter>.TryNew(new Counter { Value = 10 });
        Expect.Ok(mutex);
        Expect.Ok(spin);
        if (mutex.IsError || spin.IsError)
        {
            // Under fault injection one may fail: the other is freed (kmemleak found it when it was not).
            if (mutex.IsOk) mutex.Value.Dispose();
            if (spin.IsOk) spin.Value.Dispose();
            return;
        }
        // Nested in one order only (lockdep would report an inversion under the debug kernel).
        using (MutexGuard<Counter> outer = mutex.Value.Lock())
        {
            outer.Value.Value++;
            using SpinLockGuard<Counter> inner = spin.Value.Lock();
            inner.Value.Value += outer.Value.Value;
        }
        using (SpinLockGuard<Counter> irq = spin.Value.LockIrqSave()) irq.Value.Value++;
        long seen;
        using (SpinLockGuard<Counter> again = spin.Value.Lock()) seen = again.Value.Value;
        Expect.Equal(13, seen);
        Result<KBox<int>> atomic;
        using (SpinLockGuard<Counter> held = spin.Value.Lock()) atomic = KBox<int>.TryNew(5, Gfp.Atomic);
        if (Expect.Ok(atomic))
        {
            Expect.Equal(5, atomic.Value.Value);
            atomic.Value.Dispose();
        }
        mutex.Value.Dispose();
        spin.Value.Dispose();
    }

    [KernelTest]
    internal static void Arc_clones_share_a_value_and_the_last_release_hands_it_back()
    {
        Result<Mutex<Counter>> sharedMutex = Mutex<Counter>.TryNew(default);
        if (!Expect.Ok(sharedMutex)) return;
        Result<Arc<Mutex<Counter>>> shared = Arc<Mutex<Counter>>.TryNew(sharedMutex.Value);
        if (!Expect.Ok(shared)) { sharedMutex.Value.Dispose(); return; }
        Arc<Mutex<Counter>> other = shared.Value.Clone();
        using (MutexGuard<Counter> g = other.Value.Lock()) g.Value.Value = 99;
        Expect.False(shared.Value.Release(out _));
        Expect.True(other.Release(out Mutex<Counter> last));
        long kept;
        using (MutexGuard<Counter> g = last.Lock()) kept = g.Value.Value;
        last.Dispose();
        Expect.Equal(99, kept);
    }

    [KernelTest]
    internal static void User_memory_faults_exactly()
    {
        // init_module runs in insmod's process: address 8 is never mapped there, so each copy faults exactly.
        UserSliceReader reader = new UserSlice(8, 4).Reader();
        Expect.Error(Errno.EFAULT, reader.Read<int>());
        Span<byte> bytes = stackalloc byte[4];
        Expect.Equal(0, (long)new UserSlice(8, 4).Reader().CopyFrom(bytes));
        Expect.Error(Errno.EFAULT, new UserSlice(8, 4).Writer().Write(7));
        Expect.Equal(0x80047c81, IoctlNumber.IOR<int>('|', 0x81));
        Expect.Equal(4, IoctlNumber.Size(0x80047c81));
    }

    [KernelTest]
    internal static void Sleeps_take_at_least_their_time_on_both_clocks()
    {
        Instant monotonic = Instant.Monotonic, boot = Instant.BootTime;
        Delay.FSleep(Delta.FromMilliseconds(20).Value);
        Delta slept = monotonic.Elapsed;
        Expect.True(slept >= Delta.FromMilliseconds(20).Value);
        Expect.True(slept < Delta.FromSeconds(10).Value);
        Expect.True(boot.Elapsed >= Delta.FromMilliseconds(20).Value);
        // Boot time is monotonic time plus time suspended: read after it, never behind it.
        ulong monotonicNow = Instant.Monotonic.Nanoseconds;
        Expect.True(Instant.BootTime.Nanoseconds >= monotonicNow);
        Expect.Error(Errno.EINVAL, boot.Since(monotonic));
        // msleep is a jiffies timeout: it returns only once jiffies has moved on by at least its length.
        // (After an hrtimer sleep such as fsleep's, jiffies may not yet have caught up with the clock.)
        Instant before = Instant.Monotonic;
        ulong ticks = Jiffies.Now;
        Delay.MSleep(20);
        Expect.True(Jiffies.Now - ticks >= Jiffies.FromDelta(Delta.FromMilliseconds(20).Value));
        Expect.Ok(Delay.USleepRange(Delta.FromMicroseconds(100).Value, Delta.FromMicroseconds(200).Value));
        Expect.True(before.Elapsed >= Delta.FromMicroseconds(20_100).Value);
    }

    [KernelTest]
    internal static void A_busy_delay_spins_for_its_time_and_refuses_a_long_one()
    {
        Instant before = Instant.Monotonic;
        Expect.Ok(Delay.Busy(Delta.FromMicroseconds(200).Value));
        Expect.True(before.Elapsed >= Delta.FromMicroseconds(200).Value);
        Expect.Error(Errno.EINVAL, Delay.Busy(Delta.FromMilliseconds(21).Value));
        Expect.Error(Errno.ERANGE, Delta.FromMilliseconds(-1));
        Expect.Error(Errno.ERANGE, Delta.FromSeconds(long.MaxValue));
        // A second is a whole number of ticks at every HZ the kernel offers (100, 250, 1000): it round-trips.
        Expect.Equal(1_000_000_000, Jiffies.ToDelta(Jiffies.FromDelta(Delta.FromSeconds(1).Value)).Nanoseconds);
        // Less than a tick at every HZ is no tick: the conversion rounds down.
        Expect.Equal(0, (long)Jiffies.FromDelta(Delta.FromNanoseconds(999_999).Value));
    }
}
