using System;

namespace Kernel;

/// <summary>Parsing what user space writes (a debugfs store, a sysfs attribute): words and decimal numbers, with
/// the kernel's errors (kstrtoull's EINVAL for garbage, ERANGE past the type's range).</summary>
public static class TextParser
{
    /// <summary>The next whitespace-separated word of <paramref name="rest"/>, which moves past it; empty at the end.</summary>
    public static ReadOnlySpan<byte> NextWord(ref ReadOnlySpan<byte> rest)
    {
        rest = SysctlText.Trim(rest);
        int end = 0;
        while (end < rest.Length && !IsSpace(rest[end])) end++;
        ReadOnlySpan<byte> word = rest.Slice(0, end);
        rest = rest.Slice(end);
        return word;
    }

    /// <summary>A decimal number, surrounding whitespace allowed: EINVAL for anything else, ERANGE past ulong.</summary>
    public static Result<ulong> ParseU64(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> digits = SysctlText.Trim(text);
        if (digits.Length == 0) return Errno.EINVAL;
        ulong value = 0;
        foreach (byte b in digits)
        {
            if (b < (byte)'0' || b > (byte)'9') return Errno.EINVAL;
            ulong digit = (ulong)(b - '0');
            if (value > (ulong.MaxValue - digit) / 10) return Errno.ERANGE;
            value = value * 10 + digit;
        }
        return value;
    }

    /// <summary>As <see cref="ParseU64"/>, ERANGE past uint.</summary>
    public static Result<uint> ParseU32(ReadOnlySpan<byte> text)
    {
        Result<ulong> parsed = ParseU64(text);
        if (!parsed.TryGetValue(out ulong value)) return parsed.Error;
        return value > uint.MaxValue ? Errno.ERANGE : (uint)value;
    }

    private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\t' || b == (byte)'\r' || b == 0x0b || b == 0x0c;
}
