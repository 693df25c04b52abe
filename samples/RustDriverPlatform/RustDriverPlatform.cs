// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_driver_platform.rs: the same module name, ids and log lines. It
// binds the ACPI device LNUXBEEF that upstream's comment describes (tests/kernel/acpi/lnuxbeef.dsl, given to QEMU
// with -acpitable): "rust_driver_platform LNUXBEEF:00: Probed with info: '0'.". Upstream reads devicetree
// properties when an OF node matched; x86 machines have none, so that part is not here.
using Kernel;

[Module(Name = "rust_driver_platform", Authors = new[] { "Danilo Krummrich" }, Description = "Rust Platform driver", License = "GPL v2")]
internal partial struct RustDriverPlatform : IKernelModule<RustDriverPlatform>
{
    private PlatformDriverRegistration<SampleDriver> _driver;

    public static Result<RustDriverPlatform> Init(CStr name, ThisModule module)
    {
        Result<PlatformDriverRegistration<SampleDriver>> driver = PlatformDriverRegistration<SampleDriver>.Register(name);
        if (!driver.TryGetValue(out PlatformDriverRegistration<SampleDriver> registered)) return driver.Error;
        return new RustDriverPlatform { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

[PlatformDriver]
[OfDeviceId("test,rust-device", Info = 42)]
[AcpiDeviceId("LNUXBEEF", Info = 0)]
internal partial struct SampleDriver : IPlatformDriver<SampleDriver>
{
    private PlatformDevice _pdev;

    public static Result<SampleDriver> Probe(PlatformDevice pdev, PlatformMatch match)
    {
        pdev.Device.Debug("Probe Rust Platform driver sample.");
        if (match.TryGetInfo(out uint info)) pdev.Device.Info($"Probed with info: '{info}'.");
        return new SampleDriver { _pdev = pdev };
    }

    public void Dispose() => _pdev.Device.Debug("Remove Rust Platform driver sample.");
}
