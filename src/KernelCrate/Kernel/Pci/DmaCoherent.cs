using System;

namespace Kernel;

/// <summary>
/// <typeparamref name="T"/> items of coherent DMA memory for a bound PCI device (Rust-for-Linux's
/// <c>dma::CoherentAllocation</c>): the CPU and the device see the same bytes without syncing. <see cref="DmaAddress"/>
/// is what the device is told; <see cref="Read"/> and <see cref="Write"/> are the CPU's side, an index outside the
/// allocation is a kernel BUG. Dispose it in the driver's Dispose at the latest: what is left then is freed by C,
/// with an error, when the device is removed.
/// </summary>
public unsafe struct DmaCoherent<T> : IDisposable where T : unmanaged
{
    private void* _block;
    private T* _cpu;
    private ulong _dmaAddress;
    private int _count;

    /// <summary>Allocates <paramref name="count"/> zeroed items (dma_alloc_coherent): ENOMEM, or EINVAL for a count
    /// below 1 or too large.</summary>
    public static Result<DmaCoherent<T>> TryZeroed(PciDevice device, int count, Gfp flags = Gfp.Kernel)
    {
        if (count < 1 || (ulong)count > int.MaxValue / (ulong)sizeof(T)) return Errno.EINVAL;
        ulong dmaAddress;
        void* cpu;
        void* block = Native.DmaAllocCoherent(device.Handle, (nuint)(count * sizeof(T)), flags, &dmaAddress, &cpu);
        if (block == null) return Errno.ENOMEM;
        var result = new DmaCoherent<T>();
        result._block = block;
        result._cpu = (T*)cpu;
        result._dmaAddress = dmaAddress;
        result._count = count;
        return result;
    }

    /// <summary>The allocation's bus address, as the device must be told it (dma_addr_t).</summary>
    public ulong DmaAddress => _dmaAddress;

    public int Count => _count;

    public T Read(int index) => *At(index);

    public void Write(int index, T value) => *At(index) = value;

    /// <summary>Frees the memory (dma_free_coherent); the device must be done with it.</summary>
    [MaySleep]
    public void Dispose()
    {
        if (_block == null) return;
        Native.DmaFreeCoherent(_block);
        _block = null;
        _cpu = null;
        _count = 0;
    }

    private T* At(int index)
    {
        if (_block == null) Panic.Fail("DmaCoherent used after Dispose or before TryZeroed"u8);
        if ((uint)index >= (uint)_count)
        {
            var text = new PrintkText(48, 2);
            text.AppendLiteral("DMA access at index ");
            text.AppendFormatted(index);
            text.AppendLiteral(" of an allocation of ");
            text.AppendFormatted(_count);
            text.AppendLiteral(" items");
            Panic.Fail(text.Text);
        }
        return _cpu + index;
    }
}
