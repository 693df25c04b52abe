using System;

namespace Kernel;

/// <summary>
/// An interrupt handler requested for a vector of a bound PCI device (Rust-for-Linux's <c>irq::Registration</c>):
/// C gives the device its vectors (MSI-X, MSI or the INTx line) the first time, and calls <typeparamref name="T"/>'s
/// Handle in hardirq context from then on. <see cref="Dispose"/> frees the irq, waiting for a running handler, then
/// disposes the state. Dispose it in the driver's Dispose at the latest: one left then is freed by C, with an error.
/// A registration is a handle: copies share it, dispose one only.
/// </summary>
public unsafe struct IrqRegistration<T> : IDisposable where T : unmanaged, IIrqHandler<T>
{
    private void* _handler;

    /// <summary>Requests vector <paramref name="vector"/> (0 for a device with one) with <paramref name="state"/>,
    /// which it owns from here (disposed on failure): ENOMEM, EINVAL for a vector the device lacks, or the kernel's error.</summary>
    [MaySleep]
    public static Result<IrqRegistration<T>> TryRequest(PciDevice device, uint vector, T state, CStr name)
    {
        if (T.IrqKind == 0) Panic.Fail("an interrupt handler type without [IrqHandler] (KC0023)"u8);
        int error;
        void* handler = Native.PciRequestIrq(device.Handle, vector, T.IrqKind, &state, (nuint)sizeof(T), name.Pointer, &error);
        if (handler == null)
        {
            state.Dispose();
            return Errno.FromKernel(error);
        }
        var registration = new IrqRegistration<T>();
        registration._handler = handler;
        return registration;
    }

    /// <summary>The handler's state, shared with the handler: read what it records through atomics.</summary>
    public ref T State => ref *(T*)Native.IrqState(Handle);

    [MaySleep]
    public void Dispose()
    {
        if (_handler == null) return;
        Native.IrqFree(_handler);
        ((T*)Native.IrqState(_handler))->Dispose();
        Native.IrqRelease(_handler);
        _handler = null;
    }

    private void* Handle
    {
        get
        {
            if (_handler == null) Panic.Fail("IrqRegistration used after Dispose or before TryRequest"u8);
            return _handler;
        }
    }
}
