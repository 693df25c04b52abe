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
