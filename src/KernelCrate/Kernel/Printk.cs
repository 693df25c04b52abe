using System;

namespace Kernel;

/// <summary>
/// printk at every level. Each line is prefixed "&lt;module&gt;: " (pr_fmt) and ended with a newline; text always
/// reaches printk as a "%s" argument, so no text is ever read as a format string. Interpolated strings are
/// formatted into a bounded stack buffer by <see cref="PrintkText"/>, with no heap allocation.
/// </summary>
public static unsafe class Printk
{
    public static void Emerg(string text) => Write(LogLevel.Emerg, text);
    public static void Emerg(ref PrintkText text) => Write(LogLevel.Emerg, ref text);
    public static void Alert(string text) => Write(LogLevel.Alert, text);
    public static void Alert(ref PrintkText text) => Write(LogLevel.Alert, ref text);
    public static void Crit(string text) => Write(LogLevel.Crit, text);
    public static void Crit(ref PrintkText text) => Write(LogLevel.Crit, ref text);
    public static void Err(string text) => Write(LogLevel.Err, text);
    public static void Err(ref PrintkText text) => Write(LogLevel.Err, ref text);
    public static void Warning(string text) => Write(LogLevel.Warning, text);
    public static void Warning(ref PrintkText text) => Write(LogLevel.Warning, ref text);
    public static void Notice(string text) => Write(LogLevel.Notice, text);
    public static void Notice(ref PrintkText text) => Write(LogLevel.Notice, ref text);
    public static void Info(string text) => Write(LogLevel.Info, text);
    public static void Info(ref PrintkText text) => Write(LogLevel.Info, ref text);
    public static void Debug(string text) => Write(LogLevel.Debug, text);
    public static void Debug(ref PrintkText text) => Write(LogLevel.Debug, ref text);

    /// <summary>Continues the previous line (KERN_CONT): no prefix and no newline added.</summary>
    public static void Cont(string text) => Write(LogLevel.Cont, text);
    public static void Cont(ref PrintkText text) => Write(LogLevel.Cont, ref text);

    /// <summary>Writes UTF-8 text as is (e.g. a <c>"..."u8</c> literal).</summary>
    public static void Write(LogLevel level, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* p = utf8) Native.Printk((int)level, p, (nuint)utf8.Length);
    }

    public static void Write(LogLevel level, string text)
    {
        var buffer = new PrintkText(text.Length, 0);
        buffer.AppendLiteral(text);
        Write(level, ref buffer);
    }

    public static void Write(LogLevel level, ref PrintkText text) => Write(level, text.Text);
}

/// <summary>printk levels, KERN_EMERG (0) to KERN_DEBUG (7), and KERN_CONT.</summary>
public enum LogLevel
{
    Emerg = 0, Alert = 1, Crit = 2, Err = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7, Cont = 8,
}
