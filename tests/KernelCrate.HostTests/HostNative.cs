using System;
using System.Collections.Generic;
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

    public static bool ArcPut(void* arc) => --Arcs[(nint)arc] == 0;

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
    public static ulong Jiffies() => Clock / (1_000_000_000 / Hz);
    public static ulong JiffiesToNsecs(ulong jiffies) => jiffies * (1_000_000_000 / Hz);
    public static ulong NsecsToJiffies(ulong nsecs) => (nsecs + 1_000_000_000 / Hz - 1) / (1_000_000_000 / Hz);
    public static void Fsleep(nuint usecs) { Sleeps.Add($"fsleep {usecs}"); Clock += (ulong)usecs * 1000; }
    public static void UsleepRange(nuint min, nuint max) { Sleeps.Add($"usleep_range {min} {max}"); Clock += (ulong)min * 1000; }
    public static void Msleep(uint msecs) { Sleeps.Add($"msleep {msecs}"); Clock += (ulong)msecs * 1_000_000; }
    public static void Ndelay(ulong nsecs) { Sleeps.Add($"ndelay {nsecs}"); Clock += nsecs; }
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
