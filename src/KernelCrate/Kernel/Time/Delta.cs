using System;

namespace Kernel;

/// <summary>
/// A span of time in nanoseconds (Rust-for-Linux's <c>kernel::time::Delta</c>), never negative. Every constructor and
/// every operation is checked: a negative or overflowing value is <see cref="Errno.ERANGE"/>, never a wrapped one.
/// </summary>
public readonly struct Delta : IEquatable<Delta>
{
    private const long NanosPerMicro = 1000, NanosPerMilli = 1000_000, NanosPerSecond = 1000_000_000;

    private Delta(long nanos) => Nanoseconds = nanos;

    public long Nanoseconds { get; }
    /// <summary>Whole microseconds, rounded down.</summary>
    public long Microseconds => Nanoseconds / NanosPerMicro;
    /// <summary>Whole milliseconds, rounded down.</summary>
    public long Milliseconds => Nanoseconds / NanosPerMilli;

    public static Delta Zero => default;

    public static Result<Delta> FromNanoseconds(long nanos) => Scaled(nanos, 1);
    public static Result<Delta> FromMicroseconds(long micros) => Scaled(micros, NanosPerMicro);
    public static Result<Delta> FromMilliseconds(long millis) => Scaled(millis, NanosPerMilli);
    public static Result<Delta> FromSeconds(long seconds) => Scaled(seconds, NanosPerSecond);

    public Result<Delta> Add(Delta other)
    {
        long sum = Nanoseconds + other.Nanoseconds;
        return sum < Nanoseconds ? Errno.ERANGE : new Delta(sum);
    }

    /// <summary>ERANGE when <paramref name="other"/> is longer: a Delta is never negative.</summary>
    public Result<Delta> Subtract(Delta other) => other.Nanoseconds > Nanoseconds ? Errno.ERANGE : new Delta(Nanoseconds - other.Nanoseconds);

    public Result<Delta> Multiply(long factor) => factor < 0 ? Errno.ERANGE : Scaled(Nanoseconds, factor);

    public bool Equals(Delta other) => Nanoseconds == other.Nanoseconds;
    public override bool Equals(object obj) => obj is Delta other && Equals(other);
    public override int GetHashCode() => Nanoseconds.GetHashCode();
    public static bool operator ==(Delta left, Delta right) => left.Nanoseconds == right.Nanoseconds;
    public static bool operator !=(Delta left, Delta right) => left.Nanoseconds != right.Nanoseconds;
    public static bool operator <(Delta left, Delta right) => left.Nanoseconds < right.Nanoseconds;
    public static bool operator >(Delta left, Delta right) => left.Nanoseconds > right.Nanoseconds;
    public static bool operator <=(Delta left, Delta right) => left.Nanoseconds <= right.Nanoseconds;
    public static bool operator >=(Delta left, Delta right) => left.Nanoseconds >= right.Nanoseconds;

    /// <summary>From a count of nanoseconds the clocks or jiffies gave (non-negative by construction).</summary>
    internal static Delta FromClock(ulong nanos) => new(nanos > long.MaxValue ? long.MaxValue : (long)nanos);

    private static Result<Delta> Scaled(long value, long unit)
    {
        if (value < 0 || value > long.MaxValue / unit) return Errno.ERANGE;
        return new Delta(value * unit);
    }
}
