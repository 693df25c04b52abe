// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_driver_pci.rs (based on QEMU's pci-testdev): QEMU must run with
// `-device pci-testdev` for it to probe. The same module name, id, log lines and register dance.
using Kernel;

[Module(Name = "rust_driver_pci", Authors = new[] { "Danilo Krummrich" }, Description = "Rust PCI driver", License = "GPL v2")]
internal partial struct RustDriverPci : IKernelModule<RustDriverPci>
{
    private PciDriverRegistration<SampleDriver> _driver;

    public static Result<RustDriverPci> Init(CStr name, ThisModule module)
    {
        Result<PciDriverRegistration<SampleDriver>> driver = PciDriverRegistration<SampleDriver>.Register(name);
        if (!driver.TryGetValue(out PciDriverRegistration<SampleDriver> registered)) return driver.Error;
        return new RustDriverPci { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

/// <summary>pci-testdev's BAR 0 registers.</summary>
internal static class Regs
{
    internal const ulong Test = 0x0;
    internal const ulong Offset = 0x4;
    internal const ulong Data = 0x8;
    internal const ulong Count = 0xC;
    internal const ulong End = 0x10;
}

/// <summary>Which of pci-testdev's tests to run: 0 has no eventfd.</summary>
internal static class TestIndex
{
    internal const uint NoEventfd = 0;
}

[PciDriver]
[PciDeviceId(0x1b36, 0x0005, Info = TestIndex.NoEventfd)] // PCI_VENDOR_ID_REDHAT, pci-testdev
internal partial struct SampleDriver : IPciDriver<SampleDriver>
{
    private PciDevice _pdev; // upstream keeps its Devres<Bar> too; here C keeps the mapping until after Dispose

    /// <summary>Selects the test, then writes its data to its offset, which counts one match.</summary>
    private static Result<uint> Testdev(uint index, PciBar bar)
    {
        bar.Write8((byte)index, Regs.Test);
        ulong offset = bar.Read32(Regs.Offset);
        byte data = bar.Read8(Regs.Data);
        // TryWrite8: the offset comes from the device, so it is checked at run time.
        Result written = bar.TryWrite8(data, offset);
        if (!written.IsOk) return written.Error;
        return bar.Read32(Regs.Count);
    }

    public static Result<SampleDriver> Probe(PciDevice pdev, uint info)
    {
        pdev.Device.Debug($"Probe Rust PCI driver sample (PCI ID: 0x{pdev.VendorId:x}, 0x{pdev.DeviceId:x}).");
        Result enabled = pdev.EnableDeviceMem();
        if (!enabled.IsOk) return enabled.Error;
        pdev.SetMaster();

        Result<PciBar> mapped = pdev.IomapRegion(0, CStr.Literal("rust_driver_pci"));
        if (!mapped.TryGetValue(out PciBar bar)) return mapped.Error;
        if (bar.Length < Regs.End) return Errno.EINVAL; // Rust's iomap_region_sized::<{ Regs::END }>

        Result<uint> count = Testdev(info, bar);
        if (!count.TryGetValue(out uint matches)) return count.Error;
        pdev.Device.Info($"pci-testdev data-match count: {matches}");
        return new SampleDriver { _pdev = pdev };
    }

    public void Dispose() => _pdev.Device.Debug("Remove Rust PCI driver sample.");
}
