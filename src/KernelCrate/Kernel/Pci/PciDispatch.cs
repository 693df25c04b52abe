using System.ComponentModel;

namespace Kernel;

/// <summary>What the [PciDriver] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PciDispatch
{
    public static int Probe<T>(void* device, uint info, void* state) where T : unmanaged, IPciDriver<T>
    {
        Result<T> probed = T.Probe(new PciDevice(device), info);
        if (!probed.TryGetValue(out T value)) return probed.Error.ToKernel();
        *(T*)state = value;
        return 0;
    }

    public static void Remove<T>(void* state) where T : unmanaged, IPciDriver<T> => ((T*)state)->Dispose();
}
