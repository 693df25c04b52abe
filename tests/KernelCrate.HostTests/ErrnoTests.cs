using System.Linq;
using System.Reflection;
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

    /// <summary>Every Errno property, found by reflection: Name must name each one as it is called.</summary>
    public static TheoryData<string> Codes() => new(typeof(Errno).GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(Errno)).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Names_every_code_as_it_is_called(string code)
    {
        var errno = (Errno)typeof(Errno).GetProperty(code)!.GetValue(null)!;
        Assert.Equal(code, errno.Name);
        Assert.Equal(errno, Errno.FromKernel(errno.ToKernel()));
    }

    [Fact]
    public void Codes_are_distinct_and_unknown_numbers_have_no_name()
    {
        int[] numbers = Codes().Select(row => ((Errno)typeof(Errno).GetProperty((string)row.Data)!.GetValue(null)!).Value).ToArray();
        Assert.True(numbers.Length >= 20);
        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.Equal("", Errno.FromKernel(-200).Name);
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
