namespace Kernel;

/// <summary>A platform device bound to a [PlatformDriver] type, valid from its Probe to its Dispose
/// (Rust-for-Linux's <c>platform::Device</c>): its <see cref="Device"/> for dev_* printing.</summary>
public readonly unsafe struct PlatformDevice
{
    private readonly void* _handle;

    internal PlatformDevice(void* handle) => _handle = handle;

    /// <summary>The device dev_* printing names: "&lt;driver&gt; LNUXBEEF:00: ...".</summary>
    public Device Device
    {
        get
        {
            if (_handle == null) Panic.Fail("PlatformDevice used outside its driver's Probe and Dispose"u8);
            return new Device(Native.PlatformDev(_handle));
        }
    }
}
