using System;
using System.ComponentModel;

namespace Kernel;

/// <summary>
/// What the generated kc_sysctl_handle entry calls: the managed half of every <see cref="Sysctl{T}"/> file's
/// proc_handler. kc_sysctl.c names the storage's kind; the kinds are compared one by one (no jump table, no
/// function pointer: nothing an IBT kernel would fault on).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class SysctlDispatch
{
    public static int Handle(void* storage, uint kind, int write, void* buffer, nuint* length, long* position)
    {
        if (kind == AtomicBool.SysctlKind) return Handle<AtomicBool>(storage, write, (byte*)buffer, length, position);
        return Errno.EINVAL.ToKernel();
    }

    private static int Handle<T>(void* storage, int write, byte* buffer, nuint* length, long* position)
        where T : unmanaged, ISysctlStorage
    {
        // A read past the start signals end of file, so `cat` stops after the value.
        if (*position != 0 && write == 0)
        {
            *length = 0;
            return 0;
        }
        int count = *length > int.MaxValue ? int.MaxValue : (int)*length;
        (int processed, Result result) = write != 0
            ? ((T*)storage)->Store(new ReadOnlySpan<byte>(buffer, count))
            : ((T*)storage)->Read(new Span<byte>(buffer, count));
        *length = (nuint)processed;
        *position += processed;
        return result.ToKernel();
    }
}
