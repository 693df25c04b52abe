// A PCI driver for pci-testdev whose probe enables the device and maps BAR 0, checks the errors of the BARs it
// cannot map, then fails with EBUSY: the kernel must report the failed probe, and C must unmap and release BAR 0 and
// disable the device again, though the managed side never saw a remove.
using Kernel;

[Module(Name = "pcifailmod", Author = "KernelCrate", Description = "a PCI probe that fails after taking resources", License = "GPL")]
internal partial struct PciFailMod : IKernelModule<PciFailMod>
{
    private PciDriverRegistration<FailingProbe> _driver;

    public static Result<PciFailMod> Init(CStr name, ThisModule module)
    {
        Result<PciDriverRegistration<FailingProbe>> driver = PciDriverRegistration<FailingProbe>.Register(name);
        if (!driver.TryGetValue(out PciDriverRegistration<FailingProbe> registered)) return driver.Error;
        return new PciFailMod { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

[PciDriver]
[PciDeviceId(0x1b36, 0x0005)]
internal partial struct FailingProbe : IPciDriver<FailingProbe>
{
    public static Result<FailingProbe> Probe(PciDevice device, uint info)
    {
        Result enabled = device.EnableDeviceMem();
        if (!enabled.IsOk) return enabled.Error;
        Result<PciBar> bar = device.IomapRegion(0, CStr.Literal("pcifailmod"));
        if (!bar.TryGetValue(out PciBar mapped)) return bar.Error;
        Errno again = device.IomapRegion(0, CStr.Literal("pcifailmod")).Error;
        Errno io = device.IomapRegion(1, CStr.Literal("pcifailmod")).Error;
        Errno missing = device.IomapRegion(6, CStr.Literal("pcifailmod")).Error;
        device.Device.Info($"bar0 {mapped.Length} bytes; again: {again}, I/O bar: {io}, bar 6: {missing}; failing");
        return Errno.EBUSY;
    }

    public void Dispose() => Printk.Err("Dispose ran for a probe that failed");
}
