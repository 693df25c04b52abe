namespace Kernel;

/// <summary>A registered misc device as its file operations see it: its <see cref="Device"/> and minor number.</summary>
public readonly unsafe struct MiscDevice
{
    private readonly void* _handle;

    internal MiscDevice(void* handle) => _handle = handle;

    /// <summary>The device (misc class) that dev_* printing names: "misc &lt;name&gt;: ...".</summary>
    public Device Device => new(Native.MiscdevDevice(_handle));

    /// <summary>The minor number the kernel gave it (the major is 10).</summary>
    public int Minor => Native.MiscdevMinor(_handle);
}
