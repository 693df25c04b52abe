// The kernel backend of Kernel.Native: direct calls into the kernel and kc_helpers.c. The host tests supply a
// simulated backend with the same members.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Kernel;

internal static unsafe class Native
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_printk")]
    public static extern void Printk(int level, byte* text, nuint length, int endLine);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_panic")]
    public static extern void Panic(byte* what, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_kmalloc")]
    public static extern void* Kmalloc(nuint size, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_krealloc")]
    public static extern void* Krealloc(void* old, nuint size, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_kfree")]
    public static extern void Kfree(void* pointer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_memmove")]
    public static extern void* Memmove(void* destination, void* source, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_memset")]
    public static extern void* Memset(void* destination, int value, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_alloc")]
    public static extern void* SysctlAlloc(uint kind, nuint storageSize);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_storage")]
    public static extern void* SysctlStorage(void* sysctl);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_register")]
    public static extern int SysctlRegister(void* sysctl, byte* path, byte* name, ushort mode);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_free")]
    public static extern void SysctlFree(void* sysctl);
}
