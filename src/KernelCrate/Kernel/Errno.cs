using System;

namespace Kernel;

/// <summary>A kernel error code (rust/kernel/error.rs's Error): always one of the kernel's errno values.</summary>
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
    public static Errno EINVAL => new(22);
    public static Errno ENOSPC => new(28);
    public static Errno ERANGE => new(34);
    public static Errno ENOSYS => new(38);
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
    public ReadOnlySpan<byte> Name => Value switch
    {
        1 => "EPERM"u8, 2 => "ENOENT"u8, 4 => "EINTR"u8, 5 => "EIO"u8, 6 => "ENXIO"u8, 7 => "E2BIG"u8,
        9 => "EBADF"u8, 11 => "EAGAIN"u8, 12 => "ENOMEM"u8, 13 => "EACCES"u8, 14 => "EFAULT"u8, 16 => "EBUSY"u8,
        17 => "EEXIST"u8, 19 => "ENODEV"u8, 22 => "EINVAL"u8, 28 => "ENOSPC"u8, 34 => "ERANGE"u8,
        38 => "ENOSYS"u8, 95 => "EOPNOTSUPP"u8, 110 => "ETIMEDOUT"u8, _ => default,
    };
}
