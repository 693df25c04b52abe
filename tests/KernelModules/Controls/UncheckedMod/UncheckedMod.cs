using Kernel;

/// <summary>
/// A control for the debug stage: reads the value of an allocation's Result without checking it. Under fault
/// injection the allocation fails and the read panics, which the fault-injection loop must report.
/// </summary>
[Module(Name = "uncheckedmod", License = "GPL", Description = "debug-stage control: an unchecked allocation")]
internal struct UncheckedMod : IKernelModule<UncheckedMod>
{
    private KBox<long> _box;

    public static Result<UncheckedMod> Init(CStr name, ThisModule module)
        => new UncheckedMod { _box = KBox<long>.TryNew(7).Value };

    public void Dispose() => _box.Dispose();
}
