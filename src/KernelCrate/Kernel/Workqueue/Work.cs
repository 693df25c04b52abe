using System;

namespace Kernel;

/// <summary>
/// A work item owning its state: <see cref="Queue()"/> runs <typeparamref name="T"/>'s Run once on a workqueue (the
/// system one unless given another), <see cref="QueueAfter(Delta)"/> after a delay. Queueing an item that is already
/// pending does nothing and returns false, as queue_work does. C lays out the work_struct and the state in one kmalloc'd
/// block; <see cref="Dispose"/> cancels the item, waiting for a running Run, then disposes the state and frees the
/// block. A Work is a handle: copies share it, dispose one only. A module that forgets to dispose one gets it cancelled
/// (and an error printed) when it unloads, so Run never runs after the module is gone.
/// </summary>
public unsafe struct Work<T> : IDisposable where T : unmanaged, IWorkItem<T>
{
    private void* _work;

    /// <summary>An idle work item holding <paramref name="state"/>, which it owns from here: ENOMEM
    /// (the state disposed) if memory runs out.</summary>
    public static Result<Work<T>> TryNew(T state, Gfp flags = Gfp.Kernel)
    {
        if (T.WorkKind == 0) Panic.Fail("Work<T>: T is not marked [WorkItem] (KC0023)"u8);
        void* work = Native.WorkAlloc(T.WorkKind, (nuint)sizeof(T), flags);
        if (work == null)
        {
            state.Dispose();
            return Errno.ENOMEM;
        }
        *(T*)Native.WorkState(work) = state;
        var result = new Work<T>();
        result._work = work;
        return result;
    }

    /// <summary>The state Run runs on (Run may be running now: share through a lock or atomics).</summary>
    public ref T State => ref *(T*)Native.WorkState(Handle);

    /// <summary>Queues the item on the system workqueue; false if it was already pending. Usable in atomic context.</summary>
    public bool Queue() => Native.WorkQueue(null, Handle) != 0;

    /// <summary>Queues the item on <paramref name="queue"/>; false if it was already pending. Usable in atomic context.</summary>
    public bool Queue(Workqueue queue) => Native.WorkQueue(queue.Handle, Handle) != 0;

    /// <summary>Queues the item on the system workqueue once at least <paramref name="delay"/> has passed (to the next jiffy tick).</summary>
    public bool QueueAfter(Delta delay) => Native.WorkQueueDelayed(null, Handle, (ulong)delay.Nanoseconds) != 0;

    /// <summary>Queues the item on <paramref name="queue"/> once <paramref name="delay"/> has passed.</summary>
    public bool QueueAfter(Workqueue queue, Delta delay) => Native.WorkQueueDelayed(queue.Handle, Handle, (ulong)delay.Nanoseconds) != 0;

    /// <summary>Takes the item off its queue and waits for a running Run to return; true when it was pending.</summary>
    [MaySleep]
    public bool Cancel() => Native.WorkCancel(Handle) != 0;

    /// <summary>Waits for the last queueing of the item to have run (a delayed one is run now); false if it was idle.</summary>
    [MaySleep]
    public bool Flush() => Native.WorkFlush(Handle) != 0;

    /// <summary>Cancels the item (waiting for a running Run), disposes the state and frees the item.</summary>
    [MaySleep]
    public void Dispose()
    {
        if (_work == null) return;
        Native.WorkCancel(_work);
        ((T*)Native.WorkState(_work))->Dispose();
        Native.WorkFree(_work);
        _work = null;
    }

    private void* Handle
    {
        get
        {
            if (_work == null) Panic.Fail("Work used after Dispose or before TryNew"u8);
            return _work;
        }
    }
}
