using System;

namespace Kernel;

/// <summary>
/// A platform driver's state for one bound device (Rust-for-Linux's <c>platform::Driver</c>): <see cref="Probe"/>
/// binds a device that firmware describes with one of the type's <see cref="AcpiDeviceIdAttribute"/>s (an ACPI
/// _HID) or <see cref="OfDeviceIdAttribute"/>s (a devicetree compatible), or one named as the driver;
/// <see cref="IDisposable.Dispose"/> runs when it is unbound. Mark it <c>[PlatformDriver]</c> and <c>partial</c>:
/// the generator writes the dispatch C calls into, the match tables and the module's <c>alias=acpi*:...</c> and
/// <c>alias=of:...</c> lines. Both run in process context and may sleep.
/// </summary>
public interface IPlatformDriver<TSelf> : IDisposable where TSelf : unmanaged, IPlatformDriver<TSelf>
{
    /// <summary>Binds <paramref name="device"/>; <paramref name="match"/> holds the matching id's info, if an id matched.</summary>
    static abstract Result<TSelf> Probe(PlatformDevice device, PlatformMatch match);

    /// <summary>The number C names this type by; [PlatformDriver] generates it (0: the type was not marked).</summary>
    static virtual uint PlatformDriverKind => 0;

    /// <summary>The ACPI ids, 16 bytes of _HID (NUL-padded) and a little-endian u32 info each; generated.</summary>
    static virtual ReadOnlySpan<byte> AcpiIdTable => default;

    /// <summary>The OF ids, 128 bytes of compatible (NUL-padded) and a little-endian u32 info each; generated.</summary>
    static virtual ReadOnlySpan<byte> OfIdTable => default;
}

/// <summary>Generates the dispatch, the match tables and the module aliases of a platform driver type (<see cref="IPlatformDriver{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class PlatformDriverAttribute : Attribute
{
}

/// <summary>An ACPI hardware id (_HID) a [PlatformDriver] type binds, e.g. "LNUXBEEF" (the kernel's acpi_device_id).</summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class AcpiDeviceIdAttribute : Attribute
{
    public AcpiDeviceIdAttribute(string id) { }

    /// <summary>What Probe is told for this id (Rust's IdInfo; the kernel's driver_data).</summary>
    public uint Info { get; set; }
}

/// <summary>A devicetree compatible a [PlatformDriver] type binds, e.g. "test,rust-device" (the kernel's of_device_id).</summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class OfDeviceIdAttribute : Attribute
{
    public OfDeviceIdAttribute(string compatible) { }

    /// <summary>What Probe is told for this id (the kernel's of_device_id data).</summary>
    public uint Info { get; set; }
}

/// <summary>How a platform device matched its driver: the matching ACPI or OF id's info, or none (bound by name).</summary>
public readonly struct PlatformMatch
{
    private readonly uint _info;
    private readonly bool _matched;

    internal PlatformMatch(uint info, bool matched)
    {
        _info = info;
        _matched = matched;
    }

    /// <summary>Rust's <c>Option&lt;&amp;IdInfo&gt;</c>: false when no id table matched.</summary>
    public bool TryGetInfo(out uint info)
    {
        info = _info;
        return _matched;
    }
}
