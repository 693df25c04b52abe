using Kernel;

/// <summary>A control for the debug stage: kmemleak must report the allocation this module never frees.</summary>
[Module(Name = "leakmod", License = "GPL", Description = "debug-stage control: leaks one allocation")]
internal struct LeakMod : IKernelModule<LeakMod>
{
    public static Result<LeakMod> Init(CStr name, ThisModule module)
    {
        Result<KBox<long>> box = KBox<long>.TryNew(0x6c65616b);
        if (!box.IsOk) return box.Error;
        Printk.Info("allocated a KBox and dropped it without Dispose");
        return new LeakMod();
    }

    public void Dispose() { }
}
