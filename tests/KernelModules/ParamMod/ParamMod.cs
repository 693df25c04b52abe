using System;
using Kernel;

[Module(Name = "parammod", License = "GPL", Description = "A module parameter of every supported type")]
internal partial struct ParamMod : IKernelModule<ParamMod>
{
    [ModuleParameter(Default = true, Description = "A bool root may change", Permissions = ParameterPermissions.ReadWrite)]
    private static partial bool Flag { get; }
    [ModuleParameter(Default = 200, Description = "Not in sysfs")]
    private static partial byte Small { get; }
    [ModuleParameter(Name = "short", Default = -5, Permissions = ParameterPermissions.ReadOnly)]
    private static partial short ShortValue { get; }
    [ModuleParameter(Default = 65535, Permissions = ParameterPermissions.ReadOnly)]
    private static partial ushort Wide { get; }
    [ModuleParameter(Default = int.MinValue, Permissions = ParameterPermissions.ReadWrite)]
    private static partial int Count { get; }
    [ModuleParameter(Default = uint.MaxValue, Permissions = ParameterPermissions.ReadOnly)]
    private static partial uint Mask { get; }
    [ModuleParameter(Default = long.MinValue, Permissions = ParameterPermissions.ReadOnly)]
    private static partial long Offset { get; }
    [ModuleParameter(Default = ulong.MaxValue, Permissions = ParameterPermissions.ReadOnly)]
    private static partial ulong Limit { get; }
    [ModuleParameter(Default = -1)]
    private static partial nint Delta { get; }
    [ModuleParameter(Default = 7)]
    private static partial nuint Size { get; }
    [ModuleParameter(Default = "dflt", Description = "A string", Permissions = ParameterPermissions.ReadOnly)]
    private static partial CStr Label { get; }
    [ModuleParameter(Default = new[] { 1, 2, 3 }, MaxLength = 4, Permissions = ParameterPermissions.ReadOnly)]
    private static partial ReadOnlySpan<int> Levels { get; }
    [ModuleParameter(MaxLength = 2)]
    private static partial ReadOnlySpan<ulong> Extra { get; }

    public static Result<ParamMod> Init(CStr name, ThisModule module)
    {
        Show("init");
        return new ParamMod();
    }

    public void Dispose() => Show("exit");

    private static void Show(string when)
    {
        Printk.Info($"{when} flag={Flag} small={Small} short={ShortValue} wide={Wide} count={Count} mask={Mask:#x}");
        Printk.Info($"{when} offset={Offset} limit={Limit} delta={Delta} size={Size} label={Label:?} levels={Levels} extra={Extra}");
    }
}
