using Kernel;

namespace KernelModule1;

[Module(Name = "KERNEL_MODULE_NAME", Author = "KERNEL_MODULE_AUTHOR", Description = "A Linux kernel module in C#", License = "GPL")]
internal struct KernelModule : IKernelModule<KernelModule>
{
    public static Result<KernelModule> Init(CStr name, ThisModule module)
    {
        Printk.Info($"Hello from {name}!");
        return new KernelModule();
    }

    public void Dispose() => Printk.Info("Goodbye.");
}
