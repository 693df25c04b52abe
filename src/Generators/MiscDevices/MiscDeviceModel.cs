using Kernel.Generators.Callbacks;

namespace Kernel.Generators.MiscDevices;

/// <summary>What the emitter needs of a valid [MiscDevice] type: its names and which file operations it implements.</summary>
internal sealed record MiscDeviceModel(CallbackTypeModel Type, bool HasRead, bool HasWrite, bool HasIoctl);
