using System;
using Kernel;

[Module(Name = "opsmod", License = "GPL", Description = "A misc device that implements read and nothing else")]
internal struct OpsMod : IKernelModule<OpsMod>
{
    private MiscDeviceRegistration<ReadOnlyFile> _device;

    public static Result<OpsMod> Init(CStr name, ThisModule module)
    {
        Result<MiscDeviceRegistration<ReadOnlyFile>> device =
            MiscDeviceRegistration<ReadOnlyFile>.Register(new MiscDeviceOptions { Name = CStr.Literal("kc-readonly"), Mode = 0x1b6 });
        if (device.IsError) return device.Error;
        return new OpsMod { _device = device.Value };
    }

    public void Dispose() => _device.Dispose();
}

/// <summary>No write and no ioctl: the kernel answers them (EINVAL, ENOTTY) without entering managed code.</summary>
[MiscDevice]
internal partial struct ReadOnlyFile : IMiscDevice<ReadOnlyFile>, IDeviceRead
{
    public static Result<ReadOnlyFile> Open(MiscDevice device) => new ReadOnlyFile();

    public Result<nint> Read(UserSliceWriter destination, ref long position)
        => destination.ReadFromBuffer(ref position, "read only\n"u8);

    public void Dispose() { }
}
