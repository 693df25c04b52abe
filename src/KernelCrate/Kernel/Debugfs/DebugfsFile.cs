using System;

namespace Kernel;

/// <summary>
/// A file in a <see cref="DebugfsDir"/> whose text is <typeparamref name="T"/>'s (Rust-for-Linux's debugfs
/// <c>File&lt;T&gt;</c>): reads run its Show, writes its Store when it implements <see cref="IDebugfsStore"/>.
/// <see cref="State"/> is the state the file shows, shared with its readers and writers. <see cref="Dispose"/>
/// removes the file, waiting for a read or write running in it, then disposes the state: the file never outlives
/// its data. A file is a handle: copies share it, dispose one only.
/// </summary>
public unsafe struct DebugfsFile<T> : IDisposable where T : unmanaged, IDebugfsFile<T>
{
    private void* _file;

    /// <summary>Creates <paramref name="name"/> in <paramref name="dir"/> holding <paramref name="state"/>, which it
    /// owns from here (disposed on failure). <paramref name="mode"/> 0 is 0644 for a writable type, 0444 otherwise;
    /// a write bit on a type that cannot store is EINVAL. ENOENT when the directory was removed, EEXIST for a name in use.</summary>
    [MaySleep]
    public static Result<DebugfsFile<T>> TryCreate(DebugfsDir dir, CStr name, T state, ushort mode = 0)
    {
        if (T.DebugfsKind == 0) Panic.Fail("a debugfs file type without [DebugfsFile] (KC0023)"u8);
        bool writable = T.DebugfsWritable;
        mode = FileMode.Resolve(mode, writable);
        if (name.Pointer == null || mode == 0)
        {
            state.Dispose();
            return Errno.EINVAL;
        }
        int error;
        void* file = Native.DebugfsFile(dir.Handle, name.Pointer, mode, T.DebugfsKind, &state, (nuint)sizeof(T), writable ? 1 : 0, &error);
        if (file == null)
        {
            state.Dispose();
            return Errno.FromKernel(error);
        }
        var result = new DebugfsFile<T>();
        result._file = file;
        return result;
    }

    /// <summary>The state the file shows and stores into.</summary>
    public ref T State => ref *(T*)Native.DebugfsFileState(Handle);

    [MaySleep]
    public void Dispose()
    {
        if (_file == null) return;
        Native.DebugfsFileRemove(_file);
        ((T*)Native.DebugfsFileState(_file))->Dispose();
        Native.DebugfsFileFree(_file);
        _file = null;
    }

    private void* Handle
    {
        get
        {
            if (_file == null) Panic.Fail("DebugfsFile used after Dispose or before TryCreate"u8);
            return _file;
        }
    }
}
