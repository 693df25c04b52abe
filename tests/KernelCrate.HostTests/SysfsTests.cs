using System;
using System.Linq;
using Xunit;

namespace Kernel.HostTests;

/// <summary>sysfs attributes against the simulated kernel: the mode each gets, the modes refused, show and store
/// through the dispatch C calls, every failure disposing the state, and Dispose removing before it frees.</summary>
public sealed unsafe class SysfsTests : HostTest
{
    private struct Value : ISysfsAttribute<Value>, ISysfsStore
    {
        public uint Number;
        public static int Disposed;
        static uint ISysfsAttribute<Value>.SysfsKind => 1;
        static bool ISysfsAttribute<Value>.SysfsWritable => true;

        public Result<int> Show(Span<byte> page) => Number == 99 ? page.Length + 1 : PageText.Print(page, $"{Number}\n");

        public Result Store(ReadOnlySpan<byte> text)
        {
            Result<uint> parsed = TextParser.ParseU32(text);
            if (!parsed.TryGetValue(out uint number)) return Errno.EINVAL;
            Number = number;
            return Result.Ok;
        }

        public void Dispose() => Disposed++;
    }

    private struct Shown : ISysfsAttribute<Shown>
    {
        public static int Disposed;
        static uint ISysfsAttribute<Shown>.SysfsKind => 2;
        public Result<int> Show(Span<byte> page) => PageText.Write(page, "fixed\n"u8);
        public void Dispose() => Disposed++;
    }

    private static CStr Name(string text) => CStr.FromStaticUtf8WithNul(System.Text.Encoding.UTF8.GetBytes(text + "\0"));
    private static readonly Device Dev = new((void*)0x1000);

    public SysfsTests() => Value.Disposed = Shown.Disposed = 0;

    [Fact]
    public void An_attribute_shows_and_stores_through_its_state_and_Dispose_removes_it_before_freeing()
    {
        SysfsAttribute<Value> attribute = SysfsAttribute<Value>.TryCreate(Dev, Name("value"), new Value { Number = 42 }).Value;
        (nint block, Native.HostSysfsAttr attr) = Native.SysfsAttrs.Single();
        Assert.Equal(((nint)0x1000, "value", 0x1a4u, 1u, true), (attr.Device, attr.Name, attr.Mode, attr.Kind, attr.Writable));
        byte[] page = new byte[4096];
        fixed (byte* p = page) Assert.Equal(3, SysfsDispatch.Show<Value>((void*)block, p, 4096));
        Assert.Equal("42\n"u8.ToArray(), page.AsSpan(0, 3).ToArray());
        fixed (byte* text = "7\n\0"u8) Assert.Equal(0, SysfsDispatch.Store<Value>((void*)block, text, 2));
        Assert.Equal(7u, attribute.State.Number);
        fixed (byte* text = "seven\0"u8) Assert.Equal(-22, SysfsDispatch.Store<Value>((void*)block, text, 5));
        Assert.Equal(7u, attribute.State.Number);

        attribute.Dispose();
        Assert.Empty(Native.SysfsAttrs);
        Assert.Equal(1, Value.Disposed);
        attribute.Dispose();
        Assert.Equal(1, Value.Disposed);
        AssertNoLeaks();
    }

    [Fact]
    public void A_read_only_type_is_0444_and_any_write_bit_on_it_or_a_mode_others_may_write_is_EINVAL()
    {
        SysfsAttribute<Shown> shown = SysfsAttribute<Shown>.TryCreate(Dev, Name("shown"), new Shown()).Value;
        Assert.Equal((0x124u, false), (Native.SysfsAttrs.Values.Single().Mode, Native.SysfsAttrs.Values.Single().Writable));
        Assert.Equal(Errno.EINVAL, SysfsAttribute<Shown>.TryCreate(Dev, Name("w"), new Shown(), 0x1a4).Error);
        Assert.Equal(Errno.EINVAL, SysfsAttribute<Value>.TryCreate(Dev, Name("o"), new Value(), 0x1b6).Error);
        Assert.Equal(Errno.EINVAL, SysfsAttribute<Value>.TryCreate(Dev, Name("big"), new Value(), 0x3ff).Error);
        Assert.Equal(Errno.EINVAL, SysfsAttribute<Value>.TryCreate(Dev, default, new Value()).Error);
        Assert.Equal(Errno.EINVAL, SysfsAttribute<Value>.TryCreate(default, Name("nodev"), new Value()).Error);
        SysfsAttribute<Value> owner = SysfsAttribute<Value>.TryCreate(Dev, Name("owner"), new Value(), 0x180).Value;
        Assert.Equal(0x180u, Native.SysfsAttrs.Values.Single(a => a.Name == "owner").Mode);
        Assert.Equal((1, 4), (Shown.Disposed, Value.Disposed));
        owner.Dispose();
        shown.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_name_in_use_is_EEXIST_with_the_state_disposed_and_free_again_once_removed()
    {
        SysfsAttribute<Value> first = SysfsAttribute<Value>.TryCreate(Dev, Name("value"), new Value()).Value;
        Assert.Equal(Errno.EEXIST, SysfsAttribute<Value>.TryCreate(Dev, Name("value"), new Value()).Error);
        Assert.Equal(1, Value.Disposed);
        SysfsAttribute<Value> other = SysfsAttribute<Value>.TryCreate(new Device((void*)0x2000), Name("value"), new Value()).Value;
        first.Dispose();
        SysfsAttribute<Value> again = SysfsAttribute<Value>.TryCreate(Dev, Name("value"), new Value()).Value;
        again.Dispose();
        other.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_show_that_claims_more_than_its_page_is_a_kernel_BUG()
    {
        SysfsAttribute<Value> attribute = SysfsAttribute<Value>.TryCreate(Dev, Name("value"), new Value { Number = 99 }).Value;
        nint block = Native.SysfsAttrs.Keys.Single();
        byte[] page = new byte[4096];
        var panic = Assert.Throws<KernelPanicException>(() => { fixed (byte* p = page) SysfsDispatch.Show<Value>((void*)block, p, 4096); });
        Assert.Contains("more bytes than its page holds", panic.Message);
        attribute.Dispose();
    }

    private struct Unmarked : ISysfsAttribute<Unmarked>
    {
        public Result<int> Show(Span<byte> page) => 0;
        public void Dispose() { }
    }

    [Fact]
    public void A_type_without_its_kind_panics_naming_the_attribute()
    {
        var panic = Assert.Throws<KernelPanicException>(() => SysfsAttribute<Unmarked>.TryCreate(Dev, Name("x"), new Unmarked()));
        Assert.Contains("[SysfsAttribute]", panic.Message);
    }
}
