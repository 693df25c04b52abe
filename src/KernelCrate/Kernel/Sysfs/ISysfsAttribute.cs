using System;

namespace Kernel;

/// <summary>
/// The state of a sysfs attribute of a device and its text: <see cref="Show"/> writes what a read returns into a page
/// (<see cref="PageText"/> formats into it). A type that also implements <see cref="ISysfsStore"/> is writable. Both
/// run in process context and may sleep; they may run at the same time as the module's other code, so keep what
/// changes in atomics or a <see cref="Mutex{T}"/>. Mark the type <c>[SysfsAttribute]</c> and <c>partial</c>: the
/// generator writes the dispatch C calls into.
/// </summary>
public interface ISysfsAttribute<TSelf> : IDisposable where TSelf : unmanaged, ISysfsAttribute<TSelf>
{
    /// <summary>Writes the attribute's text into <paramref name="page"/>, one page; returns how many bytes it wrote.</summary>
    Result<int> Show(Span<byte> page);

    /// <summary>The number C names this type by; [SysfsAttribute] generates it (0: the type was not marked).</summary>
    static virtual uint SysfsKind => 0;

    /// <summary>Whether the type implements <see cref="ISysfsStore"/>; [SysfsAttribute] generates it.</summary>
    static virtual bool SysfsWritable => false;
}

/// <summary>A write to a sysfs attribute: one write(2) of at most a page (the kernel cuts a longer one), as text.</summary>
public interface ISysfsStore
{
    /// <summary>Parses <paramref name="text"/> (what user space wrote, newline and all): an error fails the write
    /// with it (EINVAL for text that does not parse, ERANGE for a number out of range).</summary>
    Result Store(ReadOnlySpan<byte> text);
}

/// <summary>Generates the dispatch of a sysfs attribute's type (<see cref="ISysfsAttribute{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class SysfsAttributeAttribute : Attribute
{
}
