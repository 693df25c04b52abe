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
}
