using System;

namespace Kernel;

/// <summary>Text into the page a sysfs or configfs Show fills (the kernel's sysfs_emit): what does not fit is cut.</summary>
public static class PageText
{
    /// <summary>Copies <paramref name="text"/> to the start of <paramref name="page"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> page, scoped ReadOnlySpan<byte> text)
    {
        int length = text.Length < page.Length ? text.Length : page.Length;
        text.Slice(0, length).CopyTo(page);
        return length;
    }

    /// <summary>Formatted text, as Printk formats it: <c>return PageText.Print(page, $"{value}\n");</c>.</summary>
    public static int Print(Span<byte> page, ref PrintkText text) => Write(page, text.Text);

    /// <summary>A Show's result as C takes it: the length, or the negative errno; a length past the page is a BUG.</summary>
    internal static long Length(Result<int> shown, nuint size, ReadOnlySpan<byte> overrun)
    {
        if (!shown.TryGetValue(out int length)) return shown.Error.ToKernel();
        if ((uint)length > size) Panic.Fail(overrun);
        return length;
    }
}
