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
    public static readonly List<IntPtr> RegisteredTables = new();

    public static void Reset()
    {
        Lines.Clear();
        LiveAllocations = 0;
        AllocationCount = 0;
        FailAllocation = -1;
        FailSysctlRegistration = false;
        RegisteredTables.Clear();
    }

    public static void Printk(int level, byte* text, nuint length)
        => Lines.Add(((LogLevel)level, Encoding.UTF8.GetString(text, (int)length)));

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

    public static void* SysctlRegister(byte* path, CtlTable* table)
    {
        if (FailSysctlRegistration) return null;
        RegisteredTables.Add((IntPtr)table);
        return (void*)0x1000;
    }

    public static void SysctlUnregister(void* header) => RegisteredTables.Clear();
}
