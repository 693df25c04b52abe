using System;

namespace Kernel;

/// <summary>Declares a kernel module (Rust-for-Linux's <c>module!</c>); the generator reads it at compile time.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ModuleAttribute : Attribute
{
    /// <summary>The module's name: a C identifier (dashes become underscores), at most 55 bytes.</summary>
    public string Name { get; set; }
    public string Author { get; set; }
    public string[] Authors { get; set; }
    public string Description { get; set; }
    /// <summary>One of the kernel's licenses: "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL", "Proprietary".</summary>
    public string License { get; set; }
    public string[] Alias { get; set; }
    public string[] Firmware { get; set; }
}

/// <summary>Written by the [Module] generator: the module name and its .modinfo entries, read by the kernel build.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleInfoAttribute : Attribute
{
    public ModuleInfoAttribute(string name, params string[] entries) { }
}

/// <summary>Written by the device-table generators ([PciDriver]): one <c>alias=</c> .modinfo entry, as modpost writes
/// for MODULE_DEVICE_TABLE, so udev loads the module when a matching device appears.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ModuleAliasInfoAttribute : Attribute
{
    public ModuleAliasInfoAttribute(string alias) { }
}
