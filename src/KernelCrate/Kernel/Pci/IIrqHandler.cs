using System;

namespace Kernel;

/// <summary>
/// The state of an interrupt handler and what it does (Rust-for-Linux's <c>irq::Handler</c>): <see cref="Handle"/>
/// runs in hardirq context when the device interrupts. It must not sleep (KC1005, also through the module's own
/// methods), and the code it reaches must name no SIMD register (KC9011). It may run at the same time as the
/// module's other code: share what changes through atomics or a <see cref="SpinLock{T}"/>, and wake a waiter with
/// a <see cref="Completion"/>. Mark the type <c>[IrqHandler]</c> and <c>partial</c>: the generator writes the
/// dispatch C calls into.
/// </summary>
public interface IIrqHandler<TSelf> : IDisposable where TSelf : unmanaged, IIrqHandler<TSelf>
{
    /// <summary>The interrupt line fired: <see cref="IrqReturn.Handled"/> when it was this device's, else
    /// <see cref="IrqReturn.None"/> (a shared line).</summary>
    [AtomicContext("hardirq")]
    IrqReturn Handle();

    /// <summary>The number C names this type by; [IrqHandler] generates it (0: the type was not marked).</summary>
    static virtual uint IrqKind => 0;
}

/// <summary>Generates the dispatch of an interrupt handler's type (<see cref="IIrqHandler{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class IrqHandlerAttribute : Attribute
{
}

/// <summary>What a handler tells the kernel (irqreturn_t).</summary>
public enum IrqReturn : uint
{
    /// <summary>The interrupt was not from this device (IRQ_NONE).</summary>
    None = 0,
    /// <summary>The interrupt was this device's and is handled (IRQ_HANDLED).</summary>
    Handled = 1,
}
