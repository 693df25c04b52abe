using Kernel;

namespace FailMod;

/// <summary>
/// Init registers a sysctl, then fails with ENODEV and releases it: insmod must fail with "No such device", leave
/// no /proc/sys/failmod behind, never run Dispose, and the module must load again afterwards (nothing half-registered).
/// </summary>
[Module(Name = "failmod", Description = "KernelCrate failed-init test", License = "GPL")]
internal struct FailMod : IKernelModule<FailMod>
{
    public static Result<FailMod> Init(CStr name, ThisModule module)
    {
        Result<Sysctl<AtomicBool>> registered = Sysctl<AtomicBool>.Register(
            CStr.Literal("failmod"), CStr.Literal("flag"), new AtomicBool(false), SysctlMode.ReadWrite);
        if (!registered.TryGetValue(out Sysctl<AtomicBool> sysctl)) return registered.Error;
        Printk.Info("registered, now failing with ENODEV");
        sysctl.Dispose();
        return Errno.ENODEV;
    }

    public void Dispose() => Printk.Err("Dispose ran after a failed Init");
}
