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

    /// <summary>Calls the registered table's handler as the kernel would: through extra2.</summary>
    private static (int Status, string Text, long Position) Call(bool write, string input, long position = 0, int bufferSize = 64)
    {
        var table = (CtlTable*)Native.RegisteredTables[0];
        byte[] buffer = new byte[Math.Max(bufferSize, input.Length)];
        Encoding.ASCII.GetBytes(input).CopyTo(buffer, 0);
        nuint length = write ? (nuint)input.Length : (nuint)bufferSize;
        fixed (byte* data = buffer)
        {
            var handler = (delegate*<void*, int, byte*, nuint*, long*, int>)table->Extra2;
            int status = handler(table->Data, write ? 1 : 0, data, &length, &position);
            return (status, write ? "" : Encoding.ASCII.GetString(buffer, 0, (int)length), position);
        }
    }

    [Fact]
    public void AtomicBool_storage_behaves_as_the_Rust_sysctl()
    {
        Sysctl<AtomicBool> sysctl = Sysctl<AtomicBool>.Register(Path, Name, new AtomicBool(false), SysctlMode.ReadWrite).Value;
        var table = (CtlTable*)Native.RegisteredTables[0];
        Assert.Equal("atom", Marshal.PtrToStringAnsi((IntPtr)table->ProcName));
        Assert.Equal(0x1a4, table->Mode);

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
        Assert.Empty(Native.RegisteredTables);
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
    public void The_ctl_table_mirror_matches_kc_layout_h()
    {
        string header = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "kc_layout.h"));
        int Constant(string name) => int.Parse(Regex.Match(header, $@"#define {name} (\d+)").Groups[1].Value);
        Assert.Equal(Constant("KC_CTL_TABLE_SIZE"), sizeof(CtlTable));
        Assert.Equal(Constant("KC_CTL_TABLE_PROCNAME"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.ProcName)));
        Assert.Equal(Constant("KC_CTL_TABLE_DATA"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.Data)));
        Assert.Equal(Constant("KC_CTL_TABLE_MAXLEN"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.MaxLen)));
        Assert.Equal(Constant("KC_CTL_TABLE_MODE"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.Mode)));
        Assert.Equal(Constant("KC_CTL_TABLE_PROC_HANDLER"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.ProcHandler)));
        Assert.Equal(Constant("KC_CTL_TABLE_EXTRA1"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.Extra1)));
        Assert.Equal(Constant("KC_CTL_TABLE_EXTRA2"), (int)Marshal.OffsetOf<CtlTable>(nameof(CtlTable.Extra2)));
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
    public void Gfp_values_match_kc_layout_h(string name, Gfp value)
    {
        string header = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "kc_layout.h"));
        string hex = Regex.Match(header, $@"#define {name} 0x([0-9a-f]+)").Groups[1].Value;
        Assert.Equal(Convert.ToUInt32(hex, 16), (uint)value);
    }
}
