using System;

namespace Kernel;

/// <summary>
/// The method runs in atomic context (a timer callback, an interrupt handler): it must not sleep. KC1005 reports a
/// call in it, or in an implementation of it, that may sleep ([MaySleep], or a method of the module's own that
/// reaches one). Put it on your own methods that run with preemption disabled.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AtomicContextAttribute : Attribute
{
    public AtomicContextAttribute() { }

    /// <summary><paramref name="context"/> names where the method runs, for KC1005's message ("softirq", "hardirq").</summary>
    public AtomicContextAttribute(string context) { }
}
