using System;
using Xunit;

namespace Kernel.HostTests;

public sealed class PrintkTests : HostTest
{
    [Fact]
    public void Every_level_reaches_printk_with_its_number()
    {
        Printk.Emerg("a"); Printk.Alert("b"); Printk.Crit("c"); Printk.Err("d"); Printk.Warning("e");
        Printk.Notice("f"); Printk.Info("g"); Printk.Debug("h"); Printk.Cont("i");
        Assert.Equal(
            [(LogLevel.Emerg, "a"), (LogLevel.Alert, "b"), (LogLevel.Crit, "c"), (LogLevel.Err, "d"), (LogLevel.Warning, "e"),
             (LogLevel.Notice, "f"), (LogLevel.Info, "g"), (LogLevel.Debug, "h"), (LogLevel.Cont, "i")],
            Native.Lines);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], Native.Lines.ConvertAll(l => (int)l.Level));
    }

    [Fact]
    public void Formats_integers_hex_bools_errnos_and_byte_strings()
    {
        CStr name = CStr.FromStaticUtf8WithNul("oximod\0"u8);
        int negative = -42;
        uint mask = 0xBEEFu;
        long min = long.MinValue;
        ulong max = ulong.MaxValue;
        byte small = 7;
        Printk.Info($"I am {name}: {negative} {mask:x} {mask:X8} {min} {max} {true} {false} {Errno.ENOMEM} {"raw"u8} {small:x2} {-1:x}");
        Assert.Equal("I am oximod: -42 beef 0000BEEF -9223372036854775808 18446744073709551615 true false ENOMEM raw 07 ffffffff",
            Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Encodes_non_ASCII_literals_as_UTF8()
    {
        Printk.Info($"Grüße {1} 🦀");
        Assert.Equal("Grüße 1 🦀", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Truncates_long_text_with_a_visible_marker()
    {
        string longText = new string('x', 400);
        Printk.Info($"{longText}{1}");
        string line = Assert.Single(Native.Lines).Text;
        Assert.True(line.Length <= PrintkText.Capacity);
        Assert.EndsWith("[...]", line);
        Assert.StartsWith("xxxx", line);
    }

    [Fact]
    public void Text_that_fits_exactly_is_not_marked()
    {
        var text = new PrintkText(0, 0);
        text.AppendLiteral(new string('y', PrintkText.Capacity - 5));
        Assert.False(text.IsTruncated);
        Assert.Equal(PrintkText.Capacity - 5, text.Text.Length);
    }

    [Fact]
    public void Format_specifiers_in_text_are_passed_as_text()
    {
        // kc_printk hands the text to printk as a "%.*s" argument: the bytes must arrive exactly as written.
        int value = 5;
        Printk.Err($"%s%n%p {value}");
        Assert.Equal("%s%n%p 5", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void A_line_built_in_pieces_is_one_record_at_its_first_level()
    {
        Printk.Write(LogLevel.Info, "A line that");
        Printk.Cont(" is continued");
        Printk.ContLine(" without args");
        Printk.Write(LogLevel.Info, $"A {"line"} that");
        Printk.Cont($" is {"continued"}");
        Printk.ContLine($" with {"args"}");
        Printk.Cont("a new record");
        Assert.Equal([(LogLevel.Info, "A line that is continued without args"), (LogLevel.Info, "A line that is continued with args"),
            (LogLevel.Cont, "a new record")], Native.Lines);
    }

    [Fact]
    public void Hex_with_prefix_digit_counts_and_upper_case()
    {
        int value = 42;
        long negative = -1;
        short small = -2;
        Printk.Info($"{value:#x} {value:#X} {value:x} {value:X4} {value:D5} {value:d} {negative:x} {small:x} {small:#x8} {value:?}");
        Assert.Equal("0x2a 0x2A 2a 002A 00042 42 ffffffffffffffff fffe 0x0000fffe 42", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Alignment_pads_left_or_right_with_spaces()
    {
        int value = 42;
        Printk.Info($"[{value,6}] [{value,-6}] [{"ab",4}] [{value,6:#x}] [{value,1}]");
        Assert.Equal("[    42] [42    ] [  ab] [  0x2a] [42]", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Chars_print_as_text_and_debug_forms_quote()
    {
        char letter = 'é';
        Printk.Info($"{letter} {'x':?} {"hello, world":?} {"a\"b\n":?} {CStr.FromStaticUtf8WithNul("c\0"u8):?}");
        Assert.Equal("é 'x' \"hello, world\" \"a\\\"b\\n\" \"c\"", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Lists_print_as_rust_debug_does_and_specifiers_apply_to_each_element()
    {
        using KVec<int> numbers = new(Gfp.Kernel);
        Assert.True(numbers.TryPush(72).IsOk && numbers.TryPush(108).IsOk && numbers.TryPush(200).IsOk);
        ReadOnlySpan<ulong> empty = [];
        Span<long> longs = [1, -2];
        Printk.Info($"My numbers are {numbers:?} {numbers:#x} {empty} {longs}");
        Assert.Equal("My numbers are [72, 108, 200] [0x48, 0x6c, 0xc8] [] [1, -2]", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Lists_of_every_width_keep_sign_and_size()
    {
        ReadOnlySpan<short> shorts = [-32768, 32767];
        ReadOnlySpan<ushort> ushorts = [65535, 0];
        ReadOnlySpan<uint> uints = [4294967295];
        ReadOnlySpan<ulong> ulongs = [18446744073709551615];
        ReadOnlySpan<int> ints = [int.MinValue];
        Printk.Info($"{shorts} {ushorts:x} {uints} {ulongs:#X} {ints}");
        Assert.Equal("[-32768, 32767] [ffff, 0] [4294967295] [0xFFFFFFFFFFFFFFFF] [-2147483648]", Assert.Single(Native.Lines).Text);
    }

    [Fact]
    public void Control_characters_escape_as_rust_writes_them()
    {
        Printk.Info($"{"\u0001\u001b\u007f\t\0":?}");
        Assert.Equal("\"\\u{1}\\u{1b}\\u{7f}\\t\\0\"", Assert.Single(Native.Lines).Text);
    }

    private readonly struct Point(int x, int y) : IPrintkFormattable
    {
        public void Format(ref PrintkText text, bool debug)
        {
            if (debug) { text.AppendLiteral("Point { x: "); text.AppendFormatted(x); text.AppendLiteral(", y: "); text.AppendFormatted(y); text.AppendLiteral(" }"); }
            else { text.AppendLiteral("("); text.AppendFormatted(x); text.AppendLiteral(", "); text.AppendFormatted(y); text.AppendLiteral(")"); }
        }
    }

    [Fact]
    public void User_types_print_themselves_in_both_forms_and_dbg_names_the_expression()
    {
        var point = new Point(1, -2);
        Printk.Info($"{point} {point:?} [{point,8}]");
        Point same = Printk.Dbg(point);
        long answer = Printk.Dbg(6L * 7);
        Assert.Equal(42, answer);
        Assert.Equal(point, same);
        Assert.Equal("(1, -2) Point { x: 1, y: -2 } [ (1, -2)]", Native.Lines[0].Text);
        Assert.Matches(@"^\[.*PrintkTests\.cs:\d+\] point = Point \{ x: 1, y: -2 \}$", Native.Lines[1].Text);
        Assert.Matches(@"^\[.*PrintkTests\.cs:\d+\] 6L \* 7 = 42$", Native.Lines[2].Text);
    }

    [Fact]
    public void A_bad_specifier_that_escaped_KC1007_is_printed_not_ignored()
    {
        int value = 5;
        Printk.Info($"{value:N0} {"s":x}");
        Assert.Equal("5{bad format 'N0'} s{bad format 'x'}", Assert.Single(Native.Lines).Text);
    }

    [Theory]
    [InlineData("", 0, true)]
    [InlineData("x", 0, true)]
    [InlineData("#X8", 0, true)]
    [InlineData("D5", 0, true)]
    [InlineData("?", 1, true)]
    [InlineData("#x?", 2, true)]
    [InlineData("N0", 0, false)]
    [InlineData("#d", 0, false)]
    [InlineData("8", 0, false)]
    [InlineData("x", 1, false)]
    [InlineData("x99", 0, false)]
    [InlineData("x?", 3, false)]
    [InlineData("??", 0, false)]
    public void The_specifier_grammar(string format, int kind, bool valid)
        => Assert.Equal(valid, PrintkFormat.Parse(format, (PrintkValueKind)kind).Valid);
}
