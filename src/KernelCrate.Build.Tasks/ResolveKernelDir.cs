using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Finds the kernel build tree and says which kernel the .ko is for. $(KernelDir) if set; else the running kernel's
/// /lib/modules/$(uname -r)/build; else the newest /usr/src/linux-headers-* (KC9007: the .ko will not load on this
/// machine). Without a tree, one KC9001 error saying how to get one, or with <see cref="Optional"/> one message
/// (the repository's own modules on a machine without headers).
/// </summary>
public sealed class ResolveKernelDir : KernelCrateTask
{
    public string KernelDir { get; set; } = "";
    public bool Optional { get; set; }
    /// <summary>false: an empty KernelDir means "no kernel tree" rather than a search.</summary>
    public bool Discover { get; set; } = true;
    public string ModuleName { get; set; } = "";
    /// <summary>Written with the tree's path and release when they change, so kbuild reruns for another kernel.</summary>
    public string StampFile { get; set; } = "";
    /// <summary>The running kernel's release; read from /proc when empty.</summary>
    public string RunningRelease { get; set; } = "";
    /// <summary>Where headers are looked for when KernelDir is empty.</summary>
    public string HeadersRoot { get; set; } = "/usr/src";
    [Output] public string ResolvedKernelDir { get; set; } = "";
    [Output] public string KernelRelease { get; set; } = "";

    public override bool Execute()
    {
        string running = RunningRelease.Length > 0 ? RunningRelease
            : File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";
        string ko = (ModuleName.Length > 0 ? ModuleName : "the module") + ".ko";
        bool explicitDir = !string.IsNullOrEmpty(KernelDir);
        string? dir = explicitDir ? KernelDir : Discover ? FindDefault(running) : null;
        if (dir is null)
        {
            string install = "install headers (`sudo apt-get install linux-headers-amd64`, or bash scripts/setup.sh in the KernelCrate repository) or set KernelDir=<kernel build tree>";
            if (Optional) { Log.LogMessage(MessageImportance.High, $"KernelCrate: no kernel headers, so {ko} is not built (the managed object is); {install}"); return true; }
            Log.Error(BuildDiagnostics.NoKernelTree, null, $"no kernel headers found, so the build stops at the managed object (obj/.../managed.ilc.o): {install}");
            return false;
        }
        if (!IsBuildTree(dir))
        {
            Log.Error(BuildDiagnostics.NoKernelTree, null, $"KernelDir '{dir}' is not a kernel build tree (it needs a Makefile and Module.symvers){Hint(dir)}");
            return false;
        }
        ResolvedKernelDir = Path.GetFullPath(dir).TrimEnd('/');
        KernelRelease = ReleaseOf(ResolvedKernelDir);
        string target = $"KernelCrate: {ko} is for kernel {KernelRelease} ({ResolvedKernelDir})";
        if (KernelRelease == running || running.Length == 0) Log.LogMessage(MessageImportance.High, target);
        else if (explicitDir) Log.LogMessage(MessageImportance.High, $"{target}, not the running kernel {running}: boot it in a VM of that kernel");
        else this.Warning(BuildDiagnostics.NotRunningKernel, null,
            $"{ko} is built for kernel {KernelRelease} ({ResolvedKernelDir}) because the running kernel {running} has no headers; it will not load here. Install linux-headers-{running}, or set KernelDir to choose the kernel on purpose");
        WriteStamp();
        return !Log.HasLoggedErrors;
    }

    private string? FindDefault(string running)
    {
        string runningTree = $"/lib/modules/{running}/build";
        if (running.Length > 0 && IsBuildTree(runningTree)) return runningTree;
        if (!Directory.Exists(HeadersRoot)) return null;
        return Directory.GetDirectories(HeadersRoot, "linux-headers-*")
            .Where(IsBuildTree).OrderByDescending(d => d, VersionAwareComparer.Instance).FirstOrDefault();
    }

    public static bool IsBuildTree(string dir) => File.Exists(Path.Combine(dir, "Makefile")) && File.Exists(Path.Combine(dir, "Module.symvers"));

    /// <summary>The release the tree builds for, as vermagic and `uname -r` say it (UTS_RELEASE).</summary>
    public static string ReleaseOf(string dir)
    {
        string header = Path.Combine(dir, "include/generated/utsrelease.h");
        if (File.Exists(header))
        {
            var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(header), "UTS_RELEASE \"([^\"]+)\"");
            if (match.Success) return match.Groups[1].Value;
        }
        return Path.GetFileName(dir).Replace("linux-headers-", "");
    }

    /// <summary>Debian splits headers into linux-headers-X-common (no Module.symvers) and the build tree linux-headers-X-amd64.</summary>
    private static string Hint(string dir)
    {
        string full = Path.GetFullPath(dir).TrimEnd('/');
        string name = Path.GetFileName(full);
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return "";
        int common = name.IndexOf("-common", StringComparison.Ordinal);
        if (common < 0) return "";
        string stem = name.Substring(0, common);
        string[] trees = Directory.GetDirectories(parent, stem + "-*").Where(d => d != full && IsBuildTree(d)).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        return trees.Length == 0
            ? "; this is Debian's common header folder: the build tree is the architecture folder beside it (linux-headers-<version>-amd64)"
            : $"; this is Debian's common header folder: use the build tree beside it, {trees[0]}";
    }

    private void WriteStamp()
    {
        if (StampFile.Length == 0) return;
        string content = ResolvedKernelDir + "\n" + KernelRelease + "\n";
        if (File.Exists(StampFile) && File.ReadAllText(StampFile) == content) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
        File.WriteAllText(StampFile, content);
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
