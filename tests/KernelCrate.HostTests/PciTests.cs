using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Kernel.HostTests;

/// <summary>A PCI driver against a simulated bus: registration hands C the id table, probe maps a BAR, MMIO is
/// bounds-checked, a failed probe's error reaches C.</summary>
public sealed unsafe class PciTests : HostTest
{
    /// <summary>The shape of rust_driver_pci: pci-testdev's BAR 0 registers.</summary>
    private struct TestDev : IPciDriver<TestDev>
    {
        public PciBar Bar;
        public uint Info;
        public static int Disposed;

        static uint IPciDriver<TestDev>.PciDriverKind => 3;
        // 1b36:0005, any subsystem, info 7: what the generator writes for [PciDeviceId(0x1b36, 0x0005, Info = 7)].
        static ReadOnlySpan<byte> IPciDriver<TestDev>.PciIdTable => new byte[]
        {
            0x36, 0x1b, 0, 0, 0x05, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0,
        };

        public static Result<TestDev> Probe(PciDevice device, uint info)
        {
            if (device.VendorId != 0x1b36) return Errno.ENODEV;
            if (!device.EnableDeviceMem().IsOk) return Errno.EIO;
            device.SetMaster();
            Result<PciBar> bar = device.IomapRegion(0, CStr.FromStaticUtf8WithNul("testdev\0"u8));
            if (!bar.TryGetValue(out PciBar mapped)) return bar.Error;
            return new TestDev { Bar = mapped, Info = info };
        }

        public void Dispose() => Disposed++;
    }

    private static byte[] IdTable<T>() where T : unmanaged, IPciDriver<T> => T.PciIdTable.ToArray();

    private struct Unmarked : IPciDriver<Unmarked>
    {
        public static Result<Unmarked> Probe(PciDevice device, uint info) => default(Unmarked);
        public void Dispose() { }
    }

    [Fact]
    public void Registration_hands_C_the_id_table_and_the_state_size()
    {
        PciDriverRegistration<TestDev> driver = PciDriverRegistration<TestDev>.Register(CStr.FromStaticUtf8WithNul("rust_driver_pci\0"u8)).Value;
        var registered = Native.PciDrivers[0]!.Value;
        Assert.Equal((3u, (nuint)sizeof(TestDev), "rust_driver_pci"), (registered.Kind, registered.StateSize, registered.Name));
        Assert.Equal(IdTable<TestDev>(), registered.Ids);
        driver.Dispose();
        driver.Dispose();
        Assert.Null(Native.PciDrivers[0]);
    }

    [Fact]
    public void A_type_without_PciDriver_panics_at_registration()
        => Assert.Contains("without [PciDriver]", Assert.Throws<KernelPanicException>(
            () => PciDriverRegistration<Unmarked>.Register(CStr.FromStaticUtf8WithNul("x\0"u8))).Message);

