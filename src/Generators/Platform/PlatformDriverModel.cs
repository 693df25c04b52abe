using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;

namespace Kernel.Generators.Platform;

/// <summary>One [AcpiDeviceId] or [OfDeviceId]: the id string and its info.</summary>
internal readonly record struct PlatformIdModel(string Id, uint Info);

internal sealed record PlatformDriverModel(CallbackTypeModel Type, EquatableArray<PlatformIdModel> Acpi, EquatableArray<PlatformIdModel> Of)
{
    /// <summary>modpost's file2alias spelling of MODULE_DEVICE_TABLE(acpi, ...) for an ACPI _HID.</summary>
    public static string AcpiAlias(string id) => "acpi*:" + id + ":*";

    /// <summary>file2alias's two aliases of an OF compatible (no name or type given), spaces as underscores.</summary>
    public static string[] OfAliases(string compatible)
    {
        string alias = "of:N*T*C" + compatible.Replace(' ', '_');
        return new[] { alias, alias + "C*" };
    }
}
