using System;
using System.Runtime.CompilerServices;

namespace Kernel;

/// <summary>
/// printk at every level, like pr_info and friends. Each level method prints one line: prefixed "&lt;module&gt;: "
/// (pr_fmt) and ended with a newline. <see cref="Write(LogLevel, string)"/> starts a line without ending it,
/// <see cref="Cont(string)"/> continues it (KERN_CONT) and <see cref="ContLine(string)"/> continues and ends it,
/// so a line built in pieces is one record, as with pr_cont. Text always reaches printk as a "%s" argument, never as
/// a format string. Interpolated strings are formatted into a bounded stack buffer by <see cref="PrintkText"/>.
/// </summary>
public static unsafe class Printk
{
    public static void Emerg(string text) => Line(LogLevel.Emerg, text);
    public static void Emerg(ref PrintkText text) => Line(LogLevel.Emerg, ref text);
    public static void Alert(string text) => Line(LogLevel.Alert, text);
    public static void Alert(ref PrintkText text) => Line(LogLevel.Alert, ref text);
    public static void Crit(string text) => Line(LogLevel.Crit, text);
    public static void Crit(ref PrintkText text) => Line(LogLevel.Crit, ref text);
    public static void Err(string text) => Line(LogLevel.Err, text);
    public static void Err(ref PrintkText text) => Line(LogLevel.Err, ref text);
    public static void Warning(string text) => Line(LogLevel.Warning, text);
    public static void Warning(ref PrintkText text) => Line(LogLevel.Warning, ref text);
    public static void Notice(string text) => Line(LogLevel.Notice, text);
    public static void Notice(ref PrintkText text) => Line(LogLevel.Notice, ref text);
    public static void Info(string text) => Line(LogLevel.Info, text);
    public static void Info(ref PrintkText text) => Line(LogLevel.Info, ref text);
    public static void Debug(string text) => Line(LogLevel.Debug, text);
    public static void Debug(ref PrintkText text) => Line(LogLevel.Debug, ref text);

    /// <summary>Continues the current line (KERN_CONT): no prefix, no newline.</summary>
    public static void Cont(string text) => Write(LogLevel.Cont, text);
    public static void Cont(ref PrintkText text) => Write(LogLevel.Cont, ref text);

    /// <summary>Continues the current line and ends it.</summary>
    public static void ContLine(string text) => Line(LogLevel.Cont, text);
    public static void ContLine(ref PrintkText text) => Line(LogLevel.Cont, ref text);

    /// <summary>
    /// Rust's <c>dbg!</c>: prints "[file:line] expression = value" in the Debug form at the info level and returns
    /// the value. For temporary debugging, as in Rust.
    /// </summary>
    public static T Dbg<T>(T value, [CallerArgumentExpression(nameof(value))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0) where T : IPrintkFormattable
    {
        PrintkText text = DbgPrefix(expression, file, line);
        value.Format(ref text, debug: true);
        Line(LogLevel.Info, ref text);
        return value;
    }

    public static long Dbg(long value, [CallerArgumentExpression(nameof(value))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
    {
        PrintkText text = DbgPrefix(expression, file, line);
        text.AppendFormatted(value);
        Line(LogLevel.Info, ref text);
        return value;
    }

    public static CStr Dbg(CStr value, [CallerArgumentExpression(nameof(value))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
    {
        PrintkText text = DbgPrefix(expression, file, line);
        text.AppendFormatted(value, format: "?");
        Line(LogLevel.Info, ref text);
        return value;
    }

    private static PrintkText DbgPrefix(string expression, string file, int line)
    {
        var text = new PrintkText(0, 0);
        text.AppendLiteral("[");
        text.AppendLiteral(file);
        text.AppendLiteral(":");
        text.AppendFormatted(line);
        text.AppendLiteral("] ");
        text.AppendLiteral(expression);
        text.AppendLiteral(" = ");
        return text;
    }

    /// <summary>Starts a line at <paramref name="level"/> without ending it; <see cref="Cont(string)"/> goes on with it.</summary>
    public static void Write(LogLevel level, string text) => Print(level, text, endLine: false);
    public static void Write(LogLevel level, ref PrintkText text) => Print(level, text.Text, endLine: false);
    /// <summary>UTF-8 text as is (e.g. a <c>"..."u8</c> literal), without ending the line.</summary>
    public static void Write(LogLevel level, ReadOnlySpan<byte> utf8) => Print(level, utf8, endLine: false);

    /// <summary>One whole line at <paramref name="level"/>.</summary>
    public static void Line(LogLevel level, string text) => Print(level, text, endLine: true);
    public static void Line(LogLevel level, ref PrintkText text) => Print(level, text.Text, endLine: true);
    public static void Line(LogLevel level, ReadOnlySpan<byte> utf8) => Print(level, utf8, endLine: true);

    private static void Print(LogLevel level, string text, bool endLine)
    {
        var buffer = new PrintkText(text.Length, 0);
        buffer.AppendLiteral(text);
        Print(level, buffer.Text, endLine);
    }

    private static void Print(LogLevel level, ReadOnlySpan<byte> utf8, bool endLine)
    {
        fixed (byte* p = utf8) Native.Printk((int)level, p, (nuint)utf8.Length, endLine ? 1 : 0);
    }
}

/// <summary>printk levels, KERN_EMERG (0) to KERN_DEBUG (7), and KERN_CONT.</summary>
public enum LogLevel
{
    Emerg = 0, Alert = 1, Crit = 2, Err = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7, Cont = 8,
}