    [Fact]
    public void Probe_maps_the_BAR_and_MMIO_reads_and_writes_it_little_endian()
    {
        var device = new Native.HostPciDevice(0x1b36, 0x0005, new byte[16]);
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(TestDev));
        try
        {
            Assert.Equal(0, PciDispatch.Probe<TestDev>(Native.PciHandle(device), 7, state));
            Assert.True(device.Enabled && device.Master);
            Assert.Equal([0], device.Mapped);
            TestDev* bound = (TestDev*)state;
            Assert.Equal(7u, bound->Info);
            Assert.Equal(16ul, bound->Bar.Length);
            bound->Bar.Write32(0x11223344, 4);
            Assert.Equal(new byte[] { 0x44, 0x33, 0x22, 0x11 }, device.Bars[0][4..8]);
            Assert.Equal(0x3344, bound->Bar.Read16(4));
            Assert.Equal(0x22, bound->Bar.Read8(6));
            bound->Bar.Write64(0x0102030405060708, 8);
            Assert.Equal(0x0102030405060708ul, bound->Bar.Read64(8));
            Assert.Equal(Errno.EINVAL, bound->Bar.TryRead64(12).Error);
            Assert.Equal((ushort)0x1b36, new PciDevice(Native.PciHandle(device)).ReadConfig16(0).Value);
            Assert.Equal(0x00051b36u, new PciDevice(Native.PciHandle(device)).ReadConfig32(0).Value);
            Assert.Equal(Errno.EINVAL, new PciDevice(Native.PciHandle(device)).ReadConfig16(1).Error);
            bound->Bar.Write8(0x5a, 15);
            Assert.Equal(0x5a, bound->Bar.Read8(15));
            PciDispatch.Remove<TestDev>(state);
            Assert.Equal(1, TestDev.Disposed);
        }
        finally
        {
            NativeMemory.Free(state);
            foreach (GCHandle pin in device.Pins) pin.Free();
        }
    }

    [Fact]
    public void An_access_past_the_BAR_or_misaligned_is_a_BUG_and_the_Try_forms_say_EINVAL()
    {
        var device = new Native.HostPciDevice(0x1b36, 0x0005, new byte[16]);
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(TestDev));
        try
        {
            Assert.Equal(0, PciDispatch.Probe<TestDev>(Native.PciHandle(device), 0, state));
            PciBar bar = ((TestDev*)state)->Bar;
            Assert.Equal("panicked at 'MMIO access of 4 bytes at offset 16 outside a BAR of 16 bytes, or misaligned'",
                Assert.Throws<KernelPanicException>(() => bar.Read32(16)).Message);
            Assert.Contains("4 bytes at offset 13", Assert.Throws<KernelPanicException>(() => bar.Write32(1, 13)).Message);
            Assert.Contains("2 bytes at offset 1 ", Assert.Throws<KernelPanicException>(() => bar.Read16(1)).Message);
            Assert.Contains("at offset 18446744073709551615", Assert.Throws<KernelPanicException>(() => bar.Read8(ulong.MaxValue)).Message);
            Assert.Equal(Errno.EINVAL, bar.TryWrite8(1, 16).Error);
            Assert.Equal(Errno.EINVAL, bar.TryRead32(14).Error);
            Assert.True(bar.TryWrite8(9, 3).IsOk);
            Assert.Equal((byte)9, bar.TryRead8(3).Value);
            Assert.Contains("never mapped", Assert.Throws<KernelPanicException>(() => default(PciBar).Read8(0)).Message);
        }
        finally
        {
            NativeMemory.Free(state);
            foreach (GCHandle pin in device.Pins) pin.Free();
        }
    }

    [Fact]
    public void A_failed_probe_returns_its_error_to_C_and_leaves_the_state_unwritten()
    {
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(TestDev));
        try
        {
            Assert.Equal(-19, PciDispatch.Probe<TestDev>(Native.PciHandle(new Native.HostPciDevice(0x8086, 0x1234, new byte[16])), 0, state));
            Assert.Equal(-22, PciDispatch.Probe<TestDev>(Native.PciHandle(new Native.HostPciDevice(0x1b36, 0x0005, [null])), 0, state));
            Assert.Equal(0ul, ((TestDev*)state)->Bar.Length);
        }
        finally
        {
            NativeMemory.Free(state);
        }
    }

    private struct Pair
    {
        public uint H, B;
    }

    [Fact]
    public void Coherent_DMA_memory_is_zeroed_indexed_with_bounds_and_freed_once()
    {
        void* handle = Native.PciHandle(new Native.HostPciDevice(0x1b36, 0x0005, new byte[16]));
        var device = new PciDevice(handle);
        Assert.True(device.DmaSetMaskAndCoherent(64).IsOk);
        Assert.Equal(Errno.EINVAL, device.DmaSetMaskAndCoherent(65).Error);
        Assert.Equal(Errno.EINVAL, DmaCoherent<Pair>.TryZeroed(device, 0).Error);
        DmaCoherent<Pair> ca = DmaCoherent<Pair>.TryZeroed(device, 5).Value;
        Assert.Equal(5, ca.Count);
        Assert.NotEqual(0ul, ca.DmaAddress);
        Assert.Equal(0u, ca.Read(4).B);
        ca.Write(2, new Pair { H = 0xe, B = 0xf });
        Assert.Equal((0xeu, 0xfu), (ca.Read(2).H, ca.Read(2).B));
        Assert.Equal("panicked at 'DMA access at index 5 of an allocation of 5 items'", Assert.Throws<KernelPanicException>(() => ca.Read(5)).Message);
        Assert.Contains("index -1", Assert.Throws<KernelPanicException>(() => ca.Write(-1, default)).Message);
        ca.Dispose();
        ca.Dispose();
        AssertNoLeaks();
        Assert.Contains("after Dispose", Assert.Throws<KernelPanicException>(() => ca.Read(0)).Message);
        Native.FailAllocation = Native.AllocationCount;
        Assert.Equal(Errno.ENOMEM, DmaCoherent<Pair>.TryZeroed(device, 1).Error);
    }

    private struct Counter : IIrqHandler<Counter>
    {
        public AtomicI32 Seen;
        public static int Disposed;
        static uint IIrqHandler<Counter>.IrqKind => 2;
        public IrqReturn Handle() => Seen.FetchAdd(1) == 0 ? IrqReturn.Handled : IrqReturn.None;
        public void Dispose() => Disposed++;
    }

    [Fact]
    public void An_irq_handler_s_state_is_in_place_before_the_request_returns_and_dispose_frees_the_irq_first()
    {
        var host = new Native.HostPciDevice(0x1234, 0x11e8, new byte[16]);
        void* handle = Native.PciHandle(host);
        var device = new PciDevice(handle);
        var state = new Counter();
        state.Seen.Store(0);
        IrqRegistration<Counter> irq = IrqRegistration<Counter>.TryRequest(device, 0, state, CStr.FromStaticUtf8WithNul("edu\0"u8)).Value;
        (nint block, uint kind) = Assert.Single(host.Irqs);
        Assert.Equal(2u, kind);
        Assert.Equal(1u, IrqDispatch.Handle<Counter>((void*)block));
        Assert.Equal(0u, IrqDispatch.Handle<Counter>((void*)block));
        Assert.Equal(2, irq.State.Seen.Load());
        Counter.Disposed = 0;
        irq.Dispose();
        irq.Dispose();
        Assert.Equal(1, Counter.Disposed);
        Assert.Empty(host.Irqs);
        AssertNoLeaks();
        Assert.Equal(Errno.EINVAL, IrqRegistration<Counter>.TryRequest(device, 1, new Counter(), CStr.FromStaticUtf8WithNul("edu\0"u8)).Error);
        Assert.Equal(2, Counter.Disposed); // the state it was given is disposed on failure
    }
}
