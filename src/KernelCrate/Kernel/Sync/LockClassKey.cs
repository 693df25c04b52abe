using System.Runtime.InteropServices;

namespace Kernel;

/// <summary>
/// Static storage for the kernel's <c>struct lock_class_key</c> (kc_lock.c checks it fits): lockdep wants a key
/// in static memory, and one per lock type is C's usual one per init site. Each Mutex&lt;T&gt; and SpinLock&lt;T&gt;
/// instantiation has its own, so lockdep tells locks protecting different types apart.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LockClassKey
{
    private ulong _a, _b, _c, _d;
}
