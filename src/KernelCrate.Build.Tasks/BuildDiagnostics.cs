using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>The KC9xxx ids of the kernel build (the range <see cref="DiagnosticIds.BuildFirst"/>), each with its page in docs/rules.</summary>
public static class BuildDiagnostics
{
    public const string NoKernelTree = "KC9001";
    public const string RuntimeHelperNeeded = "KC9002";
    public const string IlcCannotCompile = "KC9003";
    public const string Kbuild = "KC9004";
    public const string NoModule = "KC9005";
    public const string IlcNotFound = "KC9006";
    public const string NotRunningKernel = "KC9007";
    public const string IndirectBranch = "KC9008";
    public const string NoTestModule = "KC9009";
    public const string EntryPointMismatch = "KC9010";
    public const string SimdInAtomicEntry = "KC9011";

    public static string Doc(string id) => DiagnosticIds.HelpLink(id);

    public static void Error(this TaskLoggingHelper log, string id, string? file, string message, int line = 0, int column = 0)
        => log.LogError("KernelCrate", id, null, null, file, line, column, 0, 0, $"{message} ({Doc(id)})");

    /// <summary>
    /// A warning, or an error where the build treats this id's warnings as errors (-warnaserror,
    /// TreatWarningsAsErrors: the policy the targets pass, which ReadWarningPolicy completed from the engine): then the
    /// task fails and the targets after it, the .ko among them, do not run.
    /// </summary>
    public static void Warning(this KernelCrateTask task, string id, string? file, string message, string subcategory = "KernelCrate",
        int line = 0, int column = 0, bool withDoc = true)
    {
        string text = withDoc ? $"{message} ({Doc(id)})" : message;
        if (task.IsError(id))
            task.Log.LogError(subcategory, id, null, null, file, line, column, 0, 0, text);
        else
            task.Log.LogWarning(subcategory, id, null, null, file, line, column, 0, 0, text);
    }
}
