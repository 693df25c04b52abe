using System.Text;
using Xunit;

namespace Kernel.HostTests;

public sealed class ErrnoTests : HostTest
{
    [Fact]
    public void Converts_to_the_negative_value_the_kernel_expects()
    {
        Assert.Equal(-22, Errno.EINVAL.ToKernel());
        Assert.Equal(-12, Errno.ENOMEM.ToKernel());
        Assert.Equal(-95, Errno.EOPNOTSUPP.ToKernel());
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(-110, 110)]
    [InlineData(-4095, 4095)]
    [InlineData(-4096, 22)]
    [InlineData(0, 22)]
    [InlineData(5, 22)]
    [InlineData(int.MinValue, 22)]
    public void Reads_kernel_values_and_maps_out_of_range_to_EINVAL(int kernelValue, int expected)
        => Assert.Equal(expected, Errno.FromKernel(kernelValue).Value);

    [Fact]
    public void Names_every_listed_code()
    {
        Errno[] all = [Errno.EPERM, Errno.ENOENT, Errno.EIO, Errno.ENOMEM, Errno.EACCES, Errno.EFAULT, Errno.EBUSY, Errno.EEXIST,
            Errno.EINVAL, Errno.ENOSPC, Errno.ERANGE, Errno.ENOSYS, Errno.EOPNOTSUPP, Errno.ETIMEDOUT, Errno.EAGAIN];
        string[] names = ["EPERM", "ENOENT", "EIO", "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST", "EINVAL", "ENOSPC", "ERANGE", "ENOSYS", "EOPNOTSUPP", "ETIMEDOUT", "EAGAIN"];
        for (int i = 0; i < all.Length; i++) Assert.Equal(names[i], Encoding.ASCII.GetString(all[i].Name));
        Assert.True(Errno.FromKernel(-200).Name.IsEmpty);
    }

    [Fact]
    public void Result_carries_value_or_error()
    {
        Result<int> ok = 42;
        Result<int> failed = Errno.EBUSY;
        Assert.True(ok.IsOk);
        Assert.Equal(42, ok.Value);
        Assert.True(failed.IsError);
        Assert.Equal(Errno.EBUSY, failed.Error);
        Assert.Equal(-16, failed.WithoutValue().ToKernel());
        Assert.Equal(0, Result.Ok.ToKernel());
        Assert.Equal(Errno.EIO, Result.FromKernel(-5).Error);
        Assert.True(Result.FromKernel(3).IsOk);
    }

    [Fact]
    public void Reading_the_value_of_an_error_panics()
    {
        Result<int> failed = Errno.EIO;
        var panic = Assert.Throws<KernelPanicException>(() => failed.Value);
        Assert.Contains("Result.Value read on an error", panic.Message);
    }
}
