using Kernel;

namespace AllocMod;

/// <summary>Allocates on the GC heap: the kernel build must fail with KC9002 naming AllocMod.Init.</summary>
[Module(Name = "allocmod", License = "GPL")]
internal struct AllocMod : IKernelModule<AllocMod>
{
#pragma warning disable KC1001 // the point of this module: ilc must still catch it
    public static Result<AllocMod> Init(CStr name, ThisModule module)
    {
        int[] values = new int[name.Length];
        return values.Length > 0 ? new AllocMod() : Errno.EINVAL;
    }
#pragma warning restore KC1001

    public void Dispose() { }
}
