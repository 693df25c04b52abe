using System.ComponentModel;

namespace Kernel;

/// <summary>What the [IrqHandler] generator's entry point calls once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class IrqDispatch
{
    public static uint Handle<T>(void* state) where T : unmanaged, IIrqHandler<T> => (uint)((T*)state)->Handle();
}
