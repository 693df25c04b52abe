using System;
using System.Runtime.InteropServices;

namespace Kernel;

/// <summary>
/// A file <c>/proc/sys/&lt;path&gt;/&lt;name&gt;</c> backed by a <typeparamref name="T"/> (Rust-for-Linux's old
/// <c>Sysctl</c>). The storage lives in kmalloc'd memory next to the kernel's table; <see cref="Dispose"/>
/// unregisters the file and frees both.
/// </summary>
public unsafe struct Sysctl<T> : IDisposable where T : unmanaged, ISysctlStorage
{
    private SysctlBlock* _block;
    private void* _header;

    [StructLayout(LayoutKind.Sequential)]
    private struct SysctlBlock
    {
        public CtlTable Entry;
        public CtlTable Terminator;
        public T Storage;
    }

    /// <summary>Registers the file. ENOMEM if memory runs out; the kernel's error if registration fails.</summary>
    public static Result<Sysctl<T>> Register(CStr path, CStr name, T storage, SysctlMode mode)
    {
        var block = (SysctlBlock*)Native.Kmalloc((nuint)sizeof(SysctlBlock), Gfp.Kernel | Gfp.Zero);
        if (block == null) return Errno.ENOMEM;
        block->Storage = storage;
        block->Entry.ProcName = name.Pointer;
        block->Entry.Data = &block->Storage;
        block->Entry.MaxLen = 0;
        block->Entry.Mode = (ushort)mode.Bits;
        block->Entry.Extra1 = (delegate* unmanaged<CtlTable*, int, byte*, nuint*, long*, int>)&SysctlHandler.Handle;
        block->Entry.Extra2 = (delegate*<void*, int, byte*, nuint*, long*, int>)&SysctlHandler.Handle<T>;
        void* header = Native.SysctlRegister(path.Pointer, &block->Entry);
        if (header == null)
        {
            Native.Kfree(block);
            return Errno.ENOMEM;
        }
        var sysctl = new Sysctl<T>();
        sysctl._block = block;
        sysctl._header = header;
        return sysctl;
    }

    /// <summary>The storage the file reads and writes.</summary>
    public ref T Storage
    {
        get
        {
            if (_block == null) Panic.Fail("Sysctl used after Dispose or before Register"u8);
            return ref _block->Storage;
        }
    }

    public void Dispose()
    {
        if (_block == null) return;
        Native.SysctlUnregister(_header);
        Native.Kfree(_block);
        _block = null;
        _header = null;
    }
}

/// <summary>A sysctl file's permission bits, e.g. <c>new SysctlMode(0o644)</c> written as 0x1a4 or <see cref="ReadWrite"/>.</summary>
public readonly struct SysctlMode
{
    public SysctlMode(int bits) => Bits = bits & 0x1ff;
    public int Bits { get; }
    /// <summary>0644: owner reads and writes, everyone reads.</summary>
    public static SysctlMode ReadWrite => new(0x1a4);
    /// <summary>0444: read only.</summary>
    public static SysctlMode ReadOnly => new(0x124);
}

/// <summary>The C# mirror of the kernel's <c>struct ctl_table</c> (6.1: 64 bytes; checked by kc_helpers.c).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CtlTable
{
    public byte* ProcName;
    public void* Data;
    public int MaxLen;
    public ushort Mode;
    public void* Child;
    public void* ProcHandler;
    public void* Poll;
    public void* Extra1;
    public void* Extra2;
}
