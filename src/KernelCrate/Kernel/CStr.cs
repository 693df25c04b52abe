using System;
using System.ComponentModel;

namespace Kernel;

/// <summary>
/// A borrowed NUL-terminated byte string with no interior NUL (rust/kernel/str.rs's CStr). Literals come from
/// <see cref="Literal"/>, which the generator turns into static data at compile time.
/// </summary>
public readonly unsafe struct CStr : IEquatable<CStr>
{
    private readonly byte* _pointer;
    private readonly int _length;

    private CStr(byte* pointer, int length) { _pointer = pointer; _length = length; }

    /// <summary>
    /// A compile-time C string, like Rust's <c>c_str!</c>. The argument must be a constant without NUL; the call is
    /// replaced by a reference to static NUL-terminated data. This body only runs if the generator did not run.
    /// </summary>
    public static CStr Literal(string value)
    {
        Panic.Fail("CStr.Literal was not replaced at compile time: is the KernelCrate generator referenced?"u8);
        return default;
    }

    /// <summary>Used by generated code: wraps static UTF-8 data whose last byte is the only NUL.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static CStr FromStaticUtf8WithNul(ReadOnlySpan<byte> bytesWithNul)
    {
        fixed (byte* p = bytesWithNul) return new CStr(p, bytesWithNul.Length - 1);
    }

    /// <summary>
    /// Checks <paramref name="bytesWithNul"/> is NUL-terminated with no interior NUL (EINVAL otherwise). The bytes
    /// must outlive the CStr (static data, or memory the caller keeps alive).
    /// </summary>
    public static Result<CStr> FromBytesWithNul(ReadOnlySpan<byte> bytesWithNul)
    {
        if (bytesWithNul.Length == 0 || bytesWithNul[bytesWithNul.Length - 1] != 0) return Errno.EINVAL;
        for (int i = 0; i < bytesWithNul.Length - 1; i++)
            if (bytesWithNul[i] == 0) return Errno.EINVAL;
        fixed (byte* p = bytesWithNul) return new CStr(p, bytesWithNul.Length - 1);
    }

    /// <summary>Wraps a C string from the kernel; the caller vouches that it is NUL-terminated and stays alive.</summary>
    public static CStr FromPointer(byte* pointer)
    {
        int length = 0;
        while (pointer[length] != 0) length++;
        return new CStr(pointer, length);
    }

    /// <summary>Length in bytes, without the NUL.</summary>
    public int Length => _length;
    public bool IsEmpty => _length == 0;
    public byte* Pointer => _pointer;
    public ReadOnlySpan<byte> AsBytes() => new(_pointer, _length);
    public ReadOnlySpan<byte> AsBytesWithNul() => new(_pointer, _length + 1);

    public bool Equals(CStr other) => AsBytes().SequenceEqual(other.AsBytes());

    public override bool Equals(object obj) => obj is CStr other && Equals(other);
    public override int GetHashCode() => _length;
}
