using System;

namespace Kernel;

/// <summary>
/// A growable array in kmalloc'd memory (Rust's <c>Vec</c> with <c>try_push</c>): every operation that may
/// allocate reports ENOMEM and leaves the vector as it was. Freed by <see cref="Dispose"/>.
/// </summary>
public unsafe struct KVec<T> : IDisposable where T : unmanaged
{
    private const int MinimumCapacity = 4;
    private T* _items;
    private int _length;
    private int _capacity;
    private readonly Gfp _flags;

    public KVec(Gfp flags)
    {
        _items = null;
        _length = 0;
        _capacity = 0;
        _flags = flags;
    }

    public static Result<KVec<T>> TryWithCapacity(int capacity, Gfp flags = Gfp.Kernel)
    {
        var vector = new KVec<T>(flags);
        Result reserved = vector.TryReserve(capacity);
        if (reserved.IsError) return reserved.Error;
        return vector;
    }

    public int Length => _length;
    public int Capacity => _capacity;
    public bool IsEmpty => _length == 0;

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length) Panic.Fail("KVec index out of bounds"u8);
            return ref _items[index];
        }
    }

    public Span<T> AsSpan() => new(_items, _length);

    /// <summary>The items, e.g. for a printk hole (<c>{numbers}</c> prints <c>[72, 108, 200]</c>).</summary>
    public static implicit operator ReadOnlySpan<T>(KVec<T> vector) => new(vector._items, vector._length);

    /// <summary>Makes room for <paramref name="additional"/> more items; ENOMEM (vector unchanged) on failure.</summary>
    public Result TryReserve(int additional)
    {
        if (additional < 0) return Errno.EINVAL;
        long needed = (long)_length + additional;
        if (needed <= _capacity) return Result.Ok;
        long grown = _capacity == 0 ? MinimumCapacity : (long)_capacity * 2;
        long capacity = grown > needed ? grown : needed;
        long bytes = capacity * sizeof(T);
        if (capacity > int.MaxValue || bytes > int.MaxValue) return Errno.ENOMEM;
        T* items = (T*)Native.Krealloc(_items, (nuint)bytes, _flags == 0 ? Gfp.Kernel : _flags);
        if (items == null) return Errno.ENOMEM;
        _items = items;
        _capacity = (int)capacity;
        return Result.Ok;
    }

    public Result TryPush(T item)
    {
        if (_length == _capacity)
        {
            Result reserved = TryReserve(1);
            if (reserved.IsError) return reserved;
        }
        _items[_length++] = item;
        return Result.Ok;
    }

    /// <summary>Appends a copy of <paramref name="items"/> (Rust's <c>extend_from_slice</c>); ENOMEM (vector unchanged) on failure.</summary>
    public Result TryExtendFrom(ReadOnlySpan<T> items)
    {
        Result reserved = TryReserve(items.Length);
        if (reserved.IsError) return reserved;
        items.CopyTo(new Span<T>(_items + _length, items.Length));
        _length += items.Length;
        return Result.Ok;
    }

    public bool TryPop(out T item)
    {
        if (_length == 0) { item = default; return false; }
        item = _items[--_length];
        return true;
    }

    public void Clear() => _length = 0;

    /// <summary>Keeps the first <paramref name="length"/> items (nothing changes if there are fewer).</summary>
    public void Truncate(int length)
    {
        if (length >= 0 && length < _length) _length = length;
    }

    /// <summary>Sets the length within the capacity; the caller fills any new items before they are read.</summary>
    internal void SetLength(int length)
    {
        if ((uint)length > (uint)_capacity) Panic.Fail("KVec length beyond its capacity"u8);
        _length = length;
    }

    public void Dispose()
    {
        if (_items != null) Native.Kfree(_items);
        _items = null;
        _length = 0;
        _capacity = 0;
    }
}
