using System.ComponentModel;

namespace Kernel;

/// <summary>What the [SeqFile] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class SeqFileDispatch
{
    public static long Count<T>(void* records) where T : unmanaged, ISeqFile<T> => ((T*)records)->Count;

    public static int Show<T>(void* records, long index, void* seq) where T : unmanaged, ISeqFile<T>
    {
        var writer = new SeqWriter(seq);
        return ((T*)records)->Show(ref writer, index).ToKernel();
    }
}
