using System;

namespace Kernel;

/// <summary>
/// A file <c>/proc/sys/&lt;path&gt;/&lt;name&gt;</c> backed by a <typeparamref name="T"/> (Rust-for-Linux's old
/// <c>Sysctl</c>). KernelCrate's C side owns the kernel's table and the storage next to it; <see cref="Dispose"/>
/// unregisters the file and frees both.
/// </summary>
public unsafe struct Sysctl<T> : IDisposable where T : unmanaged, ISysctlStorage
{
    private void* _handle;
    private T* _storage;

    /// <summary>Registers the file. ENOMEM if memory runs out, or the kernel's error if registration fails.</summary>
    [MaySleep]
    public static Result<Sysctl<T>> Register(CStr path, CStr name, T storage, SysctlMode mode)
    {
        void* handle = Native.SysctlAlloc(T.SysctlKind, (nuint)sizeof(T));
        if (handle == null) return Errno.ENOMEM;
        var data = (T*)Native.SysctlStorage(handle);
        *data = storage;
        int status = Native.SysctlRegister(handle, path.Pointer, name.Pointer, (ushort)mode.Bits);
        if (status != 0)
        {
            Native.SysctlFree(handle);
            return Errno.FromKernel(status);
        }
        var sysctl = new Sysctl<T>();
        sysctl._handle = handle;
        sysctl._storage = data;
        return sysctl;
    }

    /// <summary>The storage the file reads and writes.</summary>
    public ref T Storage
    {
        get
        {
            if (_storage == null) Panic.Fail("Sysctl used after Dispose or before Register"u8);
            return ref *_storage;
        }
    }

    public void Dispose()
    {
        if (_handle == null) return;
        Native.SysctlFree(_handle);
        _handle = null;
        _storage = null;
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
