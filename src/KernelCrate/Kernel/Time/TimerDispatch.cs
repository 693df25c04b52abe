using System.ComponentModel;

namespace Kernel;

/// <summary>What the [TimerCallback] generator's entry point calls once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class TimerDispatch
{
    public static ulong Fire<T>(void* state) where T : unmanaged, ITimerCallback<T> => ((T*)state)->Run().Period;
}
