// Registers its driver and then a platform device of the same name: the kernel binds them by name, the probe is told
// that no id matched, and unloading removes the device (the driver's Dispose runs) before the driver.
using Kernel;

[Module(Name = "platformselfmod", Author = "KernelCrate", Description = "a platform device and its driver, both the module's", License = "GPL")]
internal partial struct PlatformSelfMod : IKernelModule<PlatformSelfMod>
{
    private PlatformDriverRegistration<SelfDriver> _driver;
    private PlatformDeviceRegistration _device;

    public static Result<PlatformSelfMod> Init(CStr name, ThisModule module)
    {
        Result<PlatformDriverRegistration<SelfDriver>> driver = PlatformDriverRegistration<SelfDriver>.Register(name);
        if (!driver.TryGetValue(out PlatformDriverRegistration<SelfDriver> registered)) return driver.Error;
        Result<PlatformDeviceRegistration> device = PlatformDeviceRegistration.Register(name);
        if (!device.TryGetValue(out PlatformDeviceRegistration made))
        {
            registered.Dispose();
            return device.Error;
        }
        return new PlatformSelfMod { _driver = registered, _device = made };
    }

    public void Dispose()
    {
        _device.Dispose();
        _driver.Dispose();
    }
}

[PlatformDriver]
[AcpiDeviceId("KCRT0001")] // never present: the device binds by name
internal partial struct SelfDriver : IPlatformDriver<SelfDriver>
{
    private PlatformDevice _pdev;

    public static Result<SelfDriver> Probe(PlatformDevice pdev, PlatformMatch match)
    {
        pdev.Device.Info(match.TryGetInfo(out _) ? "bound by an id" : "bound by name, no id info");
        return new SelfDriver { _pdev = pdev };
    }

    public void Dispose() => _pdev.Device.Info("unbound");
}
