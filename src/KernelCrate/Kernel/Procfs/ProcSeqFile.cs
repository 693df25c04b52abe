using System;

namespace Kernel;

/// <summary>
/// A read-only file /proc/&lt;name&gt; listing <typeparamref name="T"/>'s records through seq_file. The records live
/// in a <see cref="Mutex{T}"/> the file's reads take for each chunk, so a read never sees a record half changed;
/// <see cref="Lock"/> is the module's way in. <see cref="Dispose"/> removes the file, waiting for a read running in
/// it, then disposes the records. A file a module forgets is removed when it unloads, with an error.
/// </summary>
public unsafe struct ProcSeqFile<T> : IDisposable where T : unmanaged, ISeqFile<T>
{
    private void* _file;
    private Mutex<T> _records;

    /// <summary>Creates /proc/<paramref name="name"/> (mode 0444 when 0) over <paramref name="records"/>, which it
    /// owns from here (disposed on failure): ENOMEM when the kernel could not make it (proc_create does not say why:
    /// a name in use too, which it logs).</summary>
    [MaySleep]
    public static Result<ProcSeqFile<T>> TryCreate(CStr name, T records, ushort mode = 0)
    {
        if (T.SeqFileKind == 0) Panic.Fail("a /proc file type without [SeqFile] (KC0023)"u8);
        if (name.Pointer == null || mode > 0x1ff)
        {
            records.Dispose();
            return Errno.EINVAL;
        }
        Result<Mutex<T>> mutex = Mutex<T>.TryNew(records);
        if (!mutex.TryGetValue(out Mutex<T> held))
        {
            records.Dispose();
            return mutex.Error;
        }
        int error;
        void* file = Native.ProcSeqCreate(name.Pointer, mode == 0 ? 0x124u : mode, T.SeqFileKind, held.Handle, &error);
        if (file == null)
        {
            using (MutexGuard<T> guard = held.Lock()) guard.Value.Dispose();
            held.Dispose();
            return Errno.FromKernel(error);
        }
        var result = new ProcSeqFile<T>();
        result._file = file;
        result._records = held;
        return result;
    }

    /// <summary>Waits for the records' mutex (a read in progress holds it for a chunk); the guard's Dispose releases it.</summary>
    [MaySleep]
    public MutexGuard<T> Lock()
    {
        if (_file == null) Panic.Fail("ProcSeqFile used after Dispose or before TryCreate"u8);
        return _records.Lock();
    }

    [MaySleep]
    public void Dispose()
    {
        if (_file == null) return;
        Native.ProcSeqRemove(_file);
        _file = null;
        using (MutexGuard<T> guard = _records.Lock()) guard.Value.Dispose();
        _records.Dispose();
    }
}
