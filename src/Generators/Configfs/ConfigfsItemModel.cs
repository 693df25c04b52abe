using Kernel.Generators.Callbacks;
using Kernel.Generators.Model;

namespace Kernel.Generators.Configfs;

/// <summary>One [ConfigfsAttribute]: the file's name and whether writes reach the type's Store.</summary>
internal readonly record struct ConfigfsAttributeModel(string Name, bool Writable);

/// <summary>A valid [ConfigfsItem] type: its attributes in order, its child type when mkdir makes children in its
/// directory (an IConfigfsGroup), and whether it implements IConfigfsStore.</summary>
internal sealed record ConfigfsItemModel(CallbackTypeModel Type, EquatableArray<ConfigfsAttributeModel> Attributes, string? Child, bool HasStore);
