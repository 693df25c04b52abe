using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// What -warnaserror on the command line said, for the compile and for KernelCrate's tasks (see
/// <see cref="KernelCrateTask"/>). Runs in process: only there can the engine answer. It answers for a project that
/// lists no WarningsAsErrors of its own; an SDK project lists NU1605, and then only the entry process's arguments
/// tell (a project built on a worker node of a parallel multi-project build sees neither).
/// </summary>
public sealed class ReadWarningPolicy : Task
{
    private static readonly string[] Prefixes = ["KC", "CS"];

    [Output] public bool AllWarningsAreErrors { get; set; }
    [Output] public string WarningsAsErrors { get; set; } = "";

    public override bool Execute()
    {
        var engine = BuildEngine as IBuildEngine8;
        AllWarningsAreErrors = engine is not null && engine.ShouldTreatWarningAsError("KCPROBE");
        var ids = new List<string>();
        foreach (string argument in Environment.GetCommandLineArgs())
        {
            string switchText = argument.TrimStart('-', '/');
            int colon = switchText.IndexOf(':');
            string name = (colon < 0 ? switchText : switchText.Substring(0, colon)).ToLowerInvariant();
            if (name != "warnaserror" && name != "err") continue;
            if (colon < 0) AllWarningsAreErrors = true;
            else ids.AddRange(switchText.Substring(colon + 1).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
        }
        if (engine is not null && !AllWarningsAreErrors)
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
