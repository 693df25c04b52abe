using System;

namespace Kernel;

/// <summary>
/// What a sysctl file reads and writes (rust/kernel/sysctl.rs's SysctlStorage). Implementations return how many
/// bytes they consumed or produced along with the result. KernelCrate's types implement it: the handler picks the
/// storage by its kind without an indirect call, so the set is closed (the internal member keeps it so).
/// </summary>
public interface ISysctlStorage
{
    /// <summary>The storage's number in <see cref="SysctlDispatch"/>'s comparison chain.</summary>
    internal static abstract uint SysctlKind { get; }

    /// <summary>Parses a write. Returns the bytes consumed (all of them, on success).</summary>
    (int Processed, Result Result) Store(ReadOnlySpan<byte> data);

    /// <summary>Formats the value into <paramref name="destination"/>. Returns the bytes written.</summary>
    (int Processed, Result Result) Read(Span<byte> destination);
}

/// <summary>The sysctl text format of <see cref="AtomicBool"/>: "0" or "1" in, "0\n" or "1\n" out.</summary>
public static class SysctlText
{
    /// <summary>Strips ASCII whitespace from both ends (Rust's trim_whitespace).</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> data)
    {
        int start = 0;
        int end = data.Length;
        while (start < end && IsWhitespace(data[start])) start++;
        while (end > start && IsWhitespace(data[end - 1])) end--;
        return data.Slice(start, end - start);
    }

    private static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\t' || b == (byte)'\r' || b == 0x0b || b == 0x0c;

    /// <summary>Copies <paramref name="text"/> whole into <paramref name="destination"/>, or fails with EFAULT.</summary>
    public static (int Processed, Result Result) WriteAll(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        if (text.Length > destination.Length) return (0, Errno.EFAULT);
        text.CopyTo(destination);
        return (text.Length, Result.Ok);
    }
}
