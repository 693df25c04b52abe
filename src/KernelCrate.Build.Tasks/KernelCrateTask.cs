using System;
using System.Linq;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// The base of KernelCrate's tasks. They run out of process (TaskHostFactory), where the build engine cannot say
/// which warnings -warnaserror makes errors, so the targets pass the project's policy (which the in-process
/// _KernelCrateWarningPolicy target has already completed from the command line) and a warning that is an error
/// fails the task itself: the targets after it, the .ko among them, do not run.
/// </summary>
public abstract class KernelCrateTask : Task
{
    public bool TreatWarningsAsErrors { get; set; }
    public string WarningsAsErrors { get; set; } = "";
    public string WarningsNotAsErrors { get; set; } = "";
    public string NoWarn { get; set; } = "";

    public bool IsError(string id)
        => !Listed(NoWarn, id) && ((TreatWarningsAsErrors && !Listed(WarningsNotAsErrors, id)) || Listed(WarningsAsErrors, id));

    private static bool Listed(string list, string id)
        => list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Any(i => string.Equals(i.Trim(), id, StringComparison.OrdinalIgnoreCase));
}
