using System;
using System.Runtime.CompilerServices;

namespace Kernel;

/// <summary>
/// The interpolated-string handler behind <see cref="Printk"/>: formats into a fixed stack buffer, never the heap.
/// Text that does not fit is cut and ends with the visible marker "[...]".
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

    public void AppendFormatted(string value)
    {
        if (value is not null) AppendLiteral(value);
    }

    public void AppendFormatted(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < utf8.Length; i++) AppendByte(utf8[i]);
    }

    public void AppendFormatted(CStr value) => AppendFormatted(value.AsBytes());

    public void AppendFormatted(bool value) => AppendFormatted(value ? "true"u8 : "false"u8);

    public void AppendFormatted(Errno value)
    {
        ReadOnlySpan<byte> name = value.Name;
        if (name.IsEmpty) { AppendFormatted("errno "u8); AppendFormatted(value.Value); }
        else AppendFormatted(name);
    }

    public void AppendFormatted(int value) => AppendSigned(value, null);
    public void AppendFormatted(int value, string format) => AppendSigned(value, format, 32);
    public void AppendFormatted(long value) => AppendSigned(value, null);
    public void AppendFormatted(long value, string format) => AppendSigned(value, format, 64);
    public void AppendFormatted(uint value) => AppendUnsigned(value, null);
    public void AppendFormatted(uint value, string format) => AppendUnsigned(value, format);
    public void AppendFormatted(ulong value) => AppendUnsigned(value, null);
    public void AppendFormatted(ulong value, string format) => AppendUnsigned(value, format);
    public void AppendFormatted(byte value) => AppendUnsigned(value, null);
    public void AppendFormatted(byte value, string format) => AppendUnsigned(value, format);
    public void AppendFormatted(nint value) => AppendSigned(value, null);
    public void AppendFormatted(nint value, string format) => AppendSigned(value, format, 64);
    public void AppendFormatted(nuint value) => AppendUnsigned(value, null);
    public void AppendFormatted(nuint value, string format) => AppendUnsigned(value, format);

    private void AppendSigned(long value, string format, int bits = 64)
    {
        if (IsHex(format))
        {
            ulong raw = bits == 32 ? (uint)value : (ulong)value;
            AppendUnsigned(raw, format);
            return;
        }
        if (value < 0)
        {
            AppendByte((byte)'-');
            AppendUnsigned(value == long.MinValue ? 9223372036854775808UL : (ulong)(-value), null);
            return;
        }
        AppendUnsigned((ulong)value, format);
    }

    private void AppendUnsigned(ulong value, string format)
    {
        bool hex = IsHex(format);
        ulong radix = hex ? 16UL : 10UL;
        int minDigits = MinimumDigits(format);
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            ulong digit = value % radix;
            digits[count++] = (byte)(digit < 10 ? '0' + digit : (format[0] == 'X' ? 'A' : 'a') + digit - 10);
            value /= radix;
        } while (value != 0);
        for (int pad = count; pad < minDigits && pad < 20; pad++) AppendByte((byte)'0');
        while (count > 0) AppendByte(digits[--count]);
    }

    private static bool IsHex(string format) => format is not null && format.Length > 0 && (format[0] == 'x' || format[0] == 'X');

    private static int MinimumDigits(string format)
    {
        int digits = 0;
        if (format is null) return 0;
        for (int i = IsHex(format) ? 1 : 0; i < format.Length && format[i] >= '0' && format[i] <= '9'; i++)
            digits = digits * 10 + (format[i] - '0');
        return digits;
    }

    private void AppendChar(char c, string source, ref int index)
    {
        int codePoint = c;
        if (c >= 0xD800 && c <= 0xDBFF && index + 1 < source.Length && source[index + 1] >= 0xDC00 && source[index + 1] <= 0xDFFF)
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
