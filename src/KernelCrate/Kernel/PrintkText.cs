using System;
using System.Runtime.CompilerServices;

namespace Kernel;

/// <summary>
/// The interpolated-string handler behind <see cref="Printk"/>: formats into a fixed stack buffer, never the heap.
/// Text that does not fit is cut and ends with the visible marker "[...]". Every hole takes an alignment
/// (<c>{v,8}</c> right, <c>{v,-8}</c> left) and a format specifier (<see cref="PrintkFormat"/>; KC1007 checks it
/// at compile time, and a specifier that slipped through prints as "{bad format 'N0'}" after the value).
/// </summary>
[InterpolatedStringHandler]
public unsafe ref struct PrintkText
{
    public const int Capacity = 256;
    private static ReadOnlySpan<byte> TruncationMarker => "[...]"u8;

    private fixed byte _buffer[Capacity];
    private int _length;
    private bool _truncated;

    public PrintkText(int literalLength, int formattedCount)
    {
        _length = 0;
        _truncated = false;
    }

    /// <summary>The formatted UTF-8 text, with the truncation marker if anything was cut.</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    public ReadOnlySpan<byte> Text
    {
        get
        {
            fixed (byte* p = _buffer) return new ReadOnlySpan<byte>(p, _length);
        }
    }

    public bool IsTruncated => _truncated;

    public void AppendLiteral(string value)
    {
        for (int i = 0; i < value.Length; i++) AppendChar(value[i], value, ref i);
    }

    public void AppendFormatted(string value, int alignment = 0, string format = null)
    {
        int start = Begin(format, PrintkValueKind.Text, out PrintkFormat f);
        if (f.Debug) AppendQuoted(value);
        else if (value is not null) AppendLiteral(value);
        End(start, alignment, format, f);
    }

    /// <summary>UTF-8 text, as is (<c>"..."u8</c>, a KVec&lt;byte&gt; of text); <c>?</c> quotes it.</summary>
    public void AppendFormatted(ReadOnlySpan<byte> utf8, int alignment = 0, string format = null)
    {
        int start = Begin(format, PrintkValueKind.Text, out PrintkFormat f);
        if (f.Debug) AppendByte((byte)'"');
        for (int i = 0; i < utf8.Length; i++)
        {
            if (f.Debug) AppendEscaped(utf8[i]);
            else AppendByte(utf8[i]);
        }
        if (f.Debug) AppendByte((byte)'"');
        End(start, alignment, format, f);
    }

    public void AppendFormatted(CStr value, int alignment = 0, string format = null) => AppendFormatted(value.AsBytes(), alignment, format);

    public void AppendFormatted(char value, int alignment = 0, string format = null)
    {
        int start = Begin(format, PrintkValueKind.Text, out PrintkFormat f);
        if (f.Debug) AppendByte((byte)'\'');
        if (f.Debug && (value == '\'' || value == '\\' || value < 0x20)) AppendEscaped(value);
        else { int i = 0; AppendChar(value, null, ref i); }
        if (f.Debug) AppendByte((byte)'\'');
        End(start, alignment, format, f);
    }

    public void AppendFormatted(bool value, int alignment = 0, string format = null)
    {
        int start = Begin(format, PrintkValueKind.Text, out PrintkFormat f);
        AppendBytes(value ? "true"u8 : "false"u8);
        End(start, alignment, format, f);
    }

    public void AppendFormatted(Errno value, int alignment = 0, string format = null)
    {
        int start = Begin(format, PrintkValueKind.Text, out PrintkFormat f);
        string name = value.Name;
        if (name.Length == 0) { AppendBytes("errno "u8); AppendSignedValue(value.Value, 32, default); }
        else AppendLiteral(name);
        End(start, alignment, format, f);
    }

    public void AppendFormatted(sbyte value, int alignment = 0, string format = null) => AppendSigned(value, 8, alignment, format);
    public void AppendFormatted(short value, int alignment = 0, string format = null) => AppendSigned(value, 16, alignment, format);
    public void AppendFormatted(int value, int alignment = 0, string format = null) => AppendSigned(value, 32, alignment, format);
    public void AppendFormatted(long value, int alignment = 0, string format = null) => AppendSigned(value, 64, alignment, format);
    public void AppendFormatted(nint value, int alignment = 0, string format = null) => AppendSigned(value, 64, alignment, format);
    public void AppendFormatted(byte value, int alignment = 0, string format = null) => AppendUnsigned(value, alignment, format);
    public void AppendFormatted(ushort value, int alignment = 0, string format = null) => AppendUnsigned(value, alignment, format);
    public void AppendFormatted(uint value, int alignment = 0, string format = null) => AppendUnsigned(value, alignment, format);
    public void AppendFormatted(ulong value, int alignment = 0, string format = null) => AppendUnsigned(value, alignment, format);
    public void AppendFormatted(nuint value, int alignment = 0, string format = null) => AppendUnsigned(value, alignment, format);

    /// <summary>A list, Rust's <c>{:?}</c> of a slice: <c>[72, 108, 200]</c>; a specifier applies to each element.</summary>
    public void AppendFormatted(ReadOnlySpan<short> items, int alignment = 0, string format = null) => AppendList(items, signed: true, alignment, format);
    public void AppendFormatted(ReadOnlySpan<int> items, int alignment = 0, string format = null) => AppendList(items, signed: true, alignment, format);
    public void AppendFormatted(ReadOnlySpan<long> items, int alignment = 0, string format = null) => AppendList(items, signed: true, alignment, format);
    public void AppendFormatted(ReadOnlySpan<ushort> items, int alignment = 0, string format = null) => AppendList(items, signed: false, alignment, format);
    public void AppendFormatted(ReadOnlySpan<uint> items, int alignment = 0, string format = null) => AppendList(items, signed: false, alignment, format);
    public void AppendFormatted(ReadOnlySpan<ulong> items, int alignment = 0, string format = null) => AppendList(items, signed: false, alignment, format);

    /// <summary>The integer lists above: each element read at its own width (2, 4 or 8 bytes).</summary>
    private void AppendList<T>(ReadOnlySpan<T> items, bool signed, int alignment, string format) where T : unmanaged
    {
        int start = BeginList(format, out PrintkFormat f);
        int bits = sizeof(T) * 8;
        fixed (T* first = items)
            for (int i = 0; i < items.Length; i++)
            {
                Separator(i);
                byte* item = (byte*)(first + i);
                if (signed) AppendSignedValue(bits == 16 ? *(short*)item : bits == 32 ? *(int*)item : *(long*)item, bits, f);
                else AppendInteger(bits == 16 ? *(ushort*)item : bits == 32 ? *(uint*)item : *(ulong*)item, false, 64, f);
            }
        EndList(start, alignment, format, f);
    }

    /// <summary>A value that formats itself (<see cref="IPrintkFormattable"/>); <c>?</c> asks for its Debug form.</summary>
    public void AppendFormatted<T>(T value, int alignment = 0, string format = null) where T : IPrintkFormattable
    {
        int start = Begin(format, PrintkValueKind.Custom, out PrintkFormat f);
        value.Format(ref this, f.Debug);
        End(start, alignment, format, f);
    }

    private void AppendSigned(long value, int bits, int alignment, string format)
    {
        int start = Begin(format, PrintkValueKind.Integer, out PrintkFormat f);
        AppendSignedValue(value, bits, f);
        End(start, alignment, format, f);
    }

    private void AppendUnsigned(ulong value, int alignment, string format)
    {
        int start = Begin(format, PrintkValueKind.Integer, out PrintkFormat f);
        AppendInteger(value, false, 64, f);
        End(start, alignment, format, f);
    }

    /// <summary>Hexadecimal shows a negative value as the two's complement of its own width, as C's %x does.</summary>
    private void AppendSignedValue(long value, int bits, PrintkFormat f)
    {
        if (f.Hex) AppendInteger(bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1), false, bits, f);
        else AppendInteger(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, bits, f);
    }

    private void AppendInteger(ulong magnitude, bool negative, int bits, PrintkFormat f)
    {
        ulong radix = f.Hex ? 16UL : 10UL;
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            ulong digit = magnitude % radix;
            digits[count++] = (byte)(digit < 10 ? '0' + digit : (f.Upper ? 'A' : 'a') + digit - 10);
            magnitude /= radix;
        } while (magnitude != 0);
        if (negative) AppendByte((byte)'-');
        if (f.Prefix) AppendBytes("0x"u8);
        for (int pad = count; pad < f.MinDigits; pad++) AppendByte((byte)'0');
        while (count > 0) AppendByte(digits[--count]);
    }

    private int Begin(string format, PrintkValueKind kind, out PrintkFormat f)
    {
        f = PrintkFormat.Parse(format, kind);
        return _length;
    }

    private int BeginList(string format, out PrintkFormat f)
    {
        int start = Begin(format, PrintkValueKind.List, out f);
        AppendByte((byte)'[');
        return start;
    }

    private void Separator(int index)
    {
        if (index > 0) AppendBytes(", "u8);
    }

    private void EndList(int start, int alignment, string format, PrintkFormat f)
    {
        AppendByte((byte)']');
        End(start, alignment, format, f);
    }

    private void End(int start, int alignment, string format, PrintkFormat f)
    {
        if (!f.Valid)
        {
            AppendBytes("{bad format '"u8);
            AppendLiteral(format);
            AppendBytes("'}"u8);
        }
        if (alignment != 0) Align(start, alignment);
    }

    /// <summary>Pads what was written since <paramref name="start"/> with spaces: on the left for a positive alignment.</summary>
    private void Align(int start, int alignment)
    {
        int width = alignment < 0 ? -alignment : alignment;
        int written = _length - start;
        if (_truncated || written >= width) return;
        int pad = width - written;
        if (alignment < 0)
        {
            for (int i = 0; i < pad; i++) AppendByte((byte)' ');
            return;
        }
        int room = Capacity - TruncationMarker.Length - _length;
        int shift = pad < room ? pad : room;
        for (int i = _length - 1; i >= start; i--) _buffer[i + shift] = _buffer[i];
        for (int i = 0; i < shift; i++) _buffer[start + i] = (byte)' ';
        _length += shift;
        if (shift < pad) AppendByte((byte)' ');
    }

    private void AppendQuoted(string value)
    {
        AppendByte((byte)'"');
        if (value is not null)
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < 0x80) AppendEscaped(value[i]);
                else AppendChar(value[i], value, ref i);
            }
        AppendByte((byte)'"');
    }

    /// <summary>One ASCII character as Rust's Debug form writes it inside quotes.</summary>
    private void AppendEscaped(int c)
    {
        // An if-chain, not a switch: a switch may become a jump table, an indirect branch (KC9008).
        if (c == '"') AppendBytes("\\\""u8);
        else if (c == '\\') AppendBytes("\\\\"u8);
        else if (c == '\n') AppendBytes("\\n"u8);
        else if (c == '\r') AppendBytes("\\r"u8);
        else if (c == '\t') AppendBytes("\\t"u8);
        else if (c == 0) AppendBytes("\\0"u8);
        else if (c < 0x20 || c == 0x7f)
        {
            AppendBytes("\\u{"u8);
            if (c >= 0x10) AppendByte(HexDigit(c >> 4));
            AppendByte(HexDigit(c & 0xf));
            AppendByte((byte)'}');
        }
        else AppendByte((byte)c);
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);

    private void AppendBytes(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++) AppendByte(bytes[i]);
    }

    private void AppendChar(char c, string source, ref int index)
    {
        int codePoint = c;
        if (c >= 0xD800 && c <= 0xDBFF && source is not null && index + 1 < source.Length && source[index + 1] >= 0xDC00 && source[index + 1] <= 0xDFFF)
        {
            codePoint = 0x10000 + ((c - 0xD800) << 10) + (source[index + 1] - 0xDC00);
            index++;
        }
        if (codePoint < 0x80) AppendByte((byte)codePoint);
        else if (codePoint < 0x800) { AppendByte((byte)(0xC0 | (codePoint >> 6))); AppendByte((byte)(0x80 | (codePoint & 0x3F))); }
        else if (codePoint < 0x10000)
        {
            AppendByte((byte)(0xE0 | (codePoint >> 12)));
            AppendByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
            AppendByte((byte)(0x80 | (codePoint & 0x3F)));
        }
        else
        {
            AppendByte((byte)(0xF0 | (codePoint >> 18)));
            AppendByte((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
            AppendByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
            AppendByte((byte)(0x80 | (codePoint & 0x3F)));
        }
    }

    private void AppendByte(byte value)
    {
        if (_truncated) return;
        if (_length < Capacity - TruncationMarker.Length)
        {
            _buffer[_length++] = value;
            return;
        }
        _truncated = true;
        for (int i = 0; i < TruncationMarker.Length; i++) _buffer[_length++] = TruncationMarker[i];
    }
}

/// <summary>
/// A type that prints itself in printk holes (Rust's Display and Debug): <c>Printk.Info($"{point}")</c> calls
/// <see cref="Format"/> with <paramref name="debug"/> false, <c>{point:?}</c> with true. Write with
/// <c>text.AppendLiteral</c> and <c>text.AppendFormatted</c>; nothing is allocated.
/// </summary>
public interface IPrintkFormattable
{
    void Format(ref PrintkText text, bool debug);
}
