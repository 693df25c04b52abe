using System;

namespace Kernel;

/// <summary>
/// A kernel error code (rust/kernel/error.rs's Error): always one of the kernel's errno values, never "no error".
/// Its invariant: the stored number is 1-4095, or 0 for <c>default(Errno)</c>, which reads as EINVAL (an Errno
/// nobody chose is an invalid-argument error, not a success). Each code's number and name are listed twice (the
/// property and <see cref="NameTable"/>); ErrnoTests fails when the two disagree.
/// </summary>
public readonly struct Errno : IEquatable<Errno>
{
    private const int MaxErrno = 4095;
    private readonly int _errno;

    private Errno(int errno) => _errno = errno;

    public static Errno EPERM => new(1);
    public static Errno ENOENT => new(2);
    public static Errno EINTR => new(4);
    public static Errno EIO => new(5);
    public static Errno ENXIO => new(6);
    public static Errno E2BIG => new(7);
    public static Errno EBADF => new(9);
    public static Errno EAGAIN => new(11);
    public static Errno ENOMEM => new(12);
    public static Errno EACCES => new(13);
    public static Errno EFAULT => new(14);
    public static Errno EBUSY => new(16);
    public static Errno EEXIST => new(17);
    public static Errno ENODEV => new(19);
    public static Errno ENOTTY => new(25);
    public static Errno ESPIPE => new(29);
    public static Errno EPIPE => new(32);
    public static Errno EINVAL => new(22);
    public static Errno ENOSPC => new(28);
    public static Errno ERANGE => new(34);
    public static Errno ENOSYS => new(38);
    public static Errno EOVERFLOW => new(75);
    public static Errno EMSGSIZE => new(90);
    public static Errno EOPNOTSUPP => new(95);
    public static Errno ETIMEDOUT => new(110);

    /// <summary>The positive errno number (22 for EINVAL).</summary>
    public int Value => _errno == 0 ? 22 : _errno;

    /// <summary>The negative value the kernel expects from a failing function (-22 for EINVAL).</summary>
    public int ToKernel() => -Value;

    /// <summary>Reads a negative kernel return value; anything outside -4095..-1 becomes EINVAL, as from_errno does.</summary>
    public static Errno FromKernel(int value) => value < 0 && value >= -MaxErrno ? new Errno(-value) : EINVAL;

    /// <summary>True for a negative kernel return value in the errno range (IS_ERR_VALUE).</summary>
    public static bool IsError(long value) => value < 0 && value >= -MaxErrno;

    public bool Equals(Errno other) => Value == other.Value;
    public override bool Equals(object obj) => obj is Errno other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(Errno left, Errno right) => left.Value == right.Value;
    public static bool operator !=(Errno left, Errno right) => left.Value != right.Value;

    /// <summary>The symbolic name ("EINVAL"), or an empty span for a number without one here.</summary>
    public ReadOnlySpan<byte> Name
    {
        get
        {
            // Entries of one number byte, the name, NUL; searched in a loop (a switch would compile to a jump
            // table, an indirect jump an IBT kernel faults on).
            ReadOnlySpan<byte> table = NameTable;
            int value = Value;
            int i = 0;
            while (i < table.Length)
            {
                int end = i + 1;
                while (table[end] != 0) end++;
                if (table[i] == value) return table.Slice(i + 1, end - i - 1);
                i = end + 1;
            }
            return default;
        }
    }

    private static ReadOnlySpan<byte> NameTable =>
        "\u0001EPERM\0\u0002ENOENT\0\u0004EINTR\0\u0005EIO\0\u0006ENXIO\0\u0007E2BIG\0\u0009EBADF\0\u000bEAGAIN\0\u000cENOMEM\0\u000dEACCES\0\u000eEFAULT\0\u0010EBUSY\0\u0011EEXIST\0\u0013ENODEV\0\u0016EINVAL\0\u0019ENOTTY\0\u001cENOSPC\0\u001dESPIPE\0\u0020EPIPE\0\u0022ERANGE\0\u0026ENOSYS\0\u004bEOVERFLOW\0\u005aEMSGSIZE\0\u005fEOPNOTSUPP\0\u006eETIMEDOUT\0"u8;
}
