// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_minimal.rs: the same module name, parameter and log lines;
// the parameter is also readable in /sys/module/rust_minimal/parameters (upstream's is not in sysfs).
using Kernel;

[Module(Name = "rust_minimal", Authors = new[] { "Rust for Linux Contributors" }, Description = "Rust minimal sample", License = "GPL")]
internal partial struct RustMinimal : IKernelModule<RustMinimal>
{
    [ModuleParameter(Default = 1, Description = "This parameter has a default of 1", Permissions = ParameterPermissions.ReadOnly)]
    internal static partial long TestParameter { get; }

    /// <summary>Rust's <c>!cfg!(MODULE)</c>: a KernelCrate module is always a loadable .ko.</summary>
    private const bool BuiltIn = false;

    private KVec<int> _numbers;

    public static Result<RustMinimal> Init(CStr name, ThisModule module)
    {
        Printk.Info("Rust minimal sample (init)");
        Printk.Info($"Am I built-in? {BuiltIn}");
        Printk.Info($"test_parameter: {TestParameter}");

        var numbers = new KVec<int>(Gfp.Kernel);
        Result pushed = numbers.TryPush(72);
        if (pushed.IsOk) pushed = numbers.TryPush(108);
        if (pushed.IsOk) pushed = numbers.TryPush(200);
        if (!pushed.IsOk)
        {
            numbers.Dispose();
            return pushed.Error;
        }
        return new RustMinimal { _numbers = numbers };
    }

    public void Dispose()
    {
        Printk.Info($"My numbers are {_numbers:?}");
        Printk.Info("Rust minimal sample (exit)");
        _numbers.Dispose();
    }
}
