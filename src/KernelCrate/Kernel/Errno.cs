using System;

namespace Kernel;

/// <summary>
/// A kernel error code (rust/kernel/error.rs's Error): always one of the kernel's errno values, never "no error".
/// Its invariant: the stored number is 1-4095, or 0 for <c>default(Errno)</c>, which reads as EINVAL (an Errno
/// nobody chose is an invalid-argument error, not a success). Each code is declared once, as a property: its number
/// there, its name the property's own (<see cref="Name"/> uses nameof).
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
    /// <summary>A signal interrupted a wait: the kernel restarts the system call or fails it with EINTR (never seen by the process).</summary>
    public static Errno ERESTARTSYS => new(512);

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

    /// <summary>The symbolic name ("EINVAL"), or "" for a number without one here.</summary>
    public string Name
    {
        get
        {
            // One comparison per code, each named by its property: the number is written only there. Not a switch,
            // which may compile to a jump table (an indirect jump an IBT kernel faults on).
            int value = Value;
            if (value == EPERM.Value) return nameof(EPERM);
            if (value == ENOENT.Value) return nameof(ENOENT);
            if (value == EINTR.Value) return nameof(EINTR);
            if (value == EIO.Value) return nameof(EIO);
            if (value == ENXIO.Value) return nameof(ENXIO);
            if (value == E2BIG.Value) return nameof(E2BIG);
            if (value == EBADF.Value) return nameof(EBADF);
            if (value == EAGAIN.Value) return nameof(EAGAIN);
            if (value == ENOMEM.Value) return nameof(ENOMEM);
            if (value == EACCES.Value) return nameof(EACCES);
            if (value == EFAULT.Value) return nameof(EFAULT);
            if (value == EBUSY.Value) return nameof(EBUSY);
            if (value == EEXIST.Value) return nameof(EEXIST);
            if (value == ENODEV.Value) return nameof(ENODEV);
            if (value == ENOTTY.Value) return nameof(ENOTTY);
            if (value == ESPIPE.Value) return nameof(ESPIPE);
            if (value == EPIPE.Value) return nameof(EPIPE);
            if (value == EINVAL.Value) return nameof(EINVAL);
            if (value == ENOSPC.Value) return nameof(ENOSPC);
            if (value == ERANGE.Value) return nameof(ERANGE);
            if (value == ENOSYS.Value) return nameof(ENOSYS);
            if (value == EOVERFLOW.Value) return nameof(EOVERFLOW);
            if (value == EMSGSIZE.Value) return nameof(EMSGSIZE);
            if (value == EOPNOTSUPP.Value) return nameof(EOPNOTSUPP);
            if (value == ETIMEDOUT.Value) return nameof(ETIMEDOUT);
            if (value == ERESTARTSYS.Value) return nameof(ERESTARTSYS);
            return "";
        }
    }
}
