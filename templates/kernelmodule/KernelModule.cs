using System;
using Kernel;

// The [KernelTest]s in Tests/ call the module's internal code.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("KERNEL_MODULE_PROJECT.Tests")]

namespace KernelModule1;

[Module(Name = "KERNEL_MODULE_NAME", Author = "KERNEL_MODULE_AUTHOR", Description = "A Linux kernel module in C#", License = "GPL")]
internal struct KernelModule : IKernelModule<KernelModule>
{
    public static Result<KernelModule> Init(CStr name, ThisModule module)
    {
        Result<KVec<byte>> hello = Greeting.For(name);
        if (!hello.TryGetValue(out KVec<byte> text)) return hello.Error;
        Printk.Info($"{(ReadOnlySpan<byte>)text}");
        text.Dispose();
        return new KernelModule();
    }

    public void Dispose() => Printk.Info("Goodbye.");
}

/// <summary>The module's logic, apart from Init, so that the [KernelTest]s in Tests/ can call it in the kernel.</summary>
internal static class Greeting
{
    /// <summary>"Hello from NAME!" in UTF-8, in memory the caller frees (a kernel allocation may fail: ENOMEM).</summary>
    internal static Result<KVec<byte>> For(CStr name)
    {
        ReadOnlySpan<byte> before = "Hello from "u8, after = "!"u8;
        Result<KVec<byte>> made = KVec<byte>.TryWithCapacity(before.Length + name.Length + after.Length);
        if (!made.TryGetValue(out KVec<byte> text)) return made.Error;
        // The capacity is reserved: these pushes cannot fail.
        foreach (byte b in before) text.TryPush(b);
        foreach (byte b in name.AsBytes()) text.TryPush(b);
        foreach (byte b in after) text.TryPush(b);
        return text;
    }
}
