using System.ComponentModel;

namespace Kernel;

/// <summary>What the [WorkItem] generator's entry point calls once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class WorkDispatch
{
    public static void Run<T>(void* state) where T : unmanaged, IWorkItem<T> => ((T*)state)->Run();
}
