using System;
using Kernel;

/// <summary>
/// A control for the debug stage: clears 32 bytes of a 16-byte allocation through unsafe code. The clear is a call to
/// the kernel's memset, which KASAN checks (managed stores themselves are not instrumented), so KASAN must report it.
/// </summary>
[Module(Name = "kasanmod", License = "GPL", Description = "debug-stage control: an out-of-bounds write")]
internal unsafe struct KasanMod : IKernelModule<KasanMod>
{
    public static Result<KasanMod> Init(CStr name, ThisModule module)
    {
        Result<KVec<byte>> created = KVec<byte>.TryWithCapacity(16);
        if (!created.TryGetValue(out KVec<byte> bytes)) return created.Error;
        for (int i = 0; i < 16; i++)
            if (bytes.TryPush((byte)i).IsError) { bytes.Dispose(); return Errno.ENOMEM; }
        Printk.Info("clearing 32 bytes of a 16-byte allocation");
        fixed (byte* start = bytes.AsSpan()) new Span<byte>(start, 32).Clear();
        bytes.Dispose();
        return new KasanMod();
    }

    public void Dispose() { }
}
