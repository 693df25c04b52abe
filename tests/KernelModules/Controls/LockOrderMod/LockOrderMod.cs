using Kernel;

/// <summary>
/// A control for the debug stage: takes two C# mutexes in one order, then in the other. lockdep must report the
/// inversion, naming both locks: proof that lockdep is on and that each Mutex&lt;T&gt; type is a class of its own.
/// </summary>
[Module(Name = "lockordermod", License = "GPL", Description = "debug-stage control: a lock-order inversion between C# mutexes")]
internal struct LockOrderMod : IKernelModule<LockOrderMod>
{
    private struct First { internal int Value; }
    private struct Second { internal int Value; }

    public static Result<LockOrderMod> Init(CStr name, ThisModule module)
    {
        Result<Mutex<First>> first = Mutex<First>.TryNew(default, CStr.Literal("lockordermod.first"));
        Result<Mutex<Second>> second = Mutex<Second>.TryNew(default, CStr.Literal("lockordermod.second"));
        if (first.IsOk && second.IsOk)
        {
            using (MutexGuard<First> a = first.Value.Lock())
            using (MutexGuard<Second> b = second.Value.Lock()) b.Value.Value = a.Value.Value + 1;
            Printk.Info("first then second; now second then first");
            using (MutexGuard<Second> b = second.Value.Lock())
            using (MutexGuard<First> a = first.Value.Lock()) a.Value.Value = b.Value.Value + 1;
        }
        if (first.IsOk) first.Value.Dispose();
        if (second.IsOk) second.Value.Dispose();
        return new LockOrderMod();
    }

    public void Dispose() { }
}
