using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Finds the kernel build tree: $(KernelDir) if set, else /lib/modules/$(uname -r)/build, else the newest
/// /usr/src/linux-headers-*. Without one, one clear error saying how to install headers.
/// </summary>
public sealed class ResolveKernelDir : Task
{
    public string KernelDir { get; set; } = "";
    [Output] public string ResolvedKernelDir { get; set; } = "";

    public override bool Execute()
    {
        if (!string.IsNullOrEmpty(KernelDir))
        {
            if (IsBuildTree(KernelDir)) { ResolvedKernelDir = KernelDir; return true; }
            Log.LogError("KernelCrate", "KC9001", null, null, 0, 0, 0, 0,
                $"KernelDir '{KernelDir}' is not a kernel build tree (no Makefile and Module.symvers there); point it at /lib/modules/<version>/build");
            return false;
        }
        string? found = Candidates().FirstOrDefault(IsBuildTree);
        if (found is null)
        {
            Log.LogError("KernelCrate", "KC9001", null, null, 0, 0, 0, 0,
                "no kernel headers found, so the module stops at the managed object (obj/.../managed.ilc.o). " +
                "Install them with `sudo apt-get install linux-headers-amd64` (or linux-headers-$(uname -r)), or set KernelDir.");
            return false;
        }
        ResolvedKernelDir = found;
        return true;
    }

    private static bool IsBuildTree(string dir) => File.Exists(Path.Combine(dir, "Makefile")) && File.Exists(Path.Combine(dir, "Module.symvers"));

    private static string[] Candidates()
    {
        string running = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";
        var installed = Directory.Exists("/usr/src")
            ? Directory.GetDirectories("/usr/src", "linux-headers-*").OrderByDescending(d => d, VersionAwareComparer.Instance)
            : Enumerable.Empty<string>();
        return new[] { $"/lib/modules/{running}/build" }.Concat(installed).ToArray();
    }
}

/// <summary>Orders "6.1.0-9" before "6.1.0-10": digit runs compare as numbers.</summary>
internal sealed class VersionAwareComparer : System.Collections.Generic.IComparer<string>
{
    public static readonly VersionAwareComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        x ??= ""; y ??= "";
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsDigit(x[i])) i++;
                while (j < y.Length && char.IsDigit(y[j])) j++;
                int byValue = decimal.Parse(x.AsSpan(si, i - si)).CompareTo(decimal.Parse(y.AsSpan(sj, j - sj)));
                if (byValue != 0) return byValue;
                continue;
            }
            int byChar = x[i].CompareTo(y[j]);
            if (byChar != 0) return byChar;
            i++; j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
