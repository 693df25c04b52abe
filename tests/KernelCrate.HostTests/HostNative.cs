using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace Kernel;

/// <summary>A kernel panic on the host: what kc_panic would print before BUG().</summary>
public sealed class KernelPanicException(string message) : Exception(message);

/// <summary>
/// The host backend of Kernel.Native: kmalloc with failure injection and a live-allocation count, printk into a
/// list, sysctl registration recorded. Tests run one at a time (see AssemblyInfo.cs).
/// </summary>
internal static unsafe class Native
{
    public static readonly List<(LogLevel Level, string Text)> Lines = new();
    public static int LiveAllocations;
    public static int AllocationCount;
    /// <summary>The 0-based allocation that fails, or -1.</summary>
    public static int FailAllocation = -1;
    public static bool FailSysctlRegistration;
    /// <summary>Registered files: what kc_sysctl_register was given.</summary>
    public static readonly List<HostSysctl> Registered = new();

    public static void Reset()
    {
        Lines.Clear();
        LineOpen = false;
        LiveAllocations = 0;
        AllocationCount = 0;
        FailAllocation = -1;
        FailSysctlRegistration = false;
        Registered.Clear();
        UserMemory.Clear();
        Devices.Clear();
        FailDeviceRegistration = 0;
        Locks.Clear();
        Arcs.Clear();
        Clock = 1_000_000_000;
        BootOffset = 5_000_000_000;
        Sleeps.Clear();
        Timers.Clear();
        Works.Clear();
        Workqueues.Clear();
        Completions.Clear();
        SignalPending = false;
        InSoftirq = false;
        WhileWaiting = () => false;
        Notified.Clear();
        RunWork = _ => throw new InvalidOperationException("no work runner set");
        PciDrivers.Clear();
        PciDevices.Clear();
        IrqsFreed.Clear();
        PlatformDrivers.Clear();
        PlatformDevices.Clear();
        DebugfsEntries.Clear();
        ProcFiles.Clear();
        ConfigfsItems.Clear();
        FailConfigfs = 0;
        SysfsAttrs.Clear();
        Seqs.Clear();
        Properties.Clear();
    }

    /// <summary>Whether the last record lacks its newline, so a KERN_CONT joins it (as the kernel's log does).</summary>
    public static bool LineOpen;

    public static void Printk(int level, byte* text, nuint length, int endLine)
    {
        string value = Encoding.UTF8.GetString(text, (int)length);
        if ((LogLevel)level == LogLevel.Cont && LineOpen) Lines[^1] = (Lines[^1].Level, Lines[^1].Text + value);
        else Lines.Add(((LogLevel)level, value));
        LineOpen = endLine == 0;
    }

    /// <summary>A test module's kc_first_test parameter.</summary>
    public static int TestFirst() => 1;

    public static void Panic(byte* what, nuint length)
        => throw new KernelPanicException("panicked at '" + Encoding.UTF8.GetString(what, (int)length) + "'");

    private static bool ShouldFail() => AllocationCount++ == FailAllocation;

