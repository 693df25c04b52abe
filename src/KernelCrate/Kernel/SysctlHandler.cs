using System;
using System.Runtime.InteropServices;

namespace Kernel;

/// <summary>
/// The proc_handler of every <see cref="Sysctl{T}"/> file. kc_helpers.c enters here (aligned stack, FPU section)
/// and the table's extra2 picks the storage type's handler.
/// </summary>
internal static unsafe class SysctlHandler
{
    [UnmanagedCallersOnly]
    public static int Handle(CtlTable* table, int write, byte* buffer, nuint* length, long* position)
        => ((delegate*<void*, int, byte*, nuint*, long*, int>)table->Extra2)(table->Data, write, buffer, length, position);

    public static int Handle<T>(void* storage, int write, byte* buffer, nuint* length, long* position)
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
