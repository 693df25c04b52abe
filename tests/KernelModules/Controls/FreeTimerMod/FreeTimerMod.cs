using System.Runtime;
using System.Runtime.CompilerServices;
using Kernel;

/// <summary>
/// A control for the debug stage: arms a timer 10 s out, then frees the memory under it with the kernel's own kfree,
/// behind KernelCrate's back (HrTimer's Dispose would cancel first). DEBUG_OBJECTS_FREE must report the freed active
/// hrtimer. The module is never unloaded: its list of live timers still names the freed block.
/// </summary>
[Module(Name = "freetimermod", License = "GPL", Description = "debug-stage control: a freed active timer")]
internal unsafe struct FreeTimerMod : IKernelModule<FreeTimerMod>
{
#pragma warning disable KC1006 // the point of the control: raw kernel access that KernelCrate's API does not allow
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kfree")]
    private static extern void KernelKfree(void* pointer);
#pragma warning restore KC1006

    public static Result<FreeTimerMod> Init(CStr name, ThisModule module)
    {
        Result<HrTimer<Idle>> made = HrTimer<Idle>.TryNew(new Idle());
        if (!made.TryGetValue(out HrTimer<Idle> timer)) return made.Error;
        timer.Start(Delta.FromSeconds(10).Value);
        Printk.Info("freeing an armed timer");
        KernelKfree(*(void**)&timer); // the handle's one field: C's block, whose first member is the hrtimer
        return new FreeTimerMod();
    }

    public void Dispose() { }
}

[TimerCallback]
internal partial struct Idle : ITimerCallback<Idle>
{
    public TimerRestart Run() => TimerRestart.Stop;
    public void Dispose() { }
}
