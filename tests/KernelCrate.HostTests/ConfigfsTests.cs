using System;
using System.Linq;
using Xunit;

namespace Kernel.HostTests;

/// <summary>configfs subsystems and groups against the simulated kernel: registration copies the state and the
/// table, show and store through the dispatch C calls, mkdir making a child's block, every failure disposing what
/// it was given, and a Show that claims more than its page a BUG.</summary>
public sealed unsafe class ConfigfsTests : HostTest
{
    private struct Root : IConfigfsGroup<Root, Leaf>, IConfigfsStore
    {
        public int Value;
        public static int Disposed;
        public static Errno? RefuseMkdir;
        static uint IConfigfsItem<Root>.ConfigfsKind => 1;
        static ReadOnlySpan<byte> IConfigfsItem<Root>.ConfigfsTable => new byte[] { 1, 1, 3, (byte)'v', 0 };

        public Result<int> Show(int attribute, Span<byte> page)
        {
            page[0] = (byte)('0' + Value);
            return Value == 9 ? page.Length + 1 : 1;
        }

        public Result Store(int attribute, ReadOnlySpan<byte> text)
        {
            Result<uint> parsed = TextParser.ParseU32(text);
            if (!parsed.TryGetValue(out uint value) || value > 9) return Errno.EINVAL;
            Value = (int)value;
            return Result.Ok;
        }

        public Result<Leaf> MakeGroup(CStr name) => RefuseMkdir is { } error ? error : new Leaf { Length = name.AsBytes().Length };

        public void Dispose() => Disposed++;
    }

    private struct Leaf : IConfigfsItem<Leaf>
    {
        public int Length;
        public static int Disposed;
        static uint IConfigfsItem<Leaf>.ConfigfsKind => 2;
        static ReadOnlySpan<byte> IConfigfsItem<Leaf>.ConfigfsTable => new byte[] { 0, 1, 1, (byte)'n', 0 };
        public Result<int> Show(int attribute, Span<byte> page) => 0;
        public void Dispose() => Disposed++;
    }

    private static CStr Name(string text) => CStr.FromStaticUtf8WithNul(System.Text.Encoding.UTF8.GetBytes(text + "\0"));

    public ConfigfsTests()
    {
        Root.Disposed = Leaf.Disposed = 0;
        Root.RefuseMkdir = null;
    }

    [Fact]
    public void A_subsystem_shows_and_stores_through_its_state_and_hands_C_its_table()
    {
        ConfigfsSubsystem<Root> subsystem = ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root { Value = 4 }).Value;
        (nint block, Native.HostConfigfsItem item) = Native.ConfigfsItems.Single();
        Assert.Equal(("sample", 1u, true), (item.Name, item.Kind, item.Root));
        Assert.Equal(new byte[] { 1, 1, 3, (byte)'v', 0 }, item.Table);
        byte[] page = new byte[4096];
        fixed (byte* p = page) Assert.Equal(1, ConfigfsDispatch.Show<Root>((void*)block, 0, p, 4096));
        Assert.Equal((byte)'4', page[0]);
        fixed (byte* text = "7\n\0"u8) Assert.Equal(0, ConfigfsDispatch.Store<Root>((void*)block, 0, text, 2));
        Assert.Equal(7, subsystem.State.Value);
        fixed (byte* text = "x\0"u8) Assert.Equal(-22, ConfigfsDispatch.Store<Root>((void*)block, 0, text, 1));
        Assert.Equal(7, subsystem.State.Value);

        subsystem.Dispose();
        Assert.True(item.Unregistered);
        Assert.Equal(0, Root.Disposed);
        ConfigfsDispatch.Release<Root>((void*)block);
        Native.ConfigfsFree((void*)block);
        Assert.Equal(1, Root.Disposed);
        subsystem.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_failed_registration_disposes_the_state_and_says_why()
    {
        Assert.Equal(Errno.EINVAL, ConfigfsSubsystem<Root>.TryRegister(default, new Root()).Error);
        Native.FailConfigfs = -12;
        Assert.Equal(Errno.ENOMEM, ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root()).Error);
        ConfigfsSubsystem<Root> first = ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root()).Value;
        Assert.Equal(Errno.EEXIST, ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root()).Error);
        Assert.Equal(3, Root.Disposed);
        first.Dispose();
        nint block = Native.ConfigfsItems.Keys.Single();
        Native.ConfigfsFree((void*)block);
    }

    [Fact]
    public void A_mkdir_makes_the_child_s_block_or_fails_with_the_child_disposed()
    {
        ConfigfsSubsystem<Root> subsystem = ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root()).Value;
        nint root = Native.ConfigfsItems.Keys.Single();
        void* group;
        fixed (byte* name = "child\0"u8) Assert.Equal(0, ConfigfsDispatch.MakeGroup<Root, Leaf>((void*)root, name, &group));
        Native.HostConfigfsItem child = Native.ConfigfsItems[(nint)group];
        Assert.Equal(("child", 2u, false), (child.Name, child.Kind, child.Root));
        Assert.Equal(5, ((Leaf*)group)->Length);

        Native.FailConfigfs = -12;
        void* none = null;
        fixed (byte* name = "other\0"u8) Assert.Equal(-12, ConfigfsDispatch.MakeGroup<Root, Leaf>((void*)root, name, &none));
        Assert.True(none == null);
        Assert.Equal(1, Leaf.Disposed);
        Root.RefuseMkdir = Errno.ENOSPC;
        fixed (byte* name = "third\0"u8) Assert.Equal(-28, ConfigfsDispatch.MakeGroup<Root, Leaf>((void*)root, name, &none));
        Assert.Equal(2, Native.ConfigfsItems.Count);

        ConfigfsDispatch.Release<Leaf>(group);
        Native.ConfigfsFree(group);
        subsystem.Dispose();
        ConfigfsDispatch.Release<Root>((void*)root);
        Native.ConfigfsFree((void*)root);
        Assert.Equal((1, 2), (Root.Disposed, Leaf.Disposed));
        AssertNoLeaks();
    }

    [Fact]
    public void A_show_that_claims_more_than_its_page_is_a_kernel_BUG()
    {
        ConfigfsSubsystem<Root> subsystem = ConfigfsSubsystem<Root>.TryRegister(Name("sample"), new Root { Value = 9 }).Value;
        nint block = Native.ConfigfsItems.Keys.Single();
        byte[] page = new byte[4096];
        var panic = Assert.Throws<KernelPanicException>(() => { fixed (byte* p = page) ConfigfsDispatch.Show<Root>((void*)block, 0, p, 4096); });
        Assert.Contains("more bytes than its page holds", panic.Message);
        subsystem.Dispose();
        Native.ConfigfsFree((void*)block);
    }

    private struct Unmarked : IConfigfsItem<Unmarked>
    {
        public Result<int> Show(int attribute, Span<byte> page) => 0;
        public void Dispose() { }
    }

    [Fact]
    public void A_type_without_its_kind_panics_naming_the_attribute()
    {
        var panic = Assert.Throws<KernelPanicException>(() => ConfigfsSubsystem<Unmarked>.TryRegister(Name("x"), new Unmarked()));
        Assert.Contains("[ConfigfsItem]", panic.Message);
    }
}
