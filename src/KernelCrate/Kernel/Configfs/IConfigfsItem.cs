using System;

namespace Kernel;

/// <summary>
/// The state of a configfs directory and its attribute files (Rust-for-Linux's configfs <c>AttributeOperations</c>):
/// the type's <see cref="ConfigfsAttributeAttribute"/>s name the files, in order, and <see cref="Show"/> writes the
/// text of the one at that index. A type with a writable attribute implements <see cref="IConfigfsStore"/>; a type
/// whose directory takes <c>mkdir</c> implements <see cref="IConfigfsGroup{TSelf, TChild}"/>. Both run in process
/// context and may sleep, and may run at the same time as each other and the module's code: keep what changes in
/// atomics or a <see cref="Mutex{T}"/>. <see cref="IDisposable.Dispose"/> runs when the directory is gone and its
/// last open file closed. Mark the type <c>[ConfigfsItem]</c> and <c>partial</c>: the generator writes the dispatch
/// C calls into.
/// </summary>
public interface IConfigfsItem<TSelf> : IDisposable where TSelf : unmanaged, IConfigfsItem<TSelf>
{
    /// <summary>Writes the text of attribute <paramref name="attribute"/> (its index among the type's
    /// [ConfigfsAttribute]s) into <paramref name="page"/>, one page; returns how many bytes it wrote.</summary>
    Result<int> Show(int attribute, Span<byte> page);

    /// <summary>The number C names this type by; [ConfigfsItem] generates it (0: the type was not marked).</summary>
    static virtual uint ConfigfsKind => 0;

    /// <summary>The attributes' names and modes and whether the directory takes mkdir, as C reads them; [ConfigfsItem] generates it.</summary>
    static virtual ReadOnlySpan<byte> ConfigfsTable => default;
}

/// <summary>A configfs directory that takes <c>mkdir</c> (Rust's <c>GroupOperations</c>): each new directory is a
/// <typeparamref name="TChild"/> this makes.</summary>
public interface IConfigfsGroup<TSelf, TChild> : IConfigfsItem<TSelf>
    where TSelf : unmanaged, IConfigfsGroup<TSelf, TChild> where TChild : unmanaged, IConfigfsItem<TChild>
{
    /// <summary>The state of the directory <paramref name="name"/> user space is making; an error fails its mkdir.</summary>
    Result<TChild> MakeGroup(CStr name);
}

/// <summary>A write to a configfs attribute declared <c>Writable</c>: one write(2), as text of less than a page.</summary>
public interface IConfigfsStore
{
    /// <summary>Takes <paramref name="text"/> for attribute <paramref name="attribute"/>: an error fails the write
    /// with it (EINVAL for text that does not parse).</summary>
    Result Store(int attribute, ReadOnlySpan<byte> text);
}

/// <summary>Generates the dispatch of a configfs directory's type (<see cref="IConfigfsItem{TSelf}"/>).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class ConfigfsItemAttribute : Attribute
{
}

/// <summary>An attribute file of a [ConfigfsItem] type's directory, 0444 (0644 when <see cref="Writable"/>); its
/// index, as <see cref="IConfigfsItem{TSelf}.Show"/> sees it, is its place among the type's attributes.</summary>
[AttributeUsage(AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class ConfigfsAttributeAttribute : Attribute
{
    public ConfigfsAttributeAttribute(string name) => Name = name;

    public string Name { get; }

    /// <summary>Whether writes reach <see cref="IConfigfsStore.Store"/> (the owner may write the file).</summary>
    public bool Writable { get; set; }
}
