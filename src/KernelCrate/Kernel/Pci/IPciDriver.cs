using System;

namespace Kernel;

/// <summary>
/// A PCI driver's state for one bound device (Rust-for-Linux's <c>pci::Driver</c>): <see cref="Probe"/> binds a device
/// that matches one of the type's <see cref="PciDeviceIdAttribute"/>s, <see cref="IDisposable.Dispose"/> runs when it
/// is unbound (the driver unregistered, the device removed). Mark it <c>[PciDriver]</c> and <c>partial</c>: the
/// generator writes the dispatch C calls into, the id table and the module's <c>alias=pci:...</c> lines, so udev
/// loads the module when the device appears. Both run in process context and may sleep. What a probe took from the
/// device (its enabling, its mapped BARs) C gives back after Dispose, or at once when the probe fails.
/// </summary>
public interface IPciDriver<TSelf> : IDisposable where TSelf : unmanaged, IPciDriver<TSelf>
{
    /// <summary>Binds <paramref name="device"/>; <paramref name="info"/> is the matching id's <see cref="PciDeviceIdAttribute.Info"/>.
    /// An error leaves the device unbound (and the kernel tries the next driver).</summary>
    static abstract Result<TSelf> Probe(PciDevice device, uint info);

    /// <summary>The number C names this type by; [PciDriver] generates it (0: the type was not marked).</summary>
    static virtual uint PciDriverKind => 0;

    /// <summary>The ids, seven little-endian u32 each (vendor, device, subvendor, subdevice, class, class mask,
    /// info; 0xffffffff: any); [PciDriver] generates it from the [PciDeviceId]s.</summary>
    static virtual ReadOnlySpan<byte> PciIdTable => default;
}

/// <summary>Generates the dispatch, the id table and the module aliases of a PCI driver type (<see cref="IPciDriver{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class PciDriverAttribute : Attribute
{
}

/// <summary>
/// A device a [PciDriver] type binds (the kernel's <c>PCI_DEVICE(vendor, device)</c>), at least one per driver; the
/// subsystem ids narrow the match (any when left out).
/// </summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class PciDeviceIdAttribute : Attribute
{
    public PciDeviceIdAttribute(ushort vendor, ushort device) { }

    /// <summary>The subsystem vendor to match; any when left out.</summary>
    public int SubVendor { get; set; } = -1;

    /// <summary>The subsystem device to match; any when left out.</summary>
    public int SubDevice { get; set; } = -1;

    /// <summary>What <see cref="IPciDriver{TSelf}.Probe"/> is told for this id (Rust's IdInfo; the kernel's driver_data).</summary>
    public uint Info { get; set; }
}
