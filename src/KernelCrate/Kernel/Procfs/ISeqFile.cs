using System;

namespace Kernel;

/// <summary>
/// The records a <see cref="ProcSeqFile{T}"/> shows, one per line or block (a seq_file's start/next/show/stop, as
/// indexes): <see cref="Count"/> and <see cref="Show"/> run with the file's mutex held, so the records cannot change
/// during a chunk of a read; the module changes them through <see cref="ProcSeqFile{T}.Lock"/>. Both run in process
/// context and may sleep. Mark the type <c>[SeqFile]</c> and <c>partial</c>: the generator writes the dispatch C
/// calls into.
/// </summary>
public interface ISeqFile<TSelf> : IDisposable where TSelf : unmanaged, ISeqFile<TSelf>
{
    /// <summary>How many records there are now.</summary>
    long Count { get; }

    /// <summary>Writes record <paramref name="index"/> (0 to Count - 1).</summary>
    Result Show(ref SeqWriter writer, long index);

    /// <summary>The number C names this type by; [SeqFile] generates it (0: the type was not marked).</summary>
    static virtual uint SeqFileKind => 0;
}

/// <summary>Generates the dispatch of a /proc file's records type (<see cref="ISeqFile{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class SeqFileAttribute : Attribute
{
}
