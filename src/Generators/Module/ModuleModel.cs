using Kernel.Generators.Model;

namespace Kernel.Generators.Module;

/// <summary>What the emitter needs of a valid [Module]: names and .modinfo entries, no symbols or syntax.</summary>
internal sealed record ModuleModel(string TypeName, string Name, EquatableArray<string> ModInfo);
