using System;

namespace Kernel;

/// <summary>
/// A reference-counted <typeparamref name="T"/> in kmalloc'd memory (Rust-for-Linux's <c>Arc&lt;T&gt;</c>, over the
/// kernel's <c>refcount_t</c>): <see cref="Clone"/> adds a reference, <see cref="Dispose"/> drops one and frees the
/// memory with the last. The value is shared, so reach what changes in it through a lock (<c>Arc&lt;Mutex&lt;T&gt;&gt;</c>
/// is the usual shape) or an atomic. When the value owns something (a Mutex, a KVec), drop references with
/// <see cref="Release"/>, which hands the last holder the value to dispose.
/// </summary>
public unsafe struct Arc<T> : IDisposable where T : unmanaged
{
    private void* _arc;

    /// <summary>One reference to a new value: ENOMEM if memory runs out.</summary>
    public static Result<Arc<T>> TryNew(T value, Gfp flags = Gfp.Kernel)
    {
        void* arc = Native.ArcAlloc((nuint)sizeof(T), flags);
        if (arc == null) return Errno.ENOMEM;
        *(T*)Native.ArcData(arc) = value;
        var result = new Arc<T>();
        result._arc = arc;
        return result;
    }

    /// <summary>The shared value (a reference into the allocation; valid while this reference is held).</summary>
    public ref T Value => ref *(T*)Native.ArcData(Handle);

    /// <summary>Another reference to the same value (refcount_inc; never allocates, never fails).</summary>
    public Arc<T> Clone()
    {
        Native.ArcGet(Handle);
        var copy = new Arc<T>();
        copy._arc = _arc;
        return copy;
    }

    /// <summary>Whether two references share one value.</summary>
    public bool SharesWith(Arc<T> other) => _arc != null && _arc == other._arc;

    /// <summary>Drops this reference. True when it was the last: <paramref name="last"/> is then the value, which the
    /// caller disposes if it owns anything; the memory is already freed.</summary>
    public bool Release(out T last)
    {
        void* arc = Handle;
        _arc = null;
        if (Native.ArcPut(arc) == 0)
        {
            last = default;
            return false;
        }
        last = *(T*)Native.ArcData(arc);
        Native.ArcFree(arc);
        return true;
    }

    /// <summary>Drops this reference (the value needs no cleanup of its own); nothing for a disposed one.</summary>
    public void Dispose()
    {
        if (_arc != null) Release(out _);
    }

    private void* Handle
    {
        get
        {
            if (_arc == null) Panic.Fail("Arc used after Dispose or before TryNew"u8);
            return _arc;
        }
    }
}
