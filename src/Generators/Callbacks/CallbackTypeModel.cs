namespace Kernel.Generators.Callbacks;

/// <summary>What an emitter needs of a valid callback type: its names and whether it is a readonly struct.</summary>
internal sealed record CallbackTypeModel(string FullName, string? Namespace, string Name, bool IsReadOnly);
