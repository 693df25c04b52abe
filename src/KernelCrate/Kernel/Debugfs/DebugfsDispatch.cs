using System;
using System.ComponentModel;

namespace Kernel;

/// <summary>What the [DebugfsFile] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class DebugfsDispatch
{
    public static int Show<T>(void* state, void* seq) where T : unmanaged, IDebugfsFile<T>
    {
        var writer = new SeqWriter(seq);
        Result shown = ((T*)state)->Show(ref writer);
        return shown.IsOk ? 0 : shown.Error.ToKernel();
    }

    public static int Store<T>(void* state, byte* text, nuint length) where T : unmanaged, IDebugfsFile<T>, IDebugfsStore
    {
        Result stored = ((T*)state)->Store(new ReadOnlySpan<byte>(text, (int)length));
        return stored.IsOk ? 0 : stored.Error.ToKernel();
    }
}
