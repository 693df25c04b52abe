using System;

namespace Kernel;

/// <summary>
/// Declares a module parameter (Rust's <c>module!</c> <c>params:</c>, C's <c>module_param</c>) on a
/// <c>static partial</c> get-only property: <c>insmod m.ko name=value</c> sets it, <c>modinfo</c> shows its
/// description and type, and with <see cref="Permissions"/> it appears in /sys/module/&lt;module&gt;/parameters.
/// The generator implements the property as an allocation-free read of the value the kernel parsed.
/// Types: bool, byte, short, ushort, int, uint, long, ulong, nint, nuint, <see cref="CStr"/>, and
/// <c>ReadOnlySpan&lt;T&gt;</c> of the numeric types and bool (an array parameter: "1,2,3").
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ModuleParameterAttribute : Attribute
{
    /// <summary>The name on the insmod command line and in sysfs; by default the property's name in snake_case.</summary>
    public string Name { get; set; }
    /// <summary>The value when insmod does not set it: a constant of the property's type (an array for an array parameter).</summary>
    public object Default { get; set; }
    /// <summary>What <c>modinfo</c> shows for it (<c>parm=</c>).</summary>
    public string Description { get; set; }
    /// <summary>Its mode in sysfs; <see cref="ParameterPermissions.None"/> (the default) keeps it out of sysfs.</summary>
    public ParameterPermissions Permissions { get; set; }
    /// <summary>For an array parameter: how many values it holds at most.</summary>
    public int MaxLength { get; set; }
}

/// <summary>The sysfs mode of a module parameter, checked at compile time as the kernel checks it (no world-writable mode).</summary>
[Flags]
public enum ParameterPermissions
{
    /// <summary>Not in sysfs.</summary>
    None = 0,
    OthersRead = 0x004,
    OthersWrite = 0x002,
    GroupRead = 0x020,
    GroupWrite = 0x010,
    OwnerRead = 0x100,
    OwnerWrite = 0x080,
    /// <summary>0444: everyone may read it in sysfs, nobody may change it after insmod.</summary>
    ReadOnly = OwnerRead | GroupRead | OthersRead,
    /// <summary>0644: root may change it through sysfs while the module runs.</summary>
    ReadWrite = ReadOnly | OwnerWrite,
}

/// <summary>Written by the parameter generator, one per parameter: what the kernel build turns into module_param.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ModuleParameterInfoAttribute : Attribute
{
    /// <param name="name">The parameter's name, a C identifier.</param>
    /// <param name="type">The kernel's parameter type: bool, byte, short, ushort, int, uint, long, ulong, charp.</param>
    /// <param name="permissions">The sysfs mode (0: none).</param>
    /// <param name="defaults">The default values as C constants (none, one, or an array's).</param>
    /// <param name="description">The modinfo description, or null.</param>
    /// <param name="maxLength">0 for a single value, else the array's capacity.</param>
    public ModuleParameterInfoAttribute(string name, string type, int permissions, string[] defaults, string description, int maxLength) { }
}
