using System;
using System.Runtime.InteropServices;

namespace Kernel;

/// <summary>
/// The managed half of every <see cref="Sysctl{T}"/> file's proc_handler. kc_sysctl.c enters here through its
/// aligned, direct-call thunk and names the storage's kind; the kinds are compared one by one (no jump table, no
/// function pointer: nothing an IBT kernel would fault on).
/// </summary>
internal static unsafe class SysctlHandler
{
    [UnmanagedCallersOnly(EntryPoint = "kc_sysctl_handle")]
    public static int Handle(void* storage, uint kind, int write, byte* buffer, nuint* length, long* position)
    {
        if (kind == AtomicBool.SysctlKind) return Handle<AtomicBool>(storage, write, buffer, length, position);
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
