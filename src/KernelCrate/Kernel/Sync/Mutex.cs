using System;

namespace Kernel;

/// <summary>
/// A sleeping lock with the data it protects (Rust-for-Linux's <c>Mutex&lt;T&gt;</c>): the data is reachable only
/// through the guard <see cref="Lock"/> returns, <c>using var guard = mutex.Lock(); guard.Value.X = 1;</c>. The
/// kernel's mutex and the data live in one kmalloc'd block C lays out; <see cref="Dispose"/> frees it. Taking it may
/// sleep: never while a <see cref="SpinLock{T}"/> is held (KC1005). Its lockdep class is one per <typeparamref name="T"/>.
/// A Mutex is a handle: copies share the lock, dispose one only.
/// </summary>
public unsafe struct Mutex<T> : IDisposable where T : unmanaged
{
    private void* _mutex;

    /// <summary>Makes the lock holding <paramref name="value"/>: ENOMEM if memory runs out. <paramref name="name"/>
    /// names its class in lockdep reports (the first name given for this <typeparamref name="T"/> names them all).</summary>
    [MaySleep]
    public static Result<Mutex<T>> TryNew(T value, CStr name = default)
    {
        void* mutex = Native.MutexAlloc((nuint)sizeof(T), LockClass<Mutex<T>>.Key, LockClass<Mutex<T>>.Name(name, DefaultName));
        if (mutex == null) return Errno.ENOMEM;
        *(T*)Native.MutexData(mutex) = value;
        var result = new Mutex<T>();
        result._mutex = mutex;
        return result;
    }

    private static byte* DefaultName
    {
        get { fixed (byte* p = "KernelCrate.Mutex\0"u8) return p; }
    }

    /// <summary>Waits for the lock; the guard's Dispose releases it.</summary>
    [MaySleep]
    public MutexGuard<T> Lock()
    {
        if (_mutex == null) Panic.Fail("Mutex used after Dispose or before TryNew"u8);
        Native.MutexLock(_mutex);
        return new MutexGuard<T>(_mutex, (T*)Native.MutexData(_mutex));
    }

    /// <summary>The kernel mutex's block, for C that takes the same lock (a /proc file's reads).</summary>
    internal void* Handle => _mutex;

    public void Dispose()
    {
        if (_mutex == null) return;
        Native.MutexFree(_mutex);
        _mutex = null;
    }
}

/// <summary>The held <see cref="Mutex{T}"/>: <see cref="Value"/> is the data; Dispose unlocks (once).</summary>
public unsafe ref struct MutexGuard<T> where T : unmanaged
{
    private void* _mutex;
    private readonly T* _value;

    internal MutexGuard(void* mutex, T* value)
    {
        _mutex = mutex;
        _value = value;
    }

    /// <summary>The held lock, for <see cref="CondVar"/>'s wait, which releases and retakes it.</summary>
    internal void* Held
    {
        get
        {
            if (_mutex == null) Panic.Fail("MutexGuard used after Dispose"u8);
            return _mutex;
        }
    }

    public ref T Value
    {
        get
        {
            if (_mutex == null) Panic.Fail("MutexGuard used after Dispose"u8);
            return ref *_value;
        }
    }

    public void Dispose()
    {
        if (_mutex == null) return;
        Native.MutexUnlock(_mutex);
        _mutex = null;
    }
}
