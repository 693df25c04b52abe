using System;

namespace Kernel;

/// <summary>
/// A configfs subsystem, /sys/kernel/config/&lt;name&gt; (Rust-for-Linux's configfs <c>Subsystem</c>): its root
/// directory's attributes are <typeparamref name="T"/>'s, and when <typeparamref name="T"/> is an
/// <see cref="IConfigfsGroup{TSelf, TChild}"/> user space makes child directories in it with mkdir. While a
/// directory made so exists, or a file in it is open, the kernel keeps the module loaded. <see cref="Dispose"/>
/// unregisters it (from the module's Dispose); the root's state is disposed once its last open file is closed.
/// A subsystem a module forgets is unregistered when it unloads, with an error.
/// </summary>
public unsafe struct ConfigfsSubsystem<T> : IDisposable where T : unmanaged, IConfigfsItem<T>
{
    private void* _subsystem;

    /// <summary>Registers /sys/kernel/config/<paramref name="name"/> holding <paramref name="state"/>, which it owns
    /// from here (disposed on failure): EEXIST for a name in use, ENOMEM.</summary>
    [MaySleep]
    public static Result<ConfigfsSubsystem<T>> TryRegister(CStr name, T state)
    {
        if (T.ConfigfsKind == 0) Panic.Fail("a configfs type without [ConfigfsItem] (KC0023)"u8);
        if (name.Pointer == null)
        {
            state.Dispose();
            return Errno.EINVAL;
        }
        int error;
        ReadOnlySpan<byte> table = T.ConfigfsTable;
        void* subsystem;
        fixed (byte* bytes = table)
            subsystem = Native.ConfigfsRegister(name.Pointer, T.ConfigfsKind, &state, (nuint)sizeof(T), bytes, (nuint)table.Length, &error);
        if (subsystem == null)
        {
            state.Dispose();
            return Errno.FromKernel(error);
        }
        var result = new ConfigfsSubsystem<T>();
        result._subsystem = subsystem;
        return result;
    }

    /// <summary>The root directory's state, shared with its attributes' shows and stores.</summary>
    public ref T State
    {
        get
        {
            if (_subsystem == null) Panic.Fail("ConfigfsSubsystem used after Dispose or before TryRegister"u8);
            return ref *(T*)Native.ConfigfsState(_subsystem);
        }
    }

    [MaySleep]
    public void Dispose()
    {
        if (_subsystem == null) return;
        Native.ConfigfsUnregister(_subsystem);
        _subsystem = null;
    }
}
