using System.Runtime;
using System.Runtime.CompilerServices;
using Kernel;

/// <summary>
/// A control for the debug stage: sleeps inside the FPU section (preemption disabled) through a raw import, which
/// KC1006 warns about and DEBUG_ATOMIC_SLEEP must report.
/// </summary>
[Module(Name = "sleepmod", License = "GPL", Description = "debug-stage control: sleeps in atomic context")]
internal struct SleepMod : IKernelModule<SleepMod>
{
#pragma warning disable KC1006 // the point of this control: a sleeping kernel call from managed code
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "msleep")]
    private static extern void Msleep(uint milliseconds);
#pragma warning restore KC1006

    public static Result<SleepMod> Init(CStr name, ThisModule module)
    {
        Printk.Info("sleeping inside the FPU section");
        Msleep(1);
        return new SleepMod();
    }

    public void Dispose() { }
}
