using System;

namespace Kernel;

/// <summary>
/// A file in a device's sysfs directory (a device_attribute) whose text is <typeparamref name="T"/>'s: reads run its
/// Show, writes its Store when it implements <see cref="ISysfsStore"/>. <see cref="Dispose"/> removes the file,
/// waiting for a read or write running in it, then disposes the state. Dispose it before the device goes (in the
/// driver's Dispose, before the misc device's): one left is removed then, with an error, and its state is disposed
/// only by the handle's Dispose. A file is a handle: copies share it, dispose one only.
/// </summary>
public unsafe struct SysfsAttribute<T> : IDisposable where T : unmanaged, ISysfsAttribute<T>
{
    private void* _attr;

    /// <summary>Creates <paramref name="name"/> in <paramref name="device"/>'s directory holding
    /// <paramref name="state"/>, which it owns from here (disposed on failure). <paramref name="mode"/> 0 is 0644 for
    /// a writable type, 0444 otherwise; as for a module parameter, a mode past 0777, one others may write (the
    /// kernel's VERIFY_OCTAL_PERMISSIONS) or a write bit on a type that cannot store is EINVAL. EEXIST for a name in use.</summary>
    [MaySleep]
    public static Result<SysfsAttribute<T>> TryCreate(Device device, CStr name, T state, ushort mode = 0)
    {
        if (T.SysfsKind == 0) Panic.Fail("a sysfs attribute type without [SysfsAttribute] (KC0023)"u8);
        bool writable = T.SysfsWritable;
        mode = FileMode.Resolve(mode, writable);
        if (device.Handle == null || name.Pointer == null || mode == 0 || (mode & FileMode.OtherWrite) != 0)
        {
            state.Dispose();
            return Errno.EINVAL;
        }
        int error;
        void* attr = Native.SysfsAttrCreate(device.Handle, name.Pointer, mode, T.SysfsKind, &state, (nuint)sizeof(T), writable ? 1 : 0, &error);
        if (attr == null)
        {
            state.Dispose();
            return Errno.FromKernel(error);
        }
        var result = new SysfsAttribute<T>();
        result._attr = attr;
        return result;
    }

    /// <summary>The state the file shows and stores into.</summary>
    public ref T State
    {
        get
        {
            if (_attr == null) Panic.Fail("SysfsAttribute used after Dispose or before TryCreate"u8);
            return ref *(T*)Native.SysfsAttrState(_attr);
        }
    }

    [MaySleep]
    public void Dispose()
    {
        if (_attr == null) return;
        Native.SysfsAttrRemove(_attr);
        ((T*)Native.SysfsAttrState(_attr))->Dispose();
        Native.SysfsAttrFree(_attr);
        _attr = null;
    }
}
