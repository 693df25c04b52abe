using System;
using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;

namespace Kernel.Generators.Pci;

/// <summary>One [PciDeviceId]: the kernel's pci_device_id fields, 0xffffffff for any.</summary>
internal readonly record struct PciIdModel(uint Vendor, uint Device, uint SubVendor, uint SubDevice, uint Info)
{
    public const uint Any = 0xffffffff;

    /// <summary>The id as modpost's file2alias writes it for MODULE_DEVICE_TABLE(pci, ...): pci:v%08Xd%08Xsv..sd..bc*sc*i*.</summary>
    public string Alias => "pci:" + Field("v", Vendor) + Field("d", Device) + Field("sv", SubVendor) + Field("sd", SubDevice) + "bc*sc*i*";

    private static string Field(string name, uint value) => name + (value == Any ? "*" : value.ToString("X8"));

    /// <summary>The seven little-endian u32 kc_pci_register reads: vendor, device, subvendor, subdevice, class, class mask, info.</summary>
    public uint[] Words => new[] { Vendor, Device, SubVendor, SubDevice, 0u, 0u, Info };
}

internal sealed record PciDriverModel(CallbackTypeModel Type, EquatableArray<PciIdModel> Ids);
