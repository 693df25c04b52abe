namespace Kernel;

/// <summary>
/// Facts about every KernelCrate id, compiled into the analyzers, the generators and the build tasks: where each id's
/// page is, and which range means what.
/// </summary>
internal static class DiagnosticIds
{
    public const string HelpLinkBase = "https://github.com/kernelcrate/kernelcrate/blob/main/docs/rules/";

    /// <summary>KC0001-KC0099: the [Module] declaration (the generators).</summary>
    public const int ModuleFirst = 1;
    /// <summary>KC0101-KC0199: CStr literals (the generators).</summary>
    public const int CStrFirst = 101;
    /// <summary>KC1001-KC1999: rules for kernel code (the analyzers).</summary>
    public const int KernelCodeFirst = 1001;
    /// <summary>KC9001-KC9999: the kernel build (the MSBuild tasks).</summary>
    public const int BuildFirst = 9001;

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
