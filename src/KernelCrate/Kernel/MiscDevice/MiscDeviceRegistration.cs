using System;

namespace Kernel;

/// <summary>Options of a misc device: its name under /dev and its node's mode (0 is the kernel's default, 0600).</summary>
public struct MiscDeviceOptions
{
    public CStr Name;
    public ushort Mode;
}

/// <summary>
/// A misc device <c>/dev/&lt;name&gt;</c> whose open files are <typeparamref name="T"/> values (Rust-for-Linux's
/// <c>MiscDeviceRegistration</c>). <see cref="Dispose"/> removes the device; the kernel keeps the module loaded while
/// a file is open, so no operation runs after it.
/// </summary>
public unsafe struct MiscDeviceRegistration<T> : IDisposable where T : unmanaged, IMiscDevice<T>
{
    private void* _handle;

    /// <summary>Registers the device: ENOMEM, or the kernel's error (EBUSY or EEXIST for a name in use).</summary>
    [MaySleep]
    public static Result<MiscDeviceRegistration<T>> Register(MiscDeviceOptions options)
    {
        if (T.FileOperationsKind == 0)
            Panic.Fail("a misc device type without [MiscDevice] (KC0023)"u8);
        if (options.Name.Pointer == null) return Errno.EINVAL;
        int error;
        void* handle = Native.MiscdevRegister(T.FileOperationsKind, T.FileOperations, (nuint)sizeof(T), options.Name.Pointer, options.Mode, &error);
        if (handle == null) return Errno.FromKernel(error);
        var registration = new MiscDeviceRegistration<T>();
        registration._handle = handle;
        return registration;
    }

    public MiscDevice Device
    {
        get
        {
            if (_handle == null) Panic.Fail("MiscDeviceRegistration used after Dispose or before Register"u8);
            return new MiscDevice(_handle);
        }
    }

    public void Dispose()
    {
        if (_handle == null) return;
        Native.MiscdevDeregister(_handle);
        _handle = null;
    }
}
