using System.Text;
using Xunit;

namespace Kernel.HostTests;

public sealed class CStrTests : HostTest
{
    [Fact]
    public void Accepts_NUL_terminated_bytes()
    {
        Result<CStr> made = CStr.FromBytesWithNul("atom\0"u8);
        Assert.True(made.IsOk);
        Assert.Equal(4, made.Value.Length);
        Assert.Equal("atom", Encoding.ASCII.GetString(made.Value.AsBytes()));
        Assert.Equal(5, made.Value.AsBytesWithNul().Length);
        Assert.Equal(0, made.Value.AsBytesWithNul()[4]);
    }

    [Fact]
    public void Rejects_missing_terminator_interior_NUL_and_empty_input()
    {
        Assert.Equal(Errno.EINVAL, CStr.FromBytesWithNul("atom"u8).Error);
        Assert.Equal(Errno.EINVAL, CStr.FromBytesWithNul("at\0om\0"u8).Error);
        Assert.Equal(Errno.EINVAL, CStr.FromBytesWithNul(default).Error);
        Assert.True(CStr.FromBytesWithNul("\0"u8).Value.IsEmpty);
    }

    [Fact]
    public unsafe void Wraps_kernel_pointers_and_compares_by_content()
    {
        byte* text = stackalloc byte[] { (byte)'o', (byte)'x', 0 };
        CStr fromPointer = CStr.FromPointer(text);
        Assert.Equal(2, fromPointer.Length);
        Assert.True(fromPointer.Equals(CStr.FromStaticUtf8WithNul("ox\0"u8)));
        Assert.False(fromPointer.Equals(CStr.FromStaticUtf8WithNul("oy\0"u8)));
    }

    [Fact]
    public void Literal_that_was_not_replaced_at_compile_time_panics()
    {
        // This test project does not run the generator, so the call is not intercepted.
        var panic = Assert.Throws<KernelPanicException>(() => CStr.Literal("example"));
        Assert.Contains("CStr.Literal was not replaced at compile time", panic.Message);
    }
}
