namespace Kernel;

/// <summary>
/// A PCI device bound to a [PciDriver] type, valid from its Probe to its Dispose (Rust-for-Linux's
/// <c>pci::Device</c>): its ids, its <see cref="Device"/> for dev_* printing, enabling, bus mastering and its BARs.
/// </summary>
public readonly unsafe struct PciDevice
{
    private readonly void* _handle;

    internal PciDevice(void* handle) => _handle = handle;

    public ushort VendorId => (ushort)Native.PciVendorId(Handle);

    public ushort DeviceId => (ushort)Native.PciDeviceId(Handle);

    /// <summary>Reads configuration space (pci_read_config_byte/word/dword): EINVAL for an offset outside it or not
    /// a multiple of the width, EIO when the read fails.</summary>
    public Result<byte> ReadConfig8(uint offset) => Config(offset, 1) is var v && v < 0 ? Errno.FromKernel((int)v) : (byte)v;
    public Result<ushort> ReadConfig16(uint offset) => Config(offset, 2) is var v && v < 0 ? Errno.FromKernel((int)v) : (ushort)v;
    public Result<uint> ReadConfig32(uint offset) => Config(offset, 4) is var v && v < 0 ? Errno.FromKernel((int)v) : (uint)v;

    private long Config(uint offset, uint width) => Native.PciReadConfig(Handle, offset, width);

    /// <summary>The device dev_* printing names: "&lt;driver&gt; 0000:00:03.0: ...".</summary>
    public Device Device => new(Native.PciDev(Handle));

    /// <summary>Enables the device's memory decoding (pci_enable_device_mem); C disables it again after the remove.</summary>
    [MaySleep]
    public Result EnableDeviceMem()
    {
        int error = Native.PciEnableDeviceMem(Handle);
        return error < 0 ? Errno.FromKernel(error) : Result.Ok;
    }

    /// <summary>Lets the device master the bus (DMA); disabling the device after the remove clears it.</summary>
    public void SetMaster() => Native.PciSetMaster(Handle);

    /// <summary>
    /// Requests memory BAR <paramref name="bar"/> (0-5) for <paramref name="name"/> and maps all of it (Rust's
    /// <c>iomap_region</c>): EINVAL for no such memory BAR, EBUSY when it is mapped already or another driver holds
    /// it. C unmaps and releases it after the remove, so it is valid while the device is bound.
    /// </summary>
    [MaySleep]
    public Result<PciBar> IomapRegion(int bar, CStr name)
    {
        ulong length;
        int error;
        void* mapped = Native.PciIomapRegion(Handle, bar, name.Pointer, &length, &error);
        if (mapped == null) return Errno.FromKernel(error);
        return new PciBar(mapped, length);
    }

    /// <summary>The addresses the device can reach by DMA: <paramref name="bits"/> (1-64) wide, for streaming and
    /// coherent memory alike (dma_set_mask_and_coherent): EIO when the platform cannot give it that, EINVAL out of range.</summary>
    public Result DmaSetMaskAndCoherent(int bits)
    {
        if (bits is < 1 or > 64) return Errno.EINVAL;
        int error = Native.PciDmaSetMaskAndCoherent(Handle, (uint)bits);
        return error < 0 ? Errno.FromKernel(error) : Result.Ok;
    }

    internal void* Handle
    {
        get
        {
            if (_handle == null) Panic.Fail("PciDevice used outside its driver's Probe and Dispose"u8);
            return _handle;
        }
    }
}