    public static void* Kmalloc(nuint size, Gfp flags)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        return (flags & Gfp.Zero) != 0 ? NativeMemory.AllocZeroed(size) : NativeMemory.Alloc(size);
    }

    public static void* Krealloc(void* old, nuint size, Gfp flags)
    {
        if (ShouldFail()) return null;
        if (old == null) LiveAllocations++;
        return NativeMemory.Realloc(old, size);
    }

    public static void Kfree(void* pointer)
    {
        if (pointer == null) return;
        LiveAllocations--;
        NativeMemory.Free(pointer);
    }

    public static void* Memmove(void* destination, void* source, nuint length)
    {
        Buffer.MemoryCopy(source, destination, length, length);
        return destination;
    }

    public static void* Memset(void* destination, int value, nuint length)
    {
        NativeMemory.Fill(destination, length, (byte)value);
        return destination;
    }

    /// <summary>kc_sysctl_alloc: C's record of one file, with the storage after it (counted as one allocation).</summary>
    public static void* SysctlAlloc(uint kind, nuint storageSize)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        var handle = GCHandle.Alloc(new HostSysctl(kind, NativeMemory.AllocZeroed(storageSize)));
        return (void*)GCHandle.ToIntPtr(handle);
    }

    public static HostSysctl Sysctl(void* handle) => (HostSysctl)GCHandle.FromIntPtr((IntPtr)handle).Target!;

    public static void* SysctlStorage(void* handle) => Sysctl(handle).Storage;

    public static int SysctlRegister(void* handle, byte* path, byte* name, ushort mode)
    {
        if (FailSysctlRegistration) return -12;
        HostSysctl sysctl = Sysctl(handle);
        sysctl.Path = Marshal.PtrToStringUTF8((IntPtr)path);
        sysctl.Name = Marshal.PtrToStringUTF8((IntPtr)name);
        sysctl.Mode = mode;
        Registered.Add(sysctl);
        return 0;
    }

    public static void SysctlFree(void* handle)
    {
        HostSysctl sysctl = Sysctl(handle);
        Registered.Remove(sysctl);
        NativeMemory.Free(sysctl.Storage);
        GCHandle.FromIntPtr((IntPtr)handle).Free();
        LiveAllocations--;
    }
    /// <summary>The process's readable and writable memory as copy_{from,to}_user see it: anything else faults.</summary>
    public static readonly List<(ulong Start, ulong Length)> UserMemory = new();

    /// <summary>Bytes from <paramref name="address"/> that lie in user memory, up to <paramref name="length"/>.</summary>
    private static nuint Accessible(ulong address, nuint length)
    {
        foreach ((ulong start, ulong size) in UserMemory)
            if (address >= start && address < start + size)
                return (nuint)Math.Min((ulong)length, start + size - address);
        return 0;
    }

    public static nuint CopyFromUser(void* destination, ulong source, nuint length)
    {
        nuint ok = Accessible(source, length);
        Buffer.MemoryCopy((void*)source, destination, ok, ok);
        return length - ok;
    }

    public static nuint CopyToUser(ulong destination, void* source, nuint length)
    {
        nuint ok = Accessible(destination, length);
        Buffer.MemoryCopy(source, (void*)destination, ok, ok);
        return length - ok;
    }

    /// <summary>Registered misc devices: kind, state size, name, mode.</summary>
    public static readonly List<(uint Kind, uint Operations, nuint StateSize, string Name, ushort Mode)> Devices = new();
    public static int FailDeviceRegistration;

    public static void* MiscdevRegister(uint kind, uint operations, nuint stateSize, byte* name, ushort mode, int* error)
    {
        if (FailDeviceRegistration != 0) { *error = FailDeviceRegistration; return null; }
        Devices.Add((kind, operations, stateSize, Marshal.PtrToStringUTF8((IntPtr)name)!, mode));
        *error = 0;
        return (void*)Devices.Count;
    }

    public static void MiscdevDeregister(void* device) => Devices[(int)device - 1] = default;
    public static void* MiscdevDevice(void* device) => device;
    public static int MiscdevMinor(void* device) => 100 + (int)device;

    public static void DevPrintk(int level, void* device, byte* text, nuint length)
        => Lines.Add(((LogLevel)level, $"dev{(nint)device}: " + Encoding.UTF8.GetString(text, (int)length)));

    /// <summary>Every lock: held or not, and the lockdep key and name it was made with.</summary>
    public static readonly Dictionary<nint, (bool Held, nint Key, string Name)> Locks = new();

    private static void* LockAlloc(nuint dataSize, void* key, byte* name)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        string className = Marshal.PtrToStringUTF8((IntPtr)name)!;
        // lockdep's rule: one name per key ("found a different class with the same key" is a WARNING).
        foreach ((bool _, nint otherKey, string otherName) in Locks.Values)
            if (otherKey == (nint)key && otherName != className)
                throw new InvalidOperationException($"lockdep: class {className} has the key of {otherName}");
        byte* block = (byte*)NativeMemory.AllocZeroed(16 + dataSize);
        Locks[(nint)block] = (false, (nint)key, className);
        return block;
    }

    private static void Take(void* lk)
    {
        (bool held, nint key, string name) = Locks[(nint)lk];
        if (held) throw new InvalidOperationException("deadlock: " + name + " taken twice");
        Locks[(nint)lk] = (true, key, name);
    }

    private static void Give(void* lk)
    {
        (bool held, nint key, string name) = Locks[(nint)lk];
        if (!held) throw new InvalidOperationException(name + " released while not held");
        Locks[(nint)lk] = (false, key, name);
    }

    private static void LockFree(void* lk)
    {
        if (Locks[(nint)lk].Held) throw new InvalidOperationException("freed while held");
        Locks.Remove((nint)lk);
        NativeMemory.Free(lk);
        LiveAllocations--;
    }

    public static void* MutexAlloc(nuint dataSize, void* key, byte* name) => LockAlloc(dataSize, key, name);
    public static void* MutexData(void* mutex) => (byte*)mutex + 16;
    public static void MutexLock(void* mutex) => Take(mutex);
    public static void MutexUnlock(void* mutex) => Give(mutex);
    public static void MutexFree(void* mutex) => LockFree(mutex);
    public static void* SpinlockAlloc(nuint dataSize, void* key, byte* name) => LockAlloc(dataSize, key, name);
    public static void* SpinlockData(void* spin) => (byte*)spin + 16;
    public static void SpinlockLock(void* spin) => Take(spin);
    public static void SpinlockUnlock(void* spin) => Give(spin);
    public static nuint SpinlockLockIrqsave(void* spin) { Take(spin); return 0x246; }
    public static void SpinlockUnlockIrqrestore(void* spin, nuint flags)
    {
        if (flags != 0x246) throw new InvalidOperationException("irqrestore with flags not from irqsave");
        Give(spin);
    }
    public static void SpinlockFree(void* spin) => LockFree(spin);
    /// <summary>Live Arc blocks and their counts.</summary>
    public static readonly Dictionary<nint, int> Arcs = new();

    public static void* ArcAlloc(nuint dataSize, Gfp flags)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        byte* block = (byte*)NativeMemory.AllocZeroed(16 + dataSize);
        Arcs[(nint)block] = 1;
        return block;
    }

    public static void* ArcData(void* arc) => (byte*)arc + 16;

    public static void ArcGet(void* arc)
    {
        if (Arcs[(nint)arc] == 0) throw new InvalidOperationException("refcount_t: addition on 0; use-after-free");
        Arcs[(nint)arc]++;
    }

    public static int ArcPut(void* arc) => (--Arcs[(nint)arc] == 0) ? 1 : 0;

    public static void ArcFree(void* arc)
    {
        if (Arcs[(nint)arc] != 0) throw new InvalidOperationException("freed with references left");
        Arcs.Remove((nint)arc);
        NativeMemory.Free(arc);
        LiveAllocations--;
    }

    /// <summary>The simulated monotonic clock (ns): only sleeps and busy waits move it, so tests see exact values.</summary>
    public static ulong Clock = 1_000_000_000;
    /// <summary>How far the boot-time clock is ahead (time suspended, as the kernel counts it).</summary>
    public static ulong BootOffset = 5_000_000_000;
    /// <summary>Each sleep or delay asked for: the helper and its arguments.</summary>
    public static readonly List<string> Sleeps = new();
    /// <summary>HZ of the simulated kernel (Debian's: 250).</summary>
    public const ulong Hz = 250;

    public static ulong KtimeGetNs() => Clock;
    public static ulong KtimeGetBoottimeNs() => Clock + BootOffset;
    public static ulong Jiffies() => Clock / TickNs;
    public const ulong TickNs = 1_000_000_000 / Hz;
    public static ulong JiffiesToNsecs(ulong jiffies) => jiffies * TickNs;
    public static ulong NsecsToJiffies(ulong nsecs) => nsecs / TickNs;
    // The whole ticks covering nsecs: the helpers' timeouts never end early.
    private static ulong TicksCovering(ulong nsecs) => (nsecs + TickNs - 1) / TickNs;
    public static void Fsleep(nuint usecs) { Sleeps.Add($"fsleep {usecs}"); Clock += (ulong)usecs * 1000; }
    public static void UsleepRange(nuint min, nuint max) { Sleeps.Add($"usleep_range {min} {max}"); Clock += (ulong)min * 1000; }
    public static void Msleep(uint msecs) { Sleeps.Add($"msleep {msecs}"); Clock += (ulong)msecs * 1_000_000; }
    public static void Ndelay(ulong nsecs) { Sleeps.Add($"ndelay {nsecs}"); Clock += nsecs; }

    /// <summary>A simulated hrtimer or work item: C's block (a 64-byte header, then the state) and what the kernel knows of it.</summary>
    public sealed class Deferred
    {
        public uint Kind;
        public uint Clock;
        public bool Queued;
        public bool Absolute;
        public ulong Expiry;
        public nint Queue;
        public byte* State;
    }

    public static readonly Dictionary<nint, Deferred> Timers = new();
    public static readonly Dictionary<nint, Deferred> Works = new();
    public static readonly HashSet<nint> Workqueues = new();
    /// <summary>Live completions and their done count (UINT_MAX after complete_all, as the kernel's).</summary>
    public static readonly Dictionary<nint, uint> Completions = new();

    private static void* DeferredAlloc(Dictionary<nint, Deferred> live, uint kind, nuint stateSize, uint clock)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        byte* block = (byte*)NativeMemory.AllocZeroed(64 + stateSize);
        live[(nint)block] = new Deferred { Kind = kind, Clock = clock, State = block + 64 };
        return block;
    }

    private static void DeferredFree(Dictionary<nint, Deferred> live, void* block)
    {
        if (live[(nint)block].Queued) throw new InvalidOperationException("ODEBUG: free active object");
        live.Remove((nint)block);
        NativeMemory.Free(block);
        LiveAllocations--;
    }

    public static void* HrtimerAlloc(uint kind, nuint stateSize, uint clock, Gfp flags) => DeferredAlloc(Timers, kind, stateSize, clock);
    public static void* HrtimerState(void* timer) => Timers[(nint)timer].State;
    public static void HrtimerStart(void* timer, ulong nsecs, bool absolute)
    {
        Deferred t = Timers[(nint)timer];
        t.Queued = true;
        t.Absolute = absolute;
        t.Expiry = absolute ? nsecs : Clock + nsecs;
    }
    public static int HrtimerCancel(void* timer)
    {
        Deferred t = Timers[(nint)timer];
        bool queued = t.Queued;
        t.Queued = false;
        return queued ? 1 : 0;
    }
    public static int HrtimerTryCancel(void* timer) => HrtimerCancel(timer);
    public static int HrtimerActive(void* timer) => Timers[(nint)timer].Queued ? 1 : 0;
    public static int HrtimerIsBoottime(void* timer) => (Timers[(nint)timer].Clock == 1) ? 1 : 0;
    public static void HrtimerFree(void* timer) => DeferredFree(Timers, timer);

    public static void* WorkAlloc(uint kind, nuint stateSize, Gfp flags) => DeferredAlloc(Works, kind, stateSize, 0);
    public static void* WorkState(void* work) => Works[(nint)work].State;
    public static int WorkQueue(void* queue, void* work) => WorkQueueDelayed(queue, work, 0);
    public static int WorkQueueDelayed(void* queue, void* work, ulong delayNs)
    {
        if (queue != null && !Workqueues.Contains((nint)queue)) throw new InvalidOperationException("queue_work on a destroyed workqueue");
        Deferred w = Works[(nint)work];
        if (w.Queued) return 0;
        w.Queued = true;
        w.Queue = (nint)queue;
        w.Expiry = Clock + TicksCovering(delayNs) * TickNs;
        return 1;
    }
    public static int WorkCancel(void* work)
    {
        Deferred w = Works[(nint)work];
        bool pending = w.Queued;
        w.Queued = false;
        return pending ? 1 : 0;
    }
    /// <summary>flush_delayed_work: a pending item is run now, by the test (the runner is the caller's).</summary>
    public static Action<nint> RunWork = _ => throw new InvalidOperationException("no work runner set");
    public static int WorkFlush(void* work)
    {
        if (!Works[(nint)work].Queued) return 0;
        Works[(nint)work].Queued = false;
        RunWork((nint)work);
        return 1;
    }
    public static void WorkFree(void* work) => DeferredFree(Works, work);

    public static void* WorkqueueAlloc(byte* name, uint flags, int maxActive)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        void* queue = NativeMemory.AllocZeroed(8);
        Workqueues.Add((nint)queue);
        return queue;
    }
    public static void WorkqueueFlush(void* queue)
    {
        foreach (var (work, w) in Works.Where(p => p.Value.Queued && p.Value.Queue == (nint)queue).ToList())
        {
            w.Queued = false;
            RunWork(work);
        }
    }
    public static void WorkqueueDestroy(void* queue)
    {
        WorkqueueFlush(queue);
        Workqueues.Remove((nint)queue);
        NativeMemory.Free(queue);
        LiveAllocations--;
    }

    public static void* CompletionAlloc(Gfp flags)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        void* done = NativeMemory.AllocZeroed(32);
        Completions[(nint)done] = 0;
        return done;
    }
    private static bool TakeDone(void* done)
    {
        uint count = Completions[(nint)done];
        if (count == 0) return false;
        if (count != uint.MaxValue) Completions[(nint)done] = count - 1;
        return true;
    }
    /// <summary>A signal pending for the waiting task: the interruptible waits return -ERESTARTSYS.</summary>
    public static bool SignalPending;
    public static void CompletionWait(void* done)
    {
        if (!TakeDone(done)) throw new InvalidOperationException("wait_for_completion would sleep forever: nothing completes it");
    }
    public static ulong CompletionWaitTimeout(void* done, ulong nsecs)
    {
        if (TakeDone(done)) return TicksCovering(nsecs) * TickNs;
        Clock += nsecs;
        return 0;
    }
    public static int CompletionWaitInterruptible(void* done)
    {
        if (TakeDone(done)) return 0;
        if (SignalPending) return -512;
        throw new InvalidOperationException("wait_for_completion_interruptible would sleep forever");
    }
    public static long CompletionWaitInterruptibleTimeout(void* done, ulong nsecs)
    {
        if (TakeDone(done)) return (long)(TicksCovering(nsecs) * TickNs);
        if (SignalPending) return -512;
        Clock += nsecs;
        return 0;
    }
    public static int CompletionDone(void* done) => (Completions[(nint)done] != 0) ? 1 : 0;
    public static void CompletionComplete(void* done)
    {
        if (Completions[(nint)done] != uint.MaxValue) Completions[(nint)done]++;
    }
    public static void CompletionCompleteAll(void* done) => Completions[(nint)done] = uint.MaxValue;
    public static void CompletionReinit(void* done) => Completions[(nint)done] = 0;
    public static void* CondvarAlloc(Gfp flags)
    {
        if (ShouldFail()) return null;
        LiveAllocations++;
        return NativeMemory.AllocZeroed(24);
    }
    /// <summary>What another task does while a condvar wait sleeps (the mutex released): returns whether it notified.</summary>
    public static Func<bool> WhileWaiting = () => false;
    public static long CondvarWait(void* condvar, void* mutex, bool interruptible, ulong timeoutNs)
    {
        Give(mutex);
        bool notified = WhileWaiting();
        Take(mutex);
        if (interruptible && SignalPending) return -512;
        if (notified) return timeoutNs == 0 ? 1 : (long)timeoutNs;
        if (timeoutNs == 0) throw new InvalidOperationException("a condvar wait nothing notifies sleeps forever");
        Clock += timeoutNs;
        return 0;
    }
    public static readonly List<bool> Notified = new();
    public static void CondvarNotify(void* condvar, bool all) => Notified.Add(all);

    /// <summary>kc_pci_register's drivers: the kind, state size, id table bytes and name (null once unregistered).</summary>
    public static readonly List<(uint Kind, nuint StateSize, byte[] Ids, string Name)?> PciDrivers = new();
    public static void* PciRegister(uint kind, nuint stateSize, byte* ids, uint count, byte* name, int* error)
    {
        PciDrivers.Add((kind, stateSize, new ReadOnlySpan<byte>(ids, (int)count * 28).ToArray(), Marshal.PtrToStringUTF8((IntPtr)name)!));
        *error = 0;
        return (void*)PciDrivers.Count;
    }
    public static void PciUnregister(void* driver) => PciDrivers[(int)driver - 1] = null;

    /// <summary>A simulated bound device: its ids, memory BARs (null: not a memory BAR) and what the probe took.</summary>
    public sealed class HostPciDevice(ushort vendor, ushort device, params byte[][] bars)
    {
        public ushort Vendor { get; } = vendor;
        public ushort Device { get; } = device;
        public byte[][] Bars { get; } = bars;
        public bool Enabled { get; set; }
        public bool Master { get; set; }
        public List<int> Mapped { get; } = new();
        public int DmaBits { get; set; }
        public List<nint> Coherent { get; } = new();
        public List<(nint Block, uint Kind)> Irqs { get; } = new();
        public List<GCHandle> Pins { get; } = new();
    }
    public static readonly List<HostPciDevice> PciDevices = new();
    /// <summary>The handle C would pass to the probe for <paramref name="device"/>.</summary>
    public static void* PciHandle(HostPciDevice device)
    {
        PciDevices.Add(device);
        return (void*)PciDevices.Count;
    }
    private static HostPciDevice Pci(void* device) => PciDevices[(int)device - 1];
    public static uint PciVendorId(void* device) => Pci(device).Vendor;
    public static uint PciDeviceId(void* device) => Pci(device).Device;
    public static void* PciDev(void* device) => device;
    public static int PciEnableDeviceMem(void* device)
    {
        Pci(device).Enabled = true;
        return 0;
    }
    public static void PciSetMaster(void* device) => Pci(device).Master = true;
    public static void* PciIomapRegion(void* device, int bar, byte* name, ulong* length, int* error)
    {
        HostPciDevice pci = Pci(device);
        if (bar is < 0 or > 5 || bar >= pci.Bars.Length || pci.Bars[bar] is null) { *error = -22; return null; }
        if (pci.Mapped.Contains(bar)) { *error = -16; return null; }
        pci.Mapped.Add(bar);
        GCHandle pin = GCHandle.Alloc(pci.Bars[bar], GCHandleType.Pinned);
        pci.Pins.Add(pin);
        *length = (ulong)pci.Bars[bar].Length;
        *error = 0;
        return (void*)pin.AddrOfPinnedObject();
    }
    public static int PciDmaSetMaskAndCoherent(void* device, uint bits)
    {
        Pci(device).DmaBits = (int)bits;
        return 0;
    }
    /// <summary>dma_alloc_coherent: zeroed native memory, its "bus address" the pointer's value plus one page.</summary>
    public static void* DmaAllocCoherent(void* device, nuint size, Gfp flags, ulong* dmaAddress, void** cpu)
    {
        if (ShouldFail()) return null;
        void* memory = NativeMemory.AllocZeroed(size);
        Pci(device).Coherent.Add((nint)memory);
        LiveAllocations++;
        *cpu = memory;
        *dmaAddress = (ulong)memory + 4096;
        return memory;
    }
    public static void DmaFreeCoherent(void* coherent)
    {
        foreach (HostPciDevice device in PciDevices)
            if (device.Coherent.Remove((nint)coherent))
            {
                NativeMemory.Free(coherent);
                LiveAllocations--;
                return;
            }
        throw new InvalidOperationException("dma_free_coherent of memory that is not allocated");
    }
    /// <summary>A C block holding a copy of the managed state a helper was given (a live allocation until freed).</summary>
    private static nint StateBlock(void* state, nuint stateSize)
    {
        nint block = (nint)NativeMemory.AllocZeroed(stateSize == 0 ? 1 : stateSize);
        Buffer.MemoryCopy(state, (void*)block, stateSize, stateSize);
        LiveAllocations++;
        return block;
    }
    /// <summary>request_irq: the block holds the state; a test calls the handler through IrqDispatch.</summary>
    public static void* PciRequestIrq(void* device, uint vector, uint kind, void* state, nuint stateSize, byte* name, int* error)
    {
        if (vector != 0) { *error = -22; return null; }
        void* block = (void*)StateBlock(state, stateSize);
        Pci(device).Irqs.Add(((nint)block, kind));
        *error = 0;
        return block;
    }
    public static void* IrqState(void* handler) => handler;
    public static void IrqFree(void* handler) => IrqsFreed.Add((nint)handler);
    public static readonly List<nint> IrqsFreed = new();
    public static void IrqRelease(void* handler)
    {
        if (!IrqsFreed.Contains((nint)handler)) throw new InvalidOperationException("kc_irq_release before kc_irq_free");
        foreach (HostPciDevice device in PciDevices) device.Irqs.RemoveAll(i => i.Block == (nint)handler);
        NativeMemory.Free(handler);
        LiveAllocations--;
    }
    /// <summary>kc_platform_register's drivers: kind, state size, ACPI and OF tables, name (null once unregistered).</summary>
    public static readonly List<(uint Kind, nuint StateSize, byte[] Acpi, byte[] Of, string Name)?> PlatformDrivers = new();
    public static void* PlatformRegister(uint kind, nuint stateSize, byte* acpi, uint acpiCount, byte* of, uint ofCount, byte* name, int* error)
    {
        PlatformDrivers.Add((kind, stateSize, new ReadOnlySpan<byte>(acpi, (int)acpiCount * 20).ToArray(),
            new ReadOnlySpan<byte>(of, (int)ofCount * 132).ToArray(), Marshal.PtrToStringUTF8((IntPtr)name)!));
        *error = 0;
        return (void*)PlatformDrivers.Count;
    }
    public static void PlatformUnregister(void* driver) => PlatformDrivers[(int)driver - 1] = null;
    public static void* PlatformDev(void* device) => device;
    public static readonly List<(string Name, int Id, bool Registered)> PlatformDevices = new();
    public static void* PlatformDeviceRegister(byte* name, int id, int* error)
    {
        PlatformDevices.Add((Marshal.PtrToStringUTF8((IntPtr)name)!, id, true));
        *error = 0;
        return (void*)PlatformDevices.Count;
    }
    public static void PlatformDeviceUnregister(void* device) => PlatformDevices[(int)device - 1] = PlatformDevices[(int)device - 1] with { Registered = false };

    /// <summary>debugfs: directories (name, parent, removed) and files (dir, name, mode, kind, writable, removed).</summary>
    public sealed class HostDebugfsEntry
    {
        public string Name;
        public nint Parent;
        public bool Removed;
        public uint Mode;
        public uint Kind;
        public bool Writable;
        public nint State;
    }
    public static readonly Dictionary<nint, HostDebugfsEntry> DebugfsEntries = new();
    public static void* DebugfsDir(byte* name, void* parent, int* error)
    {
        string text = Marshal.PtrToStringUTF8((IntPtr)name)!;
        if (parent != null && DebugfsEntries[(nint)parent].Removed) { *error = -2; return null; }
        if (DebugfsEntries.Values.Any(e => !e.Removed && e.Parent == (nint)parent && e.Name == text)) { *error = -17; return null; }
        nint handle = (nint)NativeMemory.AllocZeroed(8);
        LiveAllocations++;
        DebugfsEntries[handle] = new HostDebugfsEntry { Name = text, Parent = (nint)parent };
        *error = 0;
        return (void*)handle;
    }
    /// <summary>debugfs_remove of a directory: it and everything under it.</summary>
    public static void DebugfsDirRemove(void* dir)
    {
        foreach ((nint handle, HostDebugfsEntry entry) in DebugfsEntries)
            for (nint up = handle; up != 0; up = DebugfsEntries.TryGetValue(up, out var e) ? e.Parent : 0)
                if (up == (nint)dir) { entry.Removed = true; break; }
        DebugfsEntries.Remove((nint)dir);
        NativeMemory.Free(dir);
        LiveAllocations--;
    }
    public static void* DebugfsFile(void* dir, byte* name, uint mode, uint kind, void* state, nuint stateSize, int writable, int* error)
    {
        if (DebugfsEntries[(nint)dir].Removed) { *error = -2; return null; }
        nint block = StateBlock(state, stateSize);
        DebugfsEntries[block] = new HostDebugfsEntry
        {
            Name = Marshal.PtrToStringUTF8((IntPtr)name)!, Parent = (nint)dir, Mode = mode, Kind = kind, Writable = writable != 0, State = block,
        };
        *error = 0;
        return (void*)block;
    }
    public static void* DebugfsFileState(void* file) => file;
    public static void DebugfsFileRemove(void* file) => DebugfsEntries[(nint)file].Removed = true;
    public static void DebugfsFileFree(void* file)
    {
        if (!DebugfsEntries[(nint)file].Removed) throw new InvalidOperationException("kc_debugfs_file_free before the file was removed");
        DebugfsEntries.Remove((nint)file);
        NativeMemory.Free(file);
        LiveAllocations--;
    }
    /// <summary>sysfs attributes: what kc_sysfs_attr_create was given (a device's names are unique among those not removed).</summary>
    public sealed class HostSysfsAttr
    {
        public nint Device;
        public string Name;
        public uint Mode;
        public uint Kind;
        public bool Writable;
        public bool Removed;
    }
    public static readonly Dictionary<nint, HostSysfsAttr> SysfsAttrs = new();
    public static void* SysfsAttrCreate(void* device, byte* name, uint mode, uint kind, void* state, nuint stateSize, int writable, int* error)
    {
        string text = Marshal.PtrToStringUTF8((IntPtr)name)!;
        if (SysfsAttrs.Values.Any(a => !a.Removed && a.Device == (nint)device && a.Name == text)) { *error = -17; return null; }
        nint block = StateBlock(state, stateSize);
        SysfsAttrs[block] = new HostSysfsAttr { Device = (nint)device, Name = text, Mode = mode, Kind = kind, Writable = writable != 0 };
        *error = 0;
        return (void*)block;
    }
    public static void* SysfsAttrState(void* attr) => attr;
    public static void SysfsAttrRemove(void* attr) => SysfsAttrs[(nint)attr].Removed = true;
    public static void SysfsAttrFree(void* attr)
    {
        if (!SysfsAttrs[(nint)attr].Removed) throw new InvalidOperationException("kc_sysfs_attr_free before the attribute was removed");
        SysfsAttrs.Remove((nint)attr);
        NativeMemory.Free(attr);
        LiveAllocations--;
    }
    /// <summary>The text each simulated seq_file (a test's handle) was given.</summary>
    public static readonly Dictionary<nint, StringBuilder> Seqs = new();
    public static void SeqWrite(void* seq, byte* text, nuint length)
    {
        if (!Seqs.TryGetValue((nint)seq, out StringBuilder builder)) Seqs[(nint)seq] = builder = new StringBuilder();
        builder.Append(Encoding.UTF8.GetString(text, (int)length));
    }
    /// <summary>Firmware string properties of a simulated device, by name.</summary>
    public static readonly Dictionary<string, nint> Properties = new();
    public static void* DevicePropertyString(void* device, byte* name, int* error)
    {
        bool found = Properties.TryGetValue(Marshal.PtrToStringUTF8((IntPtr)name)!, out nint value);
        *error = found ? 0 : -22;
        return found ? (void*)value : null;
    }

    /// <summary>/proc files: name, mode, kind and the records' mutex, removed or not.</summary>
    public static readonly List<(string Name, uint Mode, uint Kind, nint Mutex, bool Removed)> ProcFiles = new();
    public static void* ProcSeqCreate(byte* name, uint mode, uint kind, void* mutex, int* error)
    {
        string text = Marshal.PtrToStringUTF8((IntPtr)name)!;
        if (ProcFiles.Any(f => !f.Removed && f.Name == text)) { *error = -12; return null; }
        ProcFiles.Add((text, mode, kind, (nint)mutex, false));
        *error = 0;
        return (void*)ProcFiles.Count;
    }
    public static void ProcSeqRemove(void* file) => ProcFiles[(int)file - 1] = ProcFiles[(int)file - 1] with { Removed = true };

    /// <summary>A configfs directory: a registered subsystem's root or a group made by mkdir, its state and table.</summary>
    public sealed class HostConfigfsItem
    {
        public string Name = "";
        public uint Kind;
        public byte[] Table = Array.Empty<byte>();
        public bool Root;
        public bool Unregistered;
    }
    public static readonly Dictionary<nint, HostConfigfsItem> ConfigfsItems = new();
    /// <summary>The errno (negative) the next registration or group creation fails with, 0 for none.</summary>
    public static int FailConfigfs;
    private static void* ConfigfsItem(byte* name, uint kind, void* state, nuint stateSize, byte* table, nuint tableLength, bool root, int* error)
    {
        string text = Marshal.PtrToStringUTF8((IntPtr)name)!;
        if (FailConfigfs != 0 || (root && ConfigfsItems.Values.Any(i => i.Root && !i.Unregistered && i.Name == text)))
        {
            *error = FailConfigfs != 0 ? FailConfigfs : -17;
            FailConfigfs = 0;
            return null;
        }
        nint block = StateBlock(state, stateSize);
        ConfigfsItems[block] = new HostConfigfsItem { Name = text, Kind = kind, Table = new ReadOnlySpan<byte>(table, (int)tableLength).ToArray(), Root = root };
        *error = 0;
        return (void*)block;
    }
    public static void* ConfigfsRegister(byte* name, uint kind, void* state, nuint stateSize, byte* table, nuint tableLength, int* error)
        => ConfigfsItem(name, kind, state, stateSize, table, tableLength, true, error);
    public static void* ConfigfsGroupNew(byte* name, uint kind, void* state, nuint stateSize, byte* table, nuint tableLength, int* error)
        => ConfigfsItem(name, kind, state, stateSize, table, tableLength, false, error);
    public static void* ConfigfsState(void* item) => item;
    /// <summary>Unregistering only: the kernel's release (a test calls ConfigfsDispatch.Release, then ConfigfsFree) comes at the last put.</summary>
    public static void ConfigfsUnregister(void* subsystem) => ConfigfsItems[(nint)subsystem].Unregistered = true;
    public static void ConfigfsFree(void* item)
    {
        ConfigfsItems.Remove((nint)item);
        NativeMemory.Free(item);
        LiveAllocations--;
    }

    public static long PciReadConfig(void* device, uint offset, uint width)
    {
        HostPciDevice pci = Pci(device);
        if (width is not (1 or 2 or 4) || offset % width != 0 || offset + width > 256) return -22;
        byte[] config = new byte[256];
        BitConverter.GetBytes(pci.Vendor).CopyTo(config, 0);
        BitConverter.GetBytes(pci.Device).CopyTo(config, 2);
        return width == 1 ? config[offset] : width == 2 ? BitConverter.ToUInt16(config, (int)offset) : BitConverter.ToUInt32(config, (int)offset);
    }
    public static ulong Readq(void* address) => *(ulong*)address;
    public static void Writeq(ulong value, void* address) => *(ulong*)address = value;
    public static uint Readb(void* address) => *(byte*)address;
    public static uint Readw(void* address) => *(ushort*)address;
    public static uint Readl(void* address) => *(uint*)address;
    public static void Writeb(uint value, void* address) => *(byte*)address = (byte)value;
    public static void Writew(uint value, void* address) => *(ushort*)address = (ushort)value;
    public static void Writel(uint value, void* address) => *(uint*)address = value;

    /// <summary>Whether the simulated caller is a softirq (a test firing a timer sets it).</summary>
    public static bool InSoftirq;
    public static int InTask() => !InSoftirq ? 1 : 0;
    public static int InServingSoftirq() => InSoftirq ? 1 : 0;
}

/// <summary>What kc_sysctl.c keeps for one file: the storage's kind, the storage, and the table's fields.</summary>
internal sealed unsafe class HostSysctl(uint kind, void* storage)
{
    public uint Kind { get; } = kind;
    public void* Storage { get; } = storage;
    public string Path { get; set; }
    public string Name { get; set; }
    public ushort Mode { get; set; }

}
