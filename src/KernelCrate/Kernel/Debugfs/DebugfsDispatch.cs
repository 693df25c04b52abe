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
        return ((T*)state)->Show(ref writer).ToKernel();
    }

    public static int Store<T>(void* state, byte* text, nuint length) where T : unmanaged, IDebugfsFile<T>, IDebugfsStore
        => ((T*)state)->Store(new ReadOnlySpan<byte>(text, (int)length)).ToKernel();
}
