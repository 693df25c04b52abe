using System;

namespace Kernel;

/// <summary>
/// A directory in debugfs (Rust-for-Linux's <c>debugfs::Dir</c>): <see cref="TryCreate"/> at the root
/// (/sys/kernel/debug/&lt;name&gt;), <see cref="TrySubdir"/> inside another. <see cref="Dispose"/> removes it with
/// everything in it; files in it can still be disposed after that (they only free their state then). A directory
/// a module forgets is removed when it unloads, with an error. A directory is a handle: copies share it.
/// </summary>
public unsafe struct DebugfsDir : IDisposable
{
    private void* _dir;

    /// <summary>A directory at the debugfs root: ENOMEM, EEXIST for a name in use, ENODEV without debugfs.</summary>
    [MaySleep]
    public static Result<DebugfsDir> TryCreate(CStr name) => Create(name, null);

    /// <summary>A directory inside this one: ENOENT when this one was removed.</summary>
    [MaySleep]
    public Result<DebugfsDir> TrySubdir(CStr name) => Create(name, Handle);

    private static Result<DebugfsDir> Create(CStr name, void* parent)
    {
        if (name.Pointer == null) return Errno.EINVAL;
        int error;
        void* dir = Native.DebugfsDir(name.Pointer, parent, &error);
        if (dir == null) return Errno.FromKernel(error);
        var result = new DebugfsDir();
        result._dir = dir;
        return result;
    }

    [MaySleep]
    public void Dispose()
    {
        if (_dir == null) return;
        Native.DebugfsDirRemove(_dir);
        _dir = null;
    }

    internal void* Handle
    {
        get
        {
            if (_dir == null) Panic.Fail("DebugfsDir used after Dispose or before TryCreate"u8);
            return _dir;
        }
    }
}
