using System;

namespace Kernel;

/// <summary>
/// A spinning lock with the data it protects (Rust-for-Linux's <c>SpinLock&lt;T&gt;</c>): <see cref="Lock"/>, or
/// <see cref="LockIrqSave"/> for data an interrupt handler also touches. While a guard is alive nothing may sleep
/// (KC1005 checks calls marked <see cref="MaySleepAttribute"/>). On PREEMPT_RT the kernel makes it a sleeping lock,
/// which KernelCrate's C side accounts for. Its lockdep class is one per <typeparamref name="T"/>. A handle: copies
/// share the lock, dispose one only.
/// </summary>
public unsafe struct SpinLock<T> : IDisposable where T : unmanaged
{
    private void* _spin;

    [MaySleep]
    public static Result<SpinLock<T>> TryNew(T value, CStr name = default)
    {
        void* spin = Native.SpinlockAlloc((nuint)sizeof(T), LockClass<SpinLock<T>>.Key, LockClass<SpinLock<T>>.Name(name, DefaultName));
        if (spin == null) return Errno.ENOMEM;
        *(T*)Native.SpinlockData(spin) = value;
        var result = new SpinLock<T>();
        result._spin = spin;
        return result;
    }

    private static byte* DefaultName
    {
        get { fixed (byte* p = "KernelCrate.SpinLock\0"u8) return p; }
    }

    public SpinLockGuard<T> Lock()
    {
        Native.SpinlockLock(Handle);
        return new SpinLockGuard<T>(_spin, (T*)Native.SpinlockData(_spin), irqSave: false, flags: 0);
    }

    /// <summary>spin_lock_irqsave: also disables interrupts on this CPU; the guard restores them.</summary>
    public SpinLockGuard<T> LockIrqSave()
    {
        nuint flags = Native.SpinlockLockIrqsave(Handle);
        return new SpinLockGuard<T>(_spin, (T*)Native.SpinlockData(_spin), irqSave: true, flags);
    }

    private void* Handle
    {
        get
        {
            if (_spin == null) Panic.Fail("SpinLock used after Dispose or before TryNew"u8);
            return _spin;
        }
    }

    public void Dispose()
    {
        if (_spin == null) return;
        Native.SpinlockFree(_spin);
        _spin = null;
    }
}

/// <summary>The held <see cref="SpinLock{T}"/>: <see cref="Value"/> is the data; Dispose unlocks (once).</summary>
public unsafe ref struct SpinLockGuard<T> where T : unmanaged
{
    private void* _spin;
    private readonly T* _value;
    private readonly bool _irqSave;
    private readonly nuint _flags;

    internal SpinLockGuard(void* spin, T* value, bool irqSave, nuint flags)
    {
        _spin = spin;
        _value = value;
        _irqSave = irqSave;
        _flags = flags;
    }

    public ref T Value
    {
        get
        {
            if (_spin == null) Panic.Fail("SpinLockGuard used after Dispose"u8);
            return ref *_value;
        }
    }

    public void Dispose()
    {
        if (_spin == null) return;
        if (_irqSave) Native.SpinlockUnlockIrqrestore(_spin, _flags);
        else Native.SpinlockUnlock(_spin);
        _spin = null;
    }
}
