using System;
using Kernel;

/// <summary>
/// The misc device /dev/kc-sysfs with three attributes in /sys/class/misc/kc-sysfs: <c>value</c>, a number up to
/// 1000 root may write (it shows how many writes stored one), and the read-only <c>greeting</c>. With <c>forget=1</c> it also makes
/// <c>left</c> and never disposes it: the misc device's deregistration must remove it (with an error) before the
/// device goes, and unloading must free it.
/// </summary>
[Module(Name = "sysfsmod", License = "GPL", Description = "sysfs attributes on a misc device")]
internal partial struct SysfsMod : IKernelModule<SysfsMod>
{
    [ModuleParameter(Default = false, Description = "Leave the attribute 'left' undisposed", Permissions = ParameterPermissions.ReadOnly)]
    private static partial bool Forget { get; }

    private MiscDeviceRegistration<Node> _device;
    private SysfsAttribute<Value> _value;
    private SysfsAttribute<Greeting> _greeting;

    public static Result<SysfsMod> Init(CStr name, ThisModule module)
    {
        var mod = new SysfsMod();
        Result<MiscDeviceRegistration<Node>> device = MiscDeviceRegistration<Node>.Register(new MiscDeviceOptions { Name = CStr.Literal("kc-sysfs") });
        if (!device.TryGetValue(out mod._device)) return device.Error;
        Device dev = mod._device.Device.Device;
        Result<SysfsAttribute<Value>> value = SysfsAttribute<Value>.TryCreate(dev, CStr.Literal("value"), new Value());
        if (!value.TryGetValue(out mod._value))
        {
            mod._device.Dispose();
            return value.Error;
        }
        Result<SysfsAttribute<Greeting>> greeting = SysfsAttribute<Greeting>.TryCreate(dev, CStr.Literal("greeting"), new Greeting { Minor = mod._device.Device.Minor });
        if (!greeting.TryGetValue(out mod._greeting))
        {
            mod._value.Dispose();
            mod._device.Dispose();
            return greeting.Error;
        }
        if (Forget)
        {
            Result<SysfsAttribute<Greeting>> left = SysfsAttribute<Greeting>.TryCreate(dev, CStr.Literal("left"), new Greeting { Minor = -1 });
            if (left.IsError)
            {
                mod.Dispose();
                return left.Error;
            }
        }
        Printk.Info("attributes made");
        return mod;
    }

    public void Dispose()
    {
        _greeting.Dispose();
        _value.Dispose();
        _device.Dispose();
    }
}

/// <summary>A number 0-1000 and how many writes stored one: a write that does not parse is EINVAL (TextParser's
/// error), one past 1000 ERANGE.</summary>
[SysfsAttribute]
internal partial struct Value : ISysfsAttribute<Value>, ISysfsStore
{
    private AtomicI32 _value, _stores;

    public Result<int> Show(Span<byte> page) => PageText.Print(page, $"{_value.Load()} after {_stores.Load()} stores\n");

    public Result Store(ReadOnlySpan<byte> text)
    {
        Result<uint> parsed = TextParser.ParseU32(text);
        if (!parsed.TryGetValue(out uint number)) return parsed.Error;
        if (number > 1000) return Errno.ERANGE;
        _value.Store((int)number);
        _stores.FetchAdd(1);
        return Result.Ok;
    }

    public void Dispose() => Printk.Info("value disposed");
}

[SysfsAttribute]
internal partial struct Greeting : ISysfsAttribute<Greeting>
{
    internal int Minor;

    public Result<int> Show(Span<byte> page) => PageText.Print(page, $"hello from minor {Minor}\n");

    public void Dispose() => Printk.Info("greeting disposed");
}

[MiscDevice]
internal partial struct Node : IMiscDevice<Node>
{
    public static Result<Node> Open(MiscDevice device) => new Node();
    public void Dispose() { }
}
