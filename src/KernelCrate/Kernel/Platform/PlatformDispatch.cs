using System.ComponentModel;

namespace Kernel;

/// <summary>What the [PlatformDriver] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PlatformDispatch
{
    public static int Probe<T>(void* device, uint info, int matched, void* state) where T : unmanaged, IPlatformDriver<T>
    {
        Result<T> probed = T.Probe(new PlatformDevice(device), new PlatformMatch(info, matched != 0));
        if (!probed.TryGetValue(out T value)) return probed.Error.ToKernel();
        *(T*)state = value;
        return 0;
    }

    public static void Remove<T>(void* state) where T : unmanaged, IPlatformDriver<T> => ((T*)state)->Dispose();
}
