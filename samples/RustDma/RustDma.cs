// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_dma.rs (based on QEMU's pci-testdev): QEMU must run with
// `-device pci-testdev` for it to probe. It writes five pairs into coherent DMA memory on probe and checks them on
// remove, as upstream does (a mismatch is a kernel BUG, as upstream's assert_eq!). Upstream's newer scatter-gather
// table is not part of this twin.
using Kernel;

[Module(Name = "rust_dma", Authors = new[] { "Abdiel Janulgue" }, Description = "Rust DMA test", License = "GPL v2")]
internal partial struct RustDma : IKernelModule<RustDma>
{
    private PciDriverRegistration<DmaSampleDriver> _driver;

    public static Result<RustDma> Init(CStr name, ThisModule module)
    {
        Result<PciDriverRegistration<DmaSampleDriver>> driver = PciDriverRegistration<DmaSampleDriver>.Register(name);
        if (!driver.TryGetValue(out PciDriverRegistration<DmaSampleDriver> registered)) return driver.Error;
        return new RustDma { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

internal struct MyStruct
{
    internal uint H;
    internal uint B;

    internal MyStruct(uint h, uint b)
    {
        H = h;
        B = b;
    }
}

[PciDriver]
[PciDeviceId(0x1b36, 0x0005)] // PCI_VENDOR_ID_REDHAT, pci-testdev
internal partial struct DmaSampleDriver : IPciDriver<DmaSampleDriver>
{
    private static System.ReadOnlySpan<uint> TestValues => [0xa, 0xb, 0xc, 0xd, 0xe, 0xf, 0xab, 0xba, 0xcd, 0xef];

    private PciDevice _pdev;
    private DmaCoherent<MyStruct> _ca;

    public static Result<DmaSampleDriver> Probe(PciDevice pdev, uint info)
    {
        pdev.Device.Info("Probe DMA test driver.");
        Result masked = pdev.DmaSetMaskAndCoherent(64);
        if (!masked.IsOk) return masked.Error;
        Result<DmaCoherent<MyStruct>> allocated = DmaCoherent<MyStruct>.TryZeroed(pdev, TestValues.Length / 2);
        if (!allocated.TryGetValue(out DmaCoherent<MyStruct> ca)) return allocated.Error;
        for (int i = 0; i < ca.Count; i++) ca.Write(i, new MyStruct(TestValues[2 * i], TestValues[2 * i + 1]));
        return new DmaSampleDriver { _pdev = pdev, _ca = ca };
    }

    private void CheckDma()
    {
        for (int i = 0; i < _ca.Count; i++)
        {
            MyStruct value = _ca.Read(i);
            if (value.H != TestValues[2 * i] || value.B != TestValues[2 * i + 1]) Panic.Fail("assertion failed: DMA memory changed"u8);
        }
    }

    public void Dispose()
    {
        _pdev.Device.Info("Unload DMA test driver.");
        CheckDma();
        _ca.Dispose();
    }
}
