using System;

namespace Kernel;

/// <summary>
/// A range of a process's memory (Rust-for-Linux's <c>UserSlice</c>): an address and a length from user space,
/// never dereferenced, only copied through copy_from_user and copy_to_user, which check it and may fault in pages
/// (and so sleep). Read it with <see cref="Reader"/>, fill it with <see cref="Writer"/>.
/// </summary>
public readonly struct UserSlice
{
    public UserSlice(nuint address, nuint length)
    {
        Address = address;
        Length = length;
    }

    public nuint Address { get; }
    public nuint Length { get; }

    public UserSliceReader Reader() => new(Address, Length);
    public UserSliceWriter Writer() => new(Address, Length);
}

/// <summary>
/// Reads a <see cref="UserSlice"/> front to back. Each read takes the bytes it copied off the front. A bad address
/// is EFAULT; a read longer than what is left is EFAULT without touching user memory.
/// </summary>
public unsafe struct UserSliceReader
{
    private UserCursor _cursor;

    internal UserSliceReader(ulong address, nuint length) => _cursor = new UserCursor(address, length);

    /// <summary>Bytes left to read.</summary>
    public nuint Length => _cursor.Length;
    public bool IsEmpty => _cursor.Length == 0;

    /// <summary>Fills <paramref name="destination"/> entirely, or fails with EFAULT (what was not copied is zeroed).</summary>
    [MaySleep]
    public Result ReadSlice(Span<byte> destination)
    {
        int copied = CopyFrom(destination);
        if (copied == destination.Length) return Result.Ok;
        destination.Slice(copied).Clear();
        return Errno.EFAULT;
    }

    /// <summary>One <typeparamref name="T"/> (the bytes as they are in user memory), or EFAULT.</summary>
    [MaySleep]
    public Result<T> Read<T>() where T : unmanaged
    {
        T value = default;
        Result read = ReadSlice(new Span<byte>(&value, sizeof(T)));
        if (read.IsError) return read.Error;
        return value;
    }

    /// <summary>
    /// Copies up to <paramref name="destination"/>'s length and returns how many bytes arrived: fewer than asked when
    /// the slice is shorter or its memory stops being readable part-way (copy_from_user's partial copy, exactly).
    /// </summary>
    [MaySleep]
    public int CopyFrom(Span<byte> destination)
    {
        nuint wanted = _cursor.Wanted(destination.Length);
        if (wanted == 0) return 0;
        nuint left;
        fixed (byte* p = destination) left = Native.CopyFromUser(p, _cursor.Address, wanted);
        return _cursor.Advance(wanted - left);
    }

    /// <summary>Appends everything left to <paramref name="vector"/> (Rust's <c>read_all</c>): ENOMEM or EFAULT on failure.</summary>
    [MaySleep]
    public Result ReadAll(ref KVec<byte> vector)
    {
        if (_cursor.Length > int.MaxValue) return Errno.ENOMEM;
        int count = (int)_cursor.Length;
        Result reserved = vector.TryReserve(count);
        if (reserved.IsError) return reserved;
        int start = vector.Length;
        vector.SetLength(start + count);
        Result read = ReadSlice(vector.AsSpan().Slice(start, count));
        if (read.IsError) vector.Truncate(start);
        return read;
    }

    /// <summary>Skips <paramref name="count"/> bytes; EFAULT if fewer are left.</summary>
    public Result Skip(nuint count)
    {
        if (count > _cursor.Length) return Errno.EFAULT;
        _cursor.Advance(count);
        return Result.Ok;
    }
}

/// <summary>Fills a <see cref="UserSlice"/> front to back; a bad address is EFAULT.</summary>
public unsafe struct UserSliceWriter
{
    private UserCursor _cursor;

    internal UserSliceWriter(ulong address, nuint length) => _cursor = new UserCursor(address, length);

    /// <summary>Room left.</summary>
    public nuint Length => _cursor.Length;
    public bool IsEmpty => _cursor.Length == 0;

    /// <summary>Writes all of <paramref name="source"/>, or fails with EFAULT (also when it does not fit).</summary>
    [MaySleep]
    public Result WriteSlice(ReadOnlySpan<byte> source)
    {
        if ((nuint)source.Length > _cursor.Length) return Errno.EFAULT;
        return CopyTo(source) == source.Length ? Result.Ok : Errno.EFAULT;
    }

    /// <summary>Writes one <typeparamref name="T"/> as its bytes, or EFAULT.</summary>
    [MaySleep]
    public Result Write<T>(in T value) where T : unmanaged
    {
        fixed (T* p = &value) return WriteSlice(new ReadOnlySpan<byte>(p, sizeof(T)));
    }

    /// <summary>Copies as much of <paramref name="source"/> as fits and is writable; returns how many bytes went.</summary>
    [MaySleep]
    public int CopyTo(ReadOnlySpan<byte> source)
    {
        nuint wanted = _cursor.Wanted(source.Length);
        if (wanted == 0) return 0;
        nuint left;
        fixed (byte* p = source) left = Native.CopyToUser(_cursor.Address, p, wanted);
        return _cursor.Advance(wanted - left);
    }

    /// <summary>
    /// simple_read_from_buffer: copies <paramref name="buffer"/> from <paramref name="position"/> on, advances the
    /// position, returns the count (0 at or past the end). EFAULT only if nothing could be copied.
    /// </summary>
    [MaySleep]
    public Result<nint> ReadFromBuffer(ref long position, ReadOnlySpan<byte> buffer)
    {
        if (position < 0) return Errno.EINVAL;
        if (position >= buffer.Length || _cursor.Length == 0) return (nint)0;
        int copied = CopyTo(buffer.Slice((int)position));
        if (copied == 0) return Errno.EFAULT;
        position += copied;
        return (nint)copied;
    }
}

/// <summary>Where a reader or writer is in its slice: what is left, and how far a copy may go.</summary>
internal struct UserCursor
{
    public UserCursor(ulong address, nuint length)
    {
        Address = address;
        Length = length;
    }

    public ulong Address { get; private set; }
    public nuint Length { get; private set; }

    /// <summary>How much of a buffer of <paramref name="size"/> bytes the slice can take or give.</summary>
    public readonly nuint Wanted(int size) => (nuint)size < Length ? (nuint)size : Length;

    /// <summary>Takes <paramref name="count"/> bytes off the front; returns it.</summary>
    public int Advance(nuint count)
    {
        Address += count;
        Length -= count;
        return (int)count;
    }
}
