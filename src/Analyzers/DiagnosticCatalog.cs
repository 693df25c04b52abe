using Microsoft.CodeAnalysis;

namespace Kernel.Analyzers;

/// <summary>
/// The rules for kernel code (KC10xx), reported by this assembly's analyzers. The generators' ids (KC00xx, KC01xx)
/// live with them in GeneratorDiagnostics, the build's (KC9xxx) in BuildDiagnostics; each id has a page at
/// docs/rules/&lt;id&gt;.md.
/// </summary>
public static class DiagnosticCatalog
{
    public const string HelpLinkBase = DiagnosticIds.HelpLinkBase;

    private const string Kernel = "KernelCrate.Kernel";

    public static readonly DiagnosticDescriptor InfallibleAllocation = Warning("KC1001", Kernel,
        "Infallible allocation", "{0} allocates on the GC heap, which cannot report failure in the kernel");
    public static readonly DiagnosticDescriptor FloatArithmetic = Warning("KC1002", Kernel,
        "Floating-point arithmetic", "{0} uses floating point, which kernel code must not touch (the FPU state belongs to user space)");
    public static readonly DiagnosticDescriptor Exceptions = Warning("KC1003", Kernel,
        "Exceptions", "{0}: nothing can throw or catch in the kernel; return an Errno instead");
    public static readonly DiagnosticDescriptor OverPublic = Warning("KC1004", Kernel,
        "Over-public visibility", "'{0}' is public, but nothing outside a kernel module can reach its managed code; make it internal");
    public static readonly DiagnosticDescriptor SleepInAtomicContext = Descriptors.Error("KC1005", Kernel,
        "Sleeping in atomic context", "{0}, so it may sleep, but {1}; {2}");
    public static readonly DiagnosticDescriptor RawKernelAccess = Warning("KC1006", Kernel,
        "Raw kernel access", "{0} is raw kernel access: {1}");
    public static readonly DiagnosticDescriptor PrintkFormat = Descriptors.Error("KC1007", Kernel,
        "Unsupported printk format specifier", "'{0}' is not a printk format for '{1}'; use {2}");

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message)
        => Descriptors.Warning(id, category, title, message);
}
