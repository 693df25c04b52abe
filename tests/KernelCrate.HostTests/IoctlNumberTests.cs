using Xunit;

namespace Kernel.HostTests;

public sealed class IoctlNumberTests
{
    // The values the kernel's own macros give (asm-generic/ioctl.h), as Rust-for-Linux's sample documents them.
    [Fact]
    public void Commands_match_the_C_macros()
    {
        Assert.Equal(0x00007c80u, IoctlNumber.IO('|', 0x80));
        Assert.Equal(0x80047c81u, IoctlNumber.IOR<int>('|', 0x81));
        Assert.Equal(0x40047c82u, IoctlNumber.IOW<int>('|', 0x82));
        Assert.Equal(0xc0087c83u, IoctlNumber.IOWR<long>('|', 0x83));
        Assert.Equal(0x5401u, IoctlNumber.IO('T', 1)); // TCGETS
    }

    [Fact]
    public void Commands_decode()
    {
        uint command = IoctlNumber.IOWR<long>('|', 0x83);
        Assert.Equal(IoctlNumber.Read | IoctlNumber.Write, IoctlNumber.Direction(command));
        Assert.Equal((uint)'|', IoctlNumber.Type(command));
        Assert.Equal(0x83u, IoctlNumber.Number(command));
        Assert.Equal((nuint)8, IoctlNumber.Size(command));
    }

    [Fact]
    public void An_out_of_range_number_panics()
    {
        Assert.Throws<KernelPanicException>(() => IoctlNumber.IO(0x100, 1));
        Assert.Throws<KernelPanicException>(() => IoctlNumber.IO('|', 0x100));
    }
}
