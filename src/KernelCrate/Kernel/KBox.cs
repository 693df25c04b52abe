using System;

namespace Kernel;

/// <summary>
/// One <typeparamref name="T"/> in kmalloc'd memory; creation reports ENOMEM instead of panicking. Freed by
/// <see cref="Dispose"/>. A KBox is a handle: copy it and both copies own the same memory, so dispose one only.
/// </summary>
public readonly unsafe struct KBox<T> : IDisposable where T : unmanaged
{
    private readonly T* _value;

    private KBox(T* value) => _value = value;

    public static Result<KBox<T>> TryNew(T value, Gfp flags = Gfp.Kernel)
    {
        T* memory = (T*)Native.Kmalloc((nuint)sizeof(T), flags);
        if (memory == null) return Errno.ENOMEM;
        *memory = value;
        return new KBox<T>(memory);
    }

    public bool IsNull => _value == null;

    public ref T Value
    {
        get
        {
            if (_value == null) Panic.Fail("KBox used after Dispose or before creation"u8);
            return ref *_value;
        }
    }

    public T* Pointer => _value;

    public void Dispose()
    {
        if (_value != null) Native.Kfree(_value);
    }
}
