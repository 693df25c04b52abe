using System;

namespace Kernel;

/// <summary>
/// A registered PCI driver whose bound devices are <typeparamref name="T"/> values (Rust-for-Linux's
/// <c>pci::Adapter</c> behind <c>module_pci_driver!</c>): registering probes every matching device before it returns;
/// <see cref="Dispose"/> unbinds each (its Dispose runs) and unregisters the driver.
/// </summary>
public unsafe struct PciDriverRegistration<T> : IDisposable where T : unmanaged, IPciDriver<T>
{
    private void* _driver;

    /// <summary>Registers the driver under <paramref name="name"/> (/sys/bus/pci/drivers/&lt;name&gt;): ENOMEM, or
    /// the kernel's error (EBUSY for a name in use). A device whose probe fails stays unbound; that is not an error here.</summary>
    [MaySleep]
    public static Result<PciDriverRegistration<T>> Register(CStr name)
    {
        if (T.PciDriverKind == 0) Panic.Fail("a PCI driver type without [PciDriver] (KC0023)"u8);
        ReadOnlySpan<byte> ids = T.PciIdTable;
        if (name.Pointer == null || ids.Length == 0 || ids.Length % PciIdBytes != 0) return Errno.EINVAL;
        int error;
        void* driver;
        fixed (byte* table = ids)
            driver = Native.PciRegister(T.PciDriverKind, (nuint)sizeof(T), table, (uint)(ids.Length / PciIdBytes), name.Pointer, &error);
        if (driver == null) return Errno.FromKernel(error);
        var registration = new PciDriverRegistration<T>();
        registration._driver = driver;
        return registration;
    }

    /// <summary>Seven u32 per id: vendor, device, subvendor, subdevice, class, class mask, info.</summary>
    private const int PciIdBytes = 7 * 4;

    [MaySleep]
    public void Dispose()
    {
        if (_driver == null) return;
        Native.PciUnregister(_driver);
        _driver = null;
    }
}
