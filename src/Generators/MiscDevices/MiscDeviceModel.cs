namespace Kernel.Generators.MiscDevices;

/// <summary>What the emitter needs of a valid [MiscDevice] type: its names and which file operations it implements.</summary>
internal sealed record MiscDeviceModel(
    string FullName, string? Namespace, string Name, bool IsReadOnly, bool HasRead, bool HasWrite, bool HasIoctl);
