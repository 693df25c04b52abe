using System;
using Kernel;

namespace OxiMod;

[Module(Name = "oximod", Author = "The Man from Ox", Description = "Oxidize the Kernel", License = "GPL")]
internal struct OxiMod : IKernelModule<OxiMod>
{
    private Sysctl<AtomicBool> _sysctl;

    public static Result<OxiMod> Init(CStr name, ThisModule module)
    {
        Printk.Info($"Hello world, I am {name}!");

        Result<Sysctl<AtomicBool>> sysctl = Sysctl<AtomicBool>.Register(
            CStr.Literal("example"), CStr.Literal("atom"), new AtomicBool(false), SysctlMode.ReadWrite);
        if (!sysctl.TryGetValue(out Sysctl<AtomicBool> registered)) return sysctl.Error;

        return new OxiMod { _sysctl = registered };
    }

    public void Dispose()
    {
        _sysctl.Dispose();
        Printk.Info("Bye!");
    }
}
