// Binds QEMU's edu device, requests its interrupt and allocates coherent DMA memory, and forgets both in Dispose:
// the device's remove must free them (with an error each), before the BAR the handler reads is unmapped.
using Kernel;

[Module(Name = "forgetirqmod", Author = "KernelCrate", Description = "forgets its irq handler and DMA memory", License = "GPL")]
internal partial struct ForgetIrqMod : IKernelModule<ForgetIrqMod>
{
    private PciDriverRegistration<Forgetful> _driver;

    public static Result<ForgetIrqMod> Init(CStr name, ThisModule module)
    {
        Result<PciDriverRegistration<Forgetful>> driver = PciDriverRegistration<Forgetful>.Register(name);
        if (!driver.TryGetValue(out PciDriverRegistration<Forgetful> registered)) return driver.Error;
        return new ForgetIrqMod { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

[IrqHandler]
internal partial struct Quiet : IIrqHandler<Quiet>
{
    internal PciBar Bar;

    public IrqReturn Handle()
    {
        uint status = Bar.Read32(0x24);
        if (status == 0) return IrqReturn.None;
        Bar.Write32(status, 0x64);
        return IrqReturn.Handled;
    }

    public void Dispose() { }
}

[PciDriver]
[PciDeviceId(0x1234, 0x11e8)]
internal partial struct Forgetful : IPciDriver<Forgetful>
{
    internal IrqRegistration<Quiet> Irq; // never disposed: the test
    internal DmaCoherent<ulong> Memory;

    public static Result<Forgetful> Probe(PciDevice device, uint info)
    {
        Result enabled = device.EnableDeviceMem();
        if (!enabled.IsOk) return enabled.Error;
        Result<PciBar> bar = device.IomapRegion(0, CStr.Literal("forgetirqmod"));
        if (!bar.TryGetValue(out PciBar mapped)) return bar.Error;
        Result<IrqRegistration<Quiet>> irq = IrqRegistration<Quiet>.TryRequest(device, 0, new Quiet { Bar = mapped }, CStr.Literal("forgetirqmod"));
        if (!irq.TryGetValue(out IrqRegistration<Quiet> registration)) return irq.Error;
        Result<DmaCoherent<ulong>> memory = DmaCoherent<ulong>.TryZeroed(device, 64);
        if (!memory.TryGetValue(out DmaCoherent<ulong> coherent))
        {
            registration.Dispose();
            return memory.Error;
        }
        return new Forgetful { Irq = registration, Memory = coherent };
    }

    public void Dispose() { } // forgets Irq and Memory
}
