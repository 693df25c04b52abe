using System.Threading;

namespace Kernel;

/// <summary>A bool with atomic load, store and exchange (sequentially consistent, as Rust's SeqCst).</summary>
public partial struct AtomicBool
{
    private int _value;

    public AtomicBool(bool value) => _value = value ? 1 : 0;

    public bool Load() => Interlocked.CompareExchange(ref _value, 0, 0) != 0;
    public void Store(bool value) => Interlocked.Exchange(ref _value, value ? 1 : 0);
    public bool Swap(bool value) => Interlocked.Exchange(ref _value, value ? 1 : 0) != 0;

    /// <summary>Sets <paramref name="value"/> if the current value is <paramref name="expected"/>; returns the previous value.</summary>
    public bool CompareExchange(bool expected, bool value)
        => Interlocked.CompareExchange(ref _value, value ? 1 : 0, expected ? 1 : 0) != 0;
}

/// <summary>An atomic 32-bit integer.</summary>
public struct AtomicI32
{
    private int _value;

    public AtomicI32(int value) => _value = value;

    public int Load() => Interlocked.CompareExchange(ref _value, 0, 0);
    public void Store(int value) => Interlocked.Exchange(ref _value, value);
    public int Swap(int value) => Interlocked.Exchange(ref _value, value);
    public int CompareExchange(int expected, int value) => Interlocked.CompareExchange(ref _value, value, expected);
    /// <summary>Adds and returns the previous value.</summary>
    public int FetchAdd(int delta) => unchecked(Interlocked.Add(ref _value, delta) - delta);
}

/// <summary>An atomic 64-bit integer.</summary>
public struct AtomicI64
{
    private long _value;

    public AtomicI64(long value) => _value = value;

    public long Load() => Interlocked.CompareExchange(ref _value, 0, 0);
    public void Store(long value) => Interlocked.Exchange(ref _value, value);
    public long Swap(long value) => Interlocked.Exchange(ref _value, value);
    public long CompareExchange(long expected, long value) => Interlocked.CompareExchange(ref _value, value, expected);
    /// <summary>Adds and returns the previous value.</summary>
    public long FetchAdd(long delta) => unchecked(Interlocked.Add(ref _value, delta) - delta);
}
