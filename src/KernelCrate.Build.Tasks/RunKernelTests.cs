using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;

namespace Kernel.Build;

/// <summary>
/// `dotnet test` of a KernelTestProject: boots the kernel the test module was built for in QEMU (qemu-boot.sh, which
/// the package carries), loads the module, whose init runs every [KernelTest] and prints KTAP, and unloads it. The
/// kernel's lines are shown as they come; then each test is reported (a failure as an error at its expectation's
/// file and line) and a summary in dotnet test's own words. A test during which the kernel reports a bug, panics or
/// hangs (the boot's time-out) is a failed test with the log's lines, and the tests after it run in a new boot
/// (kc_first_test), up to <see cref="MaxBoots"/> boots.
/// </summary>
public sealed class RunKernelTests : KernelCrateTask
{
    [Required] public string Module { get; set; } = "";
    [Required] public string ModuleName { get; set; } = "";
    [Required] public string BootScript { get; set; } = "";
    /// <summary>The kernel's `uname -r` (/boot/vmlinuz-RELEASE is booted), unless <see cref="KernelImage"/> is set.</summary>
    public string KernelRelease { get; set; } = "";
    public string KernelImage { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 300;
    [Required] public string SerialLog { get; set; } = "";

    public override bool Execute()
    {
        if (!File.Exists(Module))
        {
            Log.Error(BuildDiagnostics.NoTestModule, null, $"no test module {Module}: the build made no .ko (is a kernel tree set? KernelDir=...)");
            return false;
        }
        string kernel = KernelImage.Length > 0 ? KernelImage : KernelRelease;
        var stopwatch = Stopwatch.StartNew();
        var run = new Run();
        for (int first = 1, boot = 1; ; boot++)
        {
            Log.LogMessage(MessageImportance.High, first == 1
                ? $"  Booting {kernel} in QEMU with {Path.GetFileName(Module)} (time-out {TimeoutSeconds} s; serial log {SerialLog})"
                : $"  Booting again to run the tests from {first} on (kc_first_test={first})");
            (int exitCode, string output, string[] log) = Boot(first);
            KtapReport report = KtapReport.Parse(log, ModuleName, exitCode == 124 ? TimeoutSeconds : 0);
            if (report.Planned < 0)
            {
                // qemu-boot.sh's exit status 3 is a missing prerequisite, which its own line names (with the package to install).
                string why = exitCode == 124 ? $"the boot timed out after {TimeoutSeconds} s"
                    : exitCode == 3 && output.Trim().Length > 0 ? string.Join("; ", output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
                    : $"qemu-boot.sh exited with {exitCode}";
                string tail = string.Join("\n", log.TakeLast(15).Select(l => "    | " + l.TrimEnd('\r')));
                Log.Error(BuildDiagnostics.NoTestModule, null, $"{ModuleName} printed no KTAP plan: {why}; the serial log ends:\n{tail}");
                return false;
            }
            run.Add(report, log);
            // A test that crashed the kernel took the rest of the boot with it: the next boot resumes after it.
            int next = report.Results.Count == 0 ? first : report.Results.Max(r => r.Number) + 1;
            if (report.Unfinished is null || next > report.Planned) break;
            if (boot == MaxBoots)
            {
                run.StoppedIn = report.Unfinished;
                break;
            }
            first = next;
        }
        return Report(run, stopwatch.Elapsed);
    }

    /// <summary>How many boots a run may take: the first, and one more after each test that crashes the kernel.</summary>
    public int MaxBoots { get; set; } = 5;

    /// <summary>The results of every boot of one run.</summary>
    private sealed class Run
    {
        public readonly System.Collections.Generic.List<KernelTestResult> Results = [];
        public readonly System.Collections.Generic.List<string> BugsOutsideTests = [];
        public int Planned;
        public bool Unloaded;
        /// <summary>The test in which the last allowed boot stopped; the tests after it did not run.</summary>
        public string? StoppedIn;

        public void Add(KtapReport report, string[] log)
        {
            Planned = report.Planned;
            Results.AddRange(report.Results);
            BugsOutsideTests.AddRange(report.BugsOutsideTests);
            Unloaded = report.Unfinished is not null || log.Any(l => l.Contains("kc-boot: rmmod 0"));
        }
    }

    private (int ExitCode, string Output, string[] Log) Boot(int first)
    {
        string guest = Path.ChangeExtension(SerialLog, ".guest.sh");
        File.WriteAllText(guest, $"insmod /kc/{Path.GetFileName(Module)} kc_first_test={first}; echo \"kc-boot: insmod $?\"\n"
            + $"rmmod {ModuleName}; echo \"kc-boot: rmmod $?\"\n");
        // The log of an earlier boot must not be shown (or read) as this one's.
        File.Delete(SerialLog);
        string[] arguments = new[] { BootScript, "--script", guest, "--log", SerialLog, "--timeout", TimeoutSeconds.ToString() }
            .Concat(KernelImage.Length > 0 ? new[] { "--image", KernelImage } : new[] { "--release", KernelRelease })
            .Append(Module).ToArray();
        // The kernel's lines as they come: the module's own, and what a bug detector prints.
        long shown = 0;
        var pending = new StringBuilder();
        (int exitCode, string output) = ProcessRunner.Run("bash", arguments,
            line => { if (line.Length > 0) Log.LogMessage(MessageImportance.High, "  " + line); },
            () => shown = Follow(shown, pending));
        return (exitCode, output, File.Exists(SerialLog) ? File.ReadAllLines(SerialLog) : []);
    }

    private long Follow(long offset, StringBuilder pending)
    {
        if (!File.Exists(SerialLog)) return offset;
        using var stream = new FileStream(SerialLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length <= offset) return offset;
        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - offset];
        int read = stream.Read(buffer, 0, buffer.Length);
        pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
        string text = pending.ToString();
        int end = text.LastIndexOf('\n');
        if (end >= 0)
        {
            foreach (string line in text.Substring(0, end).Split('\n').Select(l => l.TrimEnd('\r')))
                if (line.Contains(ModuleName + ": ") || line.Contains("kc-boot: ") || KtapReport.KernelBug.IsMatch(line))
                    Log.LogMessage(MessageImportance.High, "  | " + line);
            pending.Remove(0, end + 1);
        }
        return offset + read;
    }

    private bool Report(Run run, TimeSpan elapsed)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (KernelTestResult test in run.Results.OrderBy(r => r.Number))
        {
            switch (test.Outcome)
            {
                case KernelTestOutcome.Passed:
                    passed++;
                    Log.LogMessage(MessageImportance.High, $"  Passed {test.Name}");
                    break;
                case KernelTestOutcome.Skipped:
                    skipped++;
                    Log.LogMessage(MessageImportance.High, $"  Skipped {test.Name}: {test.Message}");
                    break;
                default:
                    failed++;
                    Log.LogError(null, null, null, test.File, test.Line, 0, 0, 0, $"Failed {test.Name}:\n{Indent(test.Message)}");
                    break;
            }
        }
        int notRun = run.Planned - run.Results.Count;
        if (notRun > 0)
        {
            skipped += notRun;
            Log.LogMessage(MessageImportance.High, $"  Skipped {notRun} test(s) that did not run: the kernel stopped {(run.StoppedIn is null ? "before its first test" : $"in {run.StoppedIn}, the last of {MaxBoots} boots")}");
        }
        int total = passed + failed + skipped;
        foreach (string bug in run.BugsOutsideTests)
        {
            failed++;
            Log.LogError(null, null, null, null, 0, 0, 0, 0, $"the kernel reported a bug outside any test (the module's load or unload):\n{Indent(bug)}");
        }
        if (!run.Unloaded)
        {
            failed++;
            Log.LogError(null, null, null, null, 0, 0, 0, 0, $"{ModuleName} did not unload cleanly (serial log {SerialLog})");
        }
        string verdict = failed == 0 ? "Passed!" : "Failed!";
        Log.LogMessage(MessageImportance.High,
            $"{verdict}  - Failed: {failed,5}, Passed: {passed,5}, Skipped: {skipped,5}, Total: {total,5}, Duration: {(int)elapsed.TotalSeconds} s - {Path.GetFileName(Module)} ({(KernelImage.Length > 0 ? KernelImage : KernelRelease)})");
        return failed == 0;
    }

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}
