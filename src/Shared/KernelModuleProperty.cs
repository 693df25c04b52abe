using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel;

/// <summary>
/// The MSBuild property KernelModule=true, which KernelCrate's props set for every project that references it (and
/// any project may set itself): the analyzers' rules and the generators' module-only output follow it.
/// </summary>
internal static class KernelModuleProperty
{
    public const string Name = "build_property.KernelModule";

    public static bool IsSet(AnalyzerConfigOptions globalOptions)
        => globalOptions.TryGetValue(Name, out string? value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
