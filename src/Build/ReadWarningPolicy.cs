using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// `dotnet build -warnaserror` makes MSBuild's logger turn warnings into errors after the fact: the compiler
/// succeeds, the later targets run, and a failed build would still leave a .ko. This task asks the build engine which
/// warnings are errors so the compile itself fails on them, and nothing after it runs.
/// </summary>
public sealed class ReadWarningPolicy : Task
{
    private static readonly string[] Prefixes = ["KC", "CS"];

    /// <summary>true when every warning is an error (a bare -warnaserror).</summary>
    [Output] public bool AllWarningsAreErrors { get; set; }

    /// <summary>The KC and CS ids -warnaserror:ID,... names, for the compiler's WarningsAsErrors.</summary>
    [Output] public string WarningsAsErrors { get; set; } = "";

    public override bool Execute()
    {
        if (BuildEngine is not IBuildEngine8 engine) return true;
        AllWarningsAreErrors = engine.ShouldTreatWarningAsError("KCPROBE");
        if (AllWarningsAreErrors) return true;
        var ids = new List<string>();
        foreach (string prefix in Prefixes)
            for (int n = 0; n < 10000; n++)
            {
                string id = prefix + n.ToString("D4");
                if (engine.ShouldTreatWarningAsError(id)) ids.Add(id);
            }
        WarningsAsErrors = string.Join(";", ids);
        return true;
    }
}
