using System;
using System.Linq;
using Xunit;

namespace Kernel.HostTests;

/// <summary>debugfs directories and files against the simulated kernel: creation with the right modes, show and
/// store through the dispatch C calls, removal before the state goes, a directory taking its files with it.</summary>
public sealed unsafe class DebugfsTests : HostTest
{
    private struct Counter : IDebugfsFile<Counter>, IDebugfsStore
    {
        public AtomicI64 Value;
        public static int Disposed;
        static uint IDebugfsFile<Counter>.DebugfsKind => 1;
        static bool IDebugfsFile<Counter>.DebugfsWritable => true;

        public Result Show(ref SeqWriter writer)
        {
            writer.Print($"{Value.Load()}\n");
            return Result.Ok;
        }

        public Result Store(ReadOnlySpan<byte> text)
        {
            Result<ulong> parsed = TextParser.ParseU64(text);
            if (!parsed.TryGetValue(out ulong value)) return parsed.Error;
            Value.Store((long)value);
            return Result.Ok;
        }

        public void Dispose() => Disposed++;
    }

    private struct Label : IDebugfsFile<Label>
    {
        static uint IDebugfsFile<Label>.DebugfsKind => 2;
        public Result Show(ref SeqWriter writer)
        {
            writer.Write("\"sample-debugfs\"\n"u8);
            return Result.Ok;
        }
        public void Dispose() { }
    }

    private static CStr Name(string text) => CStr.FromStaticUtf8WithNul(System.Text.Encoding.UTF8.GetBytes(text + "\0"));

    [Fact]
    public void A_counter_file_shows_and_stores_and_refuses_garbage_with_the_kernel_s_errors()
    {
        DebugfsDir dir = DebugfsDir.TryCreate(Name("sample_debugfs")).Value;
        var counter = new Counter();
        counter.Value.Store(0);
        DebugfsFile<Counter> file = DebugfsFile<Counter>.TryCreate(dir, Name("counter"), counter).Value;
        file.State.Value.Store(91);
        Native.HostDebugfsEntry entry = Native.DebugfsEntries.Values.Single(e => e.Name == "counter");
        Assert.Equal((0x1a4u, true, 1u), (entry.Mode, entry.Writable, entry.Kind));
        Assert.Equal(0, DebugfsDispatch.Show<Counter>((void*)entry.State, (void*)1));
        Assert.Equal("91\n", Native.Seqs[1].ToString());
        fixed (byte* text = "5\n\0"u8) Assert.Equal(0, DebugfsDispatch.Store<Counter>((void*)entry.State, text, 2));
        Assert.Equal(5, file.State.Value.Load());
        fixed (byte* text = "five\0"u8) Assert.Equal(-22, DebugfsDispatch.Store<Counter>((void*)entry.State, text, 4));
        fixed (byte* text = "18446744073709551616\0"u8) Assert.Equal(-34, DebugfsDispatch.Store<Counter>((void*)entry.State, text, 20));
        Assert.Equal(5, file.State.Value.Load());
        Counter.Disposed = 0;
        file.Dispose();
        file.Dispose();
        Assert.Equal(1, Counter.Disposed);
        dir.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void A_read_only_type_gets_0444_and_a_write_mode_for_it_is_EINVAL()
    {
        DebugfsDir dir = DebugfsDir.TryCreate(Name("d")).Value;
        DebugfsFile<Label> label = DebugfsFile<Label>.TryCreate(dir, Name("compatible"), new Label()).Value;
        Assert.Equal((0x124u, false), (Native.DebugfsEntries.Values.Single(e => e.Name == "compatible").Mode, Native.DebugfsEntries.Values.Single(e => e.Name == "compatible").Writable));
        Assert.Equal(Errno.EINVAL, DebugfsFile<Label>.TryCreate(dir, Name("other"), new Label(), 0x1a4).Error);
        Assert.Equal(Errno.EEXIST, DebugfsDir.TryCreate(Name("d")).Error);
        label.Dispose();
        dir.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void Removing_a_directory_removes_its_subdirectories_and_files_which_then_only_free_their_state()
    {
        DebugfsDir root = DebugfsDir.TryCreate(Name("root")).Value;
        DebugfsDir sub = root.TrySubdir(Name("dynamic")).Value;
        DebugfsFile<Counter> file = DebugfsFile<Counter>.TryCreate(sub, Name("0"), new Counter()).Value;
        root.Dispose();
        Assert.True(Native.DebugfsEntries.Values.All(e => e.Removed));
        Assert.Equal(Errno.ENOENT, sub.TrySubdir(Name("late")).Error);
        Assert.Equal(Errno.ENOENT, DebugfsFile<Counter>.TryCreate(sub, Name("1"), new Counter()).Error);
        Counter.Disposed = 0;
        file.Dispose();
        Assert.Equal(1, Counter.Disposed);
        sub.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void Words_and_numbers_parse_as_the_kernel_s_kstrto_does()
    {
        ReadOnlySpan<byte> rest = "  3 10\n"u8;
        Assert.Equal(3u, TextParser.ParseU32(TextParser.NextWord(ref rest)).Value);
        Assert.Equal(10u, TextParser.ParseU32(TextParser.NextWord(ref rest)).Value);
        Assert.Equal(0, TextParser.NextWord(ref rest).Length);
        Assert.Equal(Errno.EINVAL, TextParser.ParseU32(""u8).Error);
        Assert.Equal(Errno.EINVAL, TextParser.ParseU32("-1"u8).Error);
        Assert.Equal(Errno.ERANGE, TextParser.ParseU32("4294967296"u8).Error);
        Assert.Equal(4294967295u, TextParser.ParseU32(" 4294967295 "u8).Value);
    }
}
