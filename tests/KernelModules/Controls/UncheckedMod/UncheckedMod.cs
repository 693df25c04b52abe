using Kernel;

/// <summary>
/// A control for the debug stage: reads the value of an allocation's Result without checking it. Under fault
/// injection the allocation fails and the read panics, which the fault-injection loop must report. Sixteen such
/// allocations in a row: with DEBUG_OBJECTS on, the debug-object pool refills now and then during a load, so the
/// N-th fault-injectable call of one load is not always the N-th of the next, and the loop could step over a single one.
/// </summary>
[Module(Name = "uncheckedmod", License = "GPL", Description = "debug-stage control: an unchecked allocation")]
internal struct UncheckedMod : IKernelModule<UncheckedMod>
{
    private KBox<long> _box;

    public static Result<UncheckedMod> Init(CStr name, ThisModule module)
    {
        for (int i = 0; i < 15; i++) KBox<long>.TryNew(i).Value.Dispose();
        return new UncheckedMod { _box = KBox<long>.TryNew(7).Value };
    }

    public void Dispose() => _box.Dispose();
}
