namespace Kernel;

/// <summary>The kernel's <c>struct module *</c> of this module (THIS_MODULE).</summary>
public readonly unsafe struct ThisModule
{
    private readonly void* _module;

    public ThisModule(void* module) => _module = module;

    public void* Pointer => _module;
}
