using System.Runtime.InteropServices;

namespace Kernel;

/// <summary>
/// Static storage for the kernel's <c>struct lock_class_key</c> (kc_lock.c checks it fits): lockdep wants a key in
/// static memory, and one per lock type is C's usual one per init site.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LockClassKey
{
    private ulong _a, _b, _c, _d;
}

/// <summary>
/// The lockdep class of every <typeparamref name="TLock"/> (a Mutex&lt;T&gt; or SpinLock&lt;T&gt; instantiation): its
/// key, and its name, which lockdep wants to be one per key: the first name given names them all.
/// </summary>
internal static unsafe class LockClass<TLock> where TLock : unmanaged
{
    private static LockClassKey s_key;
    private static long s_name;

    /// <summary>The key's address (static data: it never moves).</summary>
    public static void* Key
    {
        get { fixed (LockClassKey* key = &s_key) return key; }
    }

    public static byte* Name(CStr name, byte* fallback)
    {
        long wanted = (long)(name.Pointer != null ? name.Pointer : fallback);
        long first = System.Threading.Interlocked.CompareExchange(ref s_name, wanted, 0);
        return (byte*)(first != 0 ? first : wanted);
    }
}
