using System;
using Kernel;

namespace PanicMod;

/// <summary>Indexes out of bounds in Init: the kernel must log "panicked at", a kernel BUG and a C# frame.</summary>
[Module(Name = "panicmod", Description = "KernelCrate panic-path test", License = "GPL")]
internal struct PanicMod : IKernelModule<PanicMod>
{
    public static Result<PanicMod> Init(CStr name, ThisModule module)
    {
        Span<int> values = stackalloc int[4];
        int index = name.Length - 4; // "panicmod" is 8 bytes: index 4, one past the end
        Printk.Info($"about to read index {index} of {values.Length}");
        values[index] = 1;
        return new PanicMod();
    }

    public void Dispose() { }
}
