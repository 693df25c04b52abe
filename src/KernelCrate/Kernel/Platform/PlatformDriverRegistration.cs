using System;

namespace Kernel;

/// <summary>
/// A registered platform driver whose bound devices are <typeparamref name="T"/> values (Rust-for-Linux's
/// <c>platform::Adapter</c> behind <c>module_platform_driver!</c>): registering probes every matching device before
/// it returns; <see cref="Dispose"/> unbinds each (its Dispose runs) and unregisters the driver.
/// </summary>
public unsafe struct PlatformDriverRegistration<T> : IDisposable where T : unmanaged, IPlatformDriver<T>
{
    private const int AcpiIdBytes = 16 + 4, OfIdBytes = 128 + 4;
    private void* _driver;

    /// <summary>Registers the driver under <paramref name="name"/> (/sys/bus/platform/drivers/&lt;name&gt;; a device
    /// of that name binds too): ENOMEM, or the kernel's error. A device whose probe fails stays unbound.</summary>
    [MaySleep]
    public static Result<PlatformDriverRegistration<T>> Register(CStr name)
    {
        if (T.PlatformDriverKind == 0) Panic.Fail("a platform driver type without [PlatformDriver] (KC0023)"u8);
        ReadOnlySpan<byte> acpi = T.AcpiIdTable, of = T.OfIdTable;
        if (name.Pointer == null || acpi.Length % AcpiIdBytes != 0 || of.Length % OfIdBytes != 0) return Errno.EINVAL;
        int error;
        void* driver;
        fixed (byte* acpiIds = acpi)
        fixed (byte* ofIds = of)
            driver = Native.PlatformRegister(T.PlatformDriverKind, (nuint)sizeof(T), acpiIds, (uint)(acpi.Length / AcpiIdBytes),
                ofIds, (uint)(of.Length / OfIdBytes), name.Pointer, &error);
        if (driver == null) return Errno.FromKernel(error);
        var registration = new PlatformDriverRegistration<T>();
        registration._driver = driver;
        return registration;
    }

    [MaySleep]
    public void Dispose()
    {
        if (_driver == null) return;
        Native.PlatformUnregister(_driver);
        _driver = null;
    }
}
