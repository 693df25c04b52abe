using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Kernel.HostTests;

public sealed unsafe class SysctlTests : HostTest
{
    private static readonly CStr Path = CStr.FromStaticUtf8WithNul("example\0"u8);
    private static readonly CStr Name = CStr.FromStaticUtf8WithNul("atom\0"u8);

    /// <summary>Calls the managed handler as the generated kc_sysctl_handle entry does: the storage and its kind.</summary>
    private static (int Status, string Text, long Position) Call(bool write, string input, long position = 0, int bufferSize = 64)
    {
        HostSysctl sysctl = Native.Registered[0];
        byte[] buffer = new byte[Math.Max(bufferSize, input.Length)];
        Encoding.ASCII.GetBytes(input).CopyTo(buffer, 0);
        nuint length = write ? (nuint)input.Length : (nuint)bufferSize;
        fixed (byte* data = buffer)
        {
            int status = SysctlDispatch.Handle(sysctl.Storage, sysctl.Kind, write ? 1 : 0, data, &length, &position);
            return (status, write ? "" : Encoding.ASCII.GetString(buffer, 0, (int)length), position);
        }
    }

    [Fact]
    public void AtomicBool_storage_behaves_as_the_Rust_sysctl()
    {
        Sysctl<AtomicBool> sysctl = Sysctl<AtomicBool>.Register(Path, Name, new AtomicBool(false), SysctlMode.ReadWrite).Value;
        HostSysctl registered = Native.Registered[0];
        Assert.Equal(("example", "atom", (ushort)0x1a4), (registered.Path, registered.Name, registered.Mode));

        Assert.Equal((0, "0\n", 2L), Call(write: false, ""));
        Assert.Equal(0, Call(write: true, "1\n").Status);
        Assert.True(sysctl.Storage.Load());
        Assert.Equal("1\n", Call(write: false, "").Text);

        Assert.Equal(-22, Call(write: true, "2").Status);
        Assert.Equal(-22, Call(write: true, "abc").Status);
        Assert.Equal(-22, Call(write: true, "").Status);
        Assert.Equal(-22, Call(write: true, "10").Status);
        Assert.True(sysctl.Storage.Load());

        Assert.Equal(0, Call(write: true, " \t0 \n").Status);
        Assert.False(sysctl.Storage.Load());

        Assert.Equal((0, "", 2L), Call(write: false, "", position: 2));
        Assert.Equal(-14, Call(write: false, "", bufferSize: 1).Status);

        sysctl.Dispose();
        Assert.Empty(Native.Registered);
        AssertNoLeaks();
    }

    [Fact]
    public void Write_reports_every_byte_processed()
    {
        using var registration = new Disposer(Sysctl<AtomicBool>.Register(Path, Name, default, SysctlMode.ReadWrite).Value);
        (int status, _, long position) = Call(write: true, "1   \n");
        Assert.Equal(0, status);
        Assert.Equal(5, position);
    }

    [Fact]
    public void Registration_failures_leak_nothing()
    {
        Native.FailAllocation = 0;
        Assert.Equal(Errno.ENOMEM, Sysctl<AtomicBool>.Register(Path, Name, default, SysctlMode.ReadWrite).Error);
        AssertNoLeaks();

        Native.Reset();
        Native.FailSysctlRegistration = true;
        Assert.True(Sysctl<AtomicBool>.Register(Path, Name, default, SysctlMode.ReadOnly).IsError);
        AssertNoLeaks();
    }

    [Fact]
    public void An_unknown_storage_kind_is_EINVAL_not_a_wild_call()
    {
        nuint length = 0;
        long position = 0;
        Assert.Equal(-22, SysctlDispatch.Handle(null, 999, 0, null, &length, &position));
    }

    private readonly struct Disposer(Sysctl<AtomicBool> sysctl) : IDisposable
    {
        public void Dispose() => sysctl.Dispose();
    }
}

public sealed class GfpLayoutTests
{
    [Theory]
    [InlineData("KC_GFP_KERNEL", Gfp.Kernel)]
    [InlineData("KC_GFP_ATOMIC", Gfp.Atomic)]
    [InlineData("KC_GFP_NOWAIT", Gfp.NoWait)]
    [InlineData("KC_GFP_ZERO", Gfp.Zero)]
    [InlineData("KC_GFP_NOWARN", Gfp.NoWarn)]
    public void Gfp_bits_are_the_ones_kc_alloc_c_translates(string name, Gfp value)
    {
        string source = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "kc_alloc.c"));
        string hex = Regex.Match(source, $@"#define {name} 0x([0-9a-f]+)").Groups[1].Value;
        Assert.Equal(Convert.ToUInt32(hex, 16), (uint)value);
    }
}
