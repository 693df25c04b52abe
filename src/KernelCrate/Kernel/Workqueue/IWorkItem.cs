using System;

namespace Kernel;

/// <summary>
/// The state of a <see cref="Work{T}"/> and what it does (Rust-for-Linux's <c>WorkItem</c>): <see cref="Run"/> runs on
/// a kernel worker thread, in process context, and may sleep. It may run at the same time as the module's other code:
/// share what changes through a <see cref="Mutex{T}"/>, an <see cref="Arc{T}"/> or atomics. Mark the type
/// <c>[WorkItem]</c> and <c>partial</c>: the generator writes the dispatch C calls into.
/// </summary>
public interface IWorkItem<TSelf> : IDisposable where TSelf : unmanaged, IWorkItem<TSelf>
{
    void Run();

    /// <summary>The number C names this type by; [WorkItem] generates it (0: the type was not marked).</summary>
    static virtual uint WorkKind => 0;
}

/// <summary>Generates the dispatch of a work item's type (<see cref="IWorkItem{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class WorkItemAttribute : Attribute
{
}
