using Kernel.Generators.Model;

namespace Kernel.Generators.Parameters;

/// <summary>
/// What the emitter needs of one valid [ModuleParameter]: where the property is declared, its C# and kernel types,
/// and the plain facts the kernel build turns into module_param. No symbols or syntax.
/// </summary>
internal sealed record ParameterModel(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string Accessibility,
    string PropertyName,
    ParameterType Type,
    bool IsArray,
    string Name,
    int Permissions,
    EquatableArray<string> Defaults,
    string? Description,
    int MaxLength);
