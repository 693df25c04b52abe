using System;

namespace Kernel;

/// <summary>
/// The state of one open file of a misc device (Rust-for-Linux's <c>MiscDevice</c>): <see cref="Open"/> makes it when
/// a process opens <c>/dev/&lt;name&gt;</c>, <see cref="IDisposable.Dispose"/> runs on the last close. The type also
/// implements <see cref="IDeviceRead"/>, <see cref="IDeviceWrite"/> and <see cref="IDeviceIoctl"/> for the operations
/// it supports; the others are absent from the kernel's file_operations, so they fail as the kernel's own do (EINVAL
/// for read and write, ENOTTY for ioctl). Mark it
/// <c>[MiscDevice]</c> and <c>partial</c>: the generator writes the dispatch C calls into (no function pointer).
/// The operations of one open file may run at the same time on several CPUs: keep what changes in a
/// <see cref="Mutex{T}"/>. Every operation runs in process context and may sleep.
/// </summary>
public interface IMiscDevice<TSelf> : IDisposable where TSelf : unmanaged, IMiscDevice<TSelf>
{
    /// <summary>Called on open; an error fails the open(2) with it.</summary>
    static abstract Result<TSelf> Open(MiscDevice device);

    /// <summary>The number C names this type by; [MiscDevice] generates it (0: the type was not marked).</summary>
    static virtual uint FileOperationsKind => 0;

    /// <summary>Which optional operations the type implements, as C's KC_OP_* bits; [MiscDevice] generates it. C leaves
    /// the others NULL in the device's file_operations, so the kernel's own default answers.</summary>
    static virtual uint FileOperations => 0;
}

/// <summary>read(2) on an open file: copy up to <see cref="UserSliceWriter.Length"/> bytes out and advance the position.</summary>
public interface IDeviceRead
{
    /// <summary>Returns the number of bytes written to <paramref name="destination"/> (0 at end of file).</summary>
    Result<nint> Read(UserSliceWriter destination, ref long position);
}

/// <summary>write(2) on an open file.</summary>
public interface IDeviceWrite
{
    /// <summary>Returns the number of bytes taken from <paramref name="source"/>.</summary>
    Result<nint> Write(UserSliceReader source, ref long position);
}

/// <summary>ioctl(2) on an open file, from 64-bit and (with the argument widened) 32-bit processes.</summary>
public interface IDeviceIoctl
{
    /// <summary>ENOTTY for a command the device does not know. <paramref name="argument"/> is often a user address:
    /// <c>new UserSlice(argument, IoctlNumber.Size(command))</c>.</summary>
    Result<nint> Ioctl(uint command, nuint argument);
}

/// <summary>Generates the file-operation dispatch for a misc device's open-file type (Rust-for-Linux's #[vtable]).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class MiscDeviceAttribute : Attribute
{
}
