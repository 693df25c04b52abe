using System;

namespace Kernel;

/// <summary>
/// The state of a debugfs file and its text (Rust-for-Linux's debugfs <c>File&lt;T&gt;</c> with its <c>Writer</c>):
/// <see cref="Show"/> writes what a read of the file returns. A type that also implements
/// <see cref="IDebugfsStore"/> is writable. Both run in process context and may sleep; they may run at the same time
/// as the module's other code, so keep what changes in atomics or a <see cref="Mutex{T}"/>. Mark the type
/// <c>[DebugfsFile]</c> and <c>partial</c>: the generator writes the dispatch C calls into.
/// </summary>
public interface IDebugfsFile<TSelf> : IDisposable where TSelf : unmanaged, IDebugfsFile<TSelf>
{
    /// <summary>Writes the file's text (a read of it returns what this wrote, at the read's offset).</summary>
    Result Show(ref SeqWriter writer);

    /// <summary>The number C names this type by; [DebugfsFile] generates it (0: the type was not marked).</summary>
    static virtual uint DebugfsKind => 0;

    /// <summary>Whether the type implements <see cref="IDebugfsStore"/>; [DebugfsFile] generates it.</summary>
    static virtual bool DebugfsWritable => false;
}

/// <summary>A write to a debugfs file (Rust's <c>Reader</c>): one write(2) of less than a page, as text.</summary>
public interface IDebugfsStore
{
    /// <summary>Parses <paramref name="text"/> (what user space wrote, whitespace and all): an error fails the
    /// write with it (EINVAL for text that does not parse, ERANGE for a number out of range).</summary>
    Result Store(ReadOnlySpan<byte> text);
}

/// <summary>Generates the dispatch of a debugfs file's type (<see cref="IDebugfsFile{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class DebugfsFileAttribute : Attribute
{
}
