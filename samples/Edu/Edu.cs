// A driver for QEMU's educational PCI device (docs/specs/edu.rst in QEMU's sources; -device edu): on probe it checks
// the device's id and liveness register and its ids in config space, takes its interrupt (MSI where the machine has it), has the device raise one,
// computes 10! on the device with an interrupt when done, and moves 256 bytes by DMA into the device and back into a
// second buffer, each transfer ending in an interrupt. Every wait is on a Completion the hardirq handler completes.
using Kernel;

[Module(Name = "kc_edu", Author = "KernelCrate", Description = "QEMU edu device: MMIO, an interrupt, DMA", License = "GPL")]
internal partial struct EduModule : IKernelModule<EduModule>
{
    private PciDriverRegistration<EduDriver> _driver;

    public static Result<EduModule> Init(CStr name, ThisModule module)
    {
        Result<PciDriverRegistration<EduDriver>> driver = PciDriverRegistration<EduDriver>.Register(name);
        if (!driver.TryGetValue(out PciDriverRegistration<EduDriver> registered)) return driver.Error;
        return new EduModule { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

/// <summary>The edu device's BAR 0 registers.</summary>
internal static class EduRegs
{
    internal const ulong Id = 0x00;
    internal const ulong Liveness = 0x04;
    internal const ulong Factorial = 0x08;
    internal const ulong Status = 0x20;
    internal const ulong IrqStatus = 0x24;
    internal const ulong IrqRaise = 0x60;
    internal const ulong IrqAck = 0x64;
    internal const ulong DmaSource = 0x80;
    internal const ulong DmaDestination = 0x88;
    internal const ulong DmaCount = 0x90;
    internal const ulong DmaCommand = 0x98;

    internal const uint StatusIrqAfterFactorial = 0x80;
    internal const uint FactorialIrq = 0x1;
    internal const uint DmaIrq = 0x100;
    internal const uint DmaStart = 0x1, DmaToRam = 0x2, DmaRaiseIrq = 0x4;
    /// <summary>Where the device's own 4 KiB DMA buffer sits in its address space.</summary>
    internal const uint DeviceBuffer = 0x40000;
}

/// <summary>Acknowledges what the device raised, records it and wakes the prober.</summary>
[IrqHandler]
internal partial struct EduIrq : IIrqHandler<EduIrq>
{
    internal AtomicI32 Raised;
    internal AtomicI32 Count;
    private PciBar _bar;
    private Completion _done;

    internal EduIrq(PciBar bar, Completion done)
    {
        _bar = bar;
        _done = done;
    }

    public IrqReturn Handle()
    {
        uint status = _bar.Read32(EduRegs.IrqStatus);
        if (status == 0) return IrqReturn.None;
        _bar.Write32(status, EduRegs.IrqAck);
        Raised.Store(Raised.Load() | (int)status);
        Count.FetchAdd(1);
        _done.Complete();
        return IrqReturn.Handled;
    }

    public void Dispose() { }
}

[PciDriver]
[PciDeviceId(0x1234, 0x11e8)]
internal partial struct EduDriver : IPciDriver<EduDriver>
{
    private const int Bytes = 256;
    private PciDevice _pdev;
    private IrqRegistration<EduIrq> _irq;
    private Completion _done;

    public static Result<EduDriver> Probe(PciDevice pdev, uint info)
    {
        Result enabled = pdev.EnableDeviceMem();
        if (!enabled.IsOk) return enabled.Error;
        pdev.SetMaster();
        Result<PciBar> mapped = pdev.IomapRegion(0, CStr.Literal("kc_edu"));
        if (!mapped.TryGetValue(out PciBar bar)) return mapped.Error;
        uint id = bar.Read32(EduRegs.Id);
        if ((id & 0xff) != 0xed) return Errno.ENODEV;
        bar.Write32(0x12345678, EduRegs.Liveness);
        if (bar.Read32(EduRegs.Liveness) != ~0x12345678u) return Errno.EIO;
        pdev.Device.Info($"edu {id >> 24}.{(id >> 16) & 0xff}, alive");
        Result<ushort> vendor = pdev.ReadConfig16(0x00), device = pdev.ReadConfig16(0x02);
        if (!vendor.IsOk || !device.IsOk) return Errno.EIO;
        pdev.Device.Info($"config space: {vendor.Value:x4}:{device.Value:x4}");

        Result<Completion> done = Completion.TryNew();
        if (!done.TryGetValue(out Completion completion)) return done.Error;
        Result<IrqRegistration<EduIrq>> irq = IrqRegistration<EduIrq>.TryRequest(pdev, 0, new EduIrq(bar, completion), CStr.Literal("kc_edu"));
        if (!irq.TryGetValue(out IrqRegistration<EduIrq> registration))
        {
            completion.Dispose();
            return irq.Error;
        }
        var driver = new EduDriver { _pdev = pdev, _irq = registration, _done = completion };
        Result run = driver.Exercise(bar);
        if (!run.IsOk)
        {
            driver.Dispose();
            return run.Error;
        }
        return driver;
    }

    /// <summary>Waits for the next interrupt and returns the bits it raised.</summary>
    private Result<int> NextInterrupt()
    {
        Result<Delta> waited = _done.WaitTimeout(Delta.FromSeconds(5).Value);
        if (!waited.IsOk) return waited.Error;
        return _irq.State.Raised.Swap(0);
    }

    private Result Exercise(PciBar bar)
    {
        bar.Write32(0x1000, EduRegs.IrqRaise);
        Result<int> raised = NextInterrupt();
        if (!raised.TryGetValue(out int bits)) return raised.Error;
        _pdev.Device.Info($"interrupt 0x{bits:x} handled");

        bar.Write32(EduRegs.StatusIrqAfterFactorial, EduRegs.Status);
        bar.Write32(10, EduRegs.Factorial);
        raised = NextInterrupt();
        if (!raised.TryGetValue(out bits)) return raised.Error;
        _pdev.Device.Info($"10! = {bar.Read32(EduRegs.Factorial)} (interrupt 0x{bits:x})");

        // QEMU's edu reaches its dma_mask property's address bits (28 by default; the test boots give it 32) and
        // takes 32-bit address registers here: coherent memory below 4 GiB.
        Result masked = _pdev.DmaSetMaskAndCoherent(32);
        if (!masked.IsOk) return masked.Error;
        Result<DmaCoherent<byte>> first = DmaCoherent<byte>.TryZeroed(_pdev, Bytes);
        if (!first.TryGetValue(out DmaCoherent<byte> outbound)) return first.Error;
        Result<DmaCoherent<byte>> second = DmaCoherent<byte>.TryZeroed(_pdev, Bytes);
        if (!second.TryGetValue(out DmaCoherent<byte> inbound))
        {
            outbound.Dispose();
            return second.Error;
        }
        for (int i = 0; i < Bytes; i++) outbound.Write(i, (byte)(i * 7 + 1));
        Result moved = Transfer(bar, outbound.DmaAddress, EduRegs.DeviceBuffer, EduRegs.DmaStart | EduRegs.DmaRaiseIrq);
        if (moved.IsOk) moved = Transfer(bar, EduRegs.DeviceBuffer, inbound.DmaAddress, EduRegs.DmaStart | EduRegs.DmaToRam | EduRegs.DmaRaiseIrq);
        int same = 0;
        for (int i = 0; i < Bytes; i++) if (inbound.Read(i) == outbound.Read(i)) same++;
        outbound.Dispose();
        inbound.Dispose();
        if (!moved.IsOk) return moved.Error;
        _pdev.Device.Info($"DMA: {Bytes} bytes to the device and back, {same} equal; {_irq.State.Count.Load()} interrupts");
        return same == Bytes ? Result.Ok : Errno.EIO;
    }

    /// <summary>One DMA transfer; the address registers are 64 bits wide, written and read back whole.</summary>
    private Result Transfer(PciBar bar, ulong source, ulong destination, uint command)
    {
        bar.Write64(source, EduRegs.DmaSource);
        bar.Write64(destination, EduRegs.DmaDestination);
        if (bar.Read64(EduRegs.DmaSource) != source || bar.Read64(EduRegs.DmaDestination) != destination) return Errno.EIO;
        bar.Write32(Bytes, EduRegs.DmaCount);
        bar.Write32(command, EduRegs.DmaCommand);
        Result<int> raised = NextInterrupt();
        if (!raised.TryGetValue(out int bits))
        {
            // No interrupt came: the device may still be about to write the buffer the caller frees next. It cannot be
            // stopped, so wait (up to a second; a transfer takes 100 ms) until its command register says it is done.
            for (int i = 0; i < 100 && (bar.Read32(EduRegs.DmaCommand) & EduRegs.DmaStart) != 0; i++) Delay.MSleep(10);
            return raised.Error;
        }
        return bits == (int)EduRegs.DmaIrq ? Result.Ok : Errno.EIO;
    }

    public void Dispose()
    {
        _irq.Dispose();
        _done.Dispose();
        _pdev.Device.Info("removed");
    }
}
