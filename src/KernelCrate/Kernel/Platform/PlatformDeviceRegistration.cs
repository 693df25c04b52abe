using System;

namespace Kernel;

/// <summary>
/// A platform device the module makes itself (platform_device_register_simple), for hardware no firmware table
/// describes, or a test: a driver registered under the same name binds it, told no id info.
/// <see cref="Dispose"/> unbinds it (its driver's Dispose runs) and removes it.
/// </summary>
public unsafe struct PlatformDeviceRegistration : IDisposable
{
    private void* _device;

    /// <summary>Registers /sys/bus/platform/devices/&lt;name&gt;.&lt;id&gt; (just &lt;name&gt; for id -1): ENOMEM,
    /// EEXIST for a name in use, or the kernel's error.</summary>
    [MaySleep]
    public static Result<PlatformDeviceRegistration> Register(CStr name, int id = -1)
    {
        if (name.Pointer == null) return Errno.EINVAL;
        int error;
        void* device = Native.PlatformDeviceRegister(name.Pointer, id, &error);
        if (device == null) return Errno.FromKernel(error);
        var registration = new PlatformDeviceRegistration();
        registration._device = device;
        return registration;
    }

    [MaySleep]
    public void Dispose()
    {
        if (_device == null) return;
        Native.PlatformDeviceUnregister(_device);
        _device = null;
    }
}
