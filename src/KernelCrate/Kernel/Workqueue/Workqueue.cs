using System;

namespace Kernel;

/// <summary>
/// A workqueue: <see cref="System"/>, the kernel's shared one, or a module's own from <see cref="TryNew"/>
/// (alloc_workqueue), which <see cref="Dispose"/> drains (every item queued on it runs, a delayed one at once) and
/// destroys. Dispose the work items queued on it first or let the drain run them. A Workqueue is a handle: copies share it, dispose one only.
/// </summary>
public unsafe struct Workqueue : IDisposable
{
    /// <summary>What a disposed queue holds: one pointer, so the handle is 8 bytes (a copy is one register, never SSE).</summary>
    private static void* Disposed => (void*)1;

    /// <summary>The kernel's queue; null: the system one.</summary>
    private void* _queue;

    /// <summary>The kernel's system workqueue (system_wq); its Dispose does nothing.</summary>
    public static Workqueue System => default;

    /// <summary>A queue of the module's own named <paramref name="name"/> (its workers show as kworker/...:<c>name</c>);
    /// <paramref name="maxActive"/> 0 is the kernel's default. ENOMEM if it cannot be made.</summary>
    [MaySleep]
    public static Result<Workqueue> TryNew(CStr name, WorkqueueFlags flags = WorkqueueFlags.None, int maxActive = 0)
    {
        if (maxActive < 0 || maxActive > 512) return Errno.EINVAL;
        void* queue = Native.WorkqueueAlloc(name.Pointer, (uint)flags, maxActive);
        if (queue == null) return Errno.ENOMEM;
        var result = new Workqueue();
        result._queue = queue;
        return result;
    }

    /// <summary>The kernel's queue, or null for the system one (C picks system_wq).</summary>
    internal void* Handle
    {
        get
        {
            if (_queue == Disposed) Panic.Fail("Workqueue used after Dispose"u8);
            return _queue;
        }
    }

    /// <summary>Waits until every item queued before the call has run.</summary>
    [MaySleep]
    public void Flush()
    {
        if (Handle != null) Native.WorkqueueFlush(_queue);
    }

    [MaySleep]
    public void Dispose()
    {
        if (_queue == null || _queue == Disposed) return;
        Native.WorkqueueDestroy(_queue);
        _queue = Disposed;
    }
}

/// <summary>alloc_workqueue's flags KernelCrate passes on (kc_workqueue.c maps each to the kernel's WQ_* bit).</summary>
[Flags]
public enum WorkqueueFlags : uint
{
    None = 0,
    /// <summary>WQ_UNBOUND: workers not bound to the queueing CPU.</summary>
    Unbound = 1 << 1,
    /// <summary>WQ_FREEZABLE: frozen during suspend.</summary>
    Freezable = 1 << 2,
    /// <summary>WQ_MEM_RECLAIM: has a rescuer thread, for work on the memory-reclaim path.</summary>
    MemReclaim = 1 << 3,
    /// <summary>WQ_HIGHPRI: served by the high-priority worker pool.</summary>
    HighPriority = 1 << 4,
    /// <summary>WQ_CPU_INTENSIVE: long-running work that does not hold up other items.</summary>
    CpuIntensive = 1 << 5,
}
