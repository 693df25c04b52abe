namespace Kernel;

/// <summary>
/// A mapped memory BAR (Rust-for-Linux's <c>pci::Bar</c>, <c>io::Io</c>): little-endian MMIO reads and writes of 8,
/// 16, 32 and 64 bits at a byte offset, through the kernel's readb..readq and writeb..writeq. An access past
/// the BAR's end (or misaligned) is a kernel BUG with its offset; the Try forms return EINVAL instead, for offsets
/// only known at run time (a device told us).
/// </summary>
public readonly unsafe struct PciBar
{
    private readonly byte* _base;
    private readonly ulong _length;

    internal PciBar(void* mapped, ulong length)
    {
        _base = (byte*)mapped;
        _length = length;
    }

    /// <summary>The BAR's size in bytes.</summary>
    public ulong Length => _length;

    public byte Read8(ulong offset) => (byte)Native.Readb(At(offset, 1));
    public ushort Read16(ulong offset) => (ushort)Native.Readw(At(offset, 2));
    public uint Read32(ulong offset) => Native.Readl(At(offset, 4));
    public ulong Read64(ulong offset) => Native.Readq(At(offset, 8));

    public void Write8(byte value, ulong offset) => Native.Writeb(value, At(offset, 1));
    public void Write16(ushort value, ulong offset) => Native.Writew(value, At(offset, 2));
    public void Write32(uint value, ulong offset) => Native.Writel(value, At(offset, 4));
    public void Write64(ulong value, ulong offset) => Native.Writeq(value, At(offset, 8));

    public Result<byte> TryRead8(ulong offset) => Fits(offset, 1) ? Read8(offset) : Errno.EINVAL;
    public Result<ushort> TryRead16(ulong offset) => Fits(offset, 2) ? Read16(offset) : Errno.EINVAL;
    public Result<uint> TryRead32(ulong offset) => Fits(offset, 4) ? Read32(offset) : Errno.EINVAL;
    public Result<ulong> TryRead64(ulong offset) => Fits(offset, 8) ? Read64(offset) : Errno.EINVAL;

    public Result TryWrite8(byte value, ulong offset)
    {
        if (!Fits(offset, 1)) return Errno.EINVAL;
        Write8(value, offset);
        return Result.Ok;
    }

    public Result TryWrite16(ushort value, ulong offset)
    {
        if (!Fits(offset, 2)) return Errno.EINVAL;
        Write16(value, offset);
        return Result.Ok;
    }

    public Result TryWrite32(uint value, ulong offset)
    {
        if (!Fits(offset, 4)) return Errno.EINVAL;
        Write32(value, offset);
        return Result.Ok;
    }

    public Result TryWrite64(ulong value, ulong offset)
    {
        if (!Fits(offset, 8)) return Errno.EINVAL;
        Write64(value, offset);
        return Result.Ok;
    }

    /// <summary>Whether an access of <paramref name="size"/> bytes at <paramref name="offset"/> is inside the BAR and aligned.</summary>
    public bool Fits(ulong offset, ulong size) => _base != null && offset % size == 0 && offset < _length && size <= _length - offset;

    private void* At(ulong offset, ulong size)
    {
        if (!Fits(offset, size))
        {
            if (_base == null) Panic.Fail("MMIO access through a PciBar that was never mapped"u8);
            var text = new PrintkText(64, 3);
            text.AppendLiteral("MMIO access of ");
            text.AppendFormatted(size);
            text.AppendLiteral(" bytes at offset ");
            text.AppendFormatted(offset);
            text.AppendLiteral(" outside a BAR of ");
            text.AppendFormatted(_length);
            text.AppendLiteral(" bytes, or misaligned");
            Panic.Fail(text.Text);
        }
        return _base + offset;
    }
}
