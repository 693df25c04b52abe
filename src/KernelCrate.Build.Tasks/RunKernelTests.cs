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
/// hangs (the boot's time-out) is a failed test with the log's lines.
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
        string guest = Path.ChangeExtension(SerialLog, ".guest.sh");
        File.WriteAllText(guest, $"insmod /kc/{Path.GetFileName(Module)}; echo \"kc-boot: insmod $?\"\nrmmod {ModuleName}; echo \"kc-boot: rmmod $?\"\n");
        string kernel = KernelImage.Length > 0 ? KernelImage : KernelRelease;
        Log.LogMessage(MessageImportance.High, $"  Booting {kernel} in QEMU with {Path.GetFileName(Module)} (time-out {TimeoutSeconds} s; serial log {SerialLog})");

        // The log of an earlier run must not be shown (or read) as this one's.
        File.Delete(SerialLog);
        var stopwatch = Stopwatch.StartNew();
        int exitCode = Boot(guest);
        string[] log = File.Exists(SerialLog) ? File.ReadAllLines(SerialLog) : [];
        KtapReport report = KtapReport.Parse(log, ModuleName);
        if (report.Planned < 0)
        {
            // qemu-boot.sh's exit status 3 is a missing prerequisite, which its own line names (with the package to install).
            string why = exitCode == 124 ? $"the boot timed out after {TimeoutSeconds} s"
                : exitCode == 3 && _bootOutput.Count > 0 ? string.Join("; ", _bootOutput)
                : $"qemu-boot.sh exited with {exitCode}";
            string tail = string.Join("\n", log.TakeLast(15).Select(l => "    | " + l.TrimEnd('\r')));
            Log.Error(BuildDiagnostics.NoTestModule, null, $"{ModuleName} printed no KTAP plan: {why}; the serial log ends:\n{tail}");
            return false;
        }
        return Report(report, exitCode, stopwatch.Elapsed, log);
    }

    private readonly System.Collections.Generic.List<string> _bootOutput = [];

    private int Boot(string guest)
    {
        var arguments = new[] { BootScript, "--script", guest, "--log", SerialLog, "--timeout", TimeoutSeconds.ToString() }
            .Concat(KernelImage.Length > 0 ? new[] { "--image", KernelImage } : new[] { "--release", KernelRelease })
            .Append(Module).ToArray();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler echo = (_, e) =>
        {
            if (string.IsNullOrEmpty(e.Data)) return;
            lock (_bootOutput) _bootOutput.Add(e.Data);
            Log.LogMessage(MessageImportance.High, "  " + e.Data);
        };
        process.OutputDataReceived += echo;
        process.ErrorDataReceived += echo;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // The kernel's lines as they come: the module's own, and what a bug detector prints.
        long shown = 0;
        var pending = new StringBuilder();
        while (!process.WaitForExit(250)) shown = Follow(shown, pending);
        process.WaitForExit();
        Follow(shown, pending);
        return process.ExitCode;
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

    private bool Report(KtapReport report, int exitCode, TimeSpan elapsed, string[] log)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (KernelTestResult test in report.Results)
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
                    string message = test.Message;
                    if (test.Name == report.Unfinished && exitCode == 124)
                        message = message.Contains(KtapReport.StoppedOrTimedOut)
                            ? message.Replace(KtapReport.StoppedOrTimedOut, $"the boot timed out after {TimeoutSeconds} s")
                            : message + $"\nthen the boot timed out after {TimeoutSeconds} s";
                    Log.LogError(null, null, null, test.File, test.Line, 0, 0, 0, $"Failed {test.Name}:\n{Indent(message)}");
                    break;
            }
        }
        if (report.NotRun > 0)
        {
            skipped += report.NotRun;
            string where = report.Unfinished is null ? "before its first test" : "in " + report.Unfinished;
            Log.LogMessage(MessageImportance.High, $"  Skipped {report.NotRun} test(s) that did not run: the kernel stopped {where}");
        }
        foreach (string bug in report.BugsOutsideTests)
        {
            failed++;
            Log.LogError(null, null, null, null, 0, 0, 0, 0, $"the kernel reported a bug outside any test (the module's load or unload):\n{Indent(bug)}");
        }
        bool unloaded = log.Any(l => l.Contains("kc-boot: rmmod 0"));
        if (report.Unfinished is null && !unloaded)
        {
            failed++;
            Log.LogError(null, null, null, null, 0, 0, 0, 0, $"{ModuleName} did not unload cleanly (serial log {SerialLog})");
        }
        string verdict = failed == 0 ? "Passed!" : "Failed!";
        int total = passed + (failed - report.BugsOutsideTests.Count - (report.Unfinished is null && !unloaded ? 1 : 0)) + skipped;
        Log.LogMessage(MessageImportance.High,
            $"{verdict}  - Failed: {failed,5}, Passed: {passed,5}, Skipped: {skipped,5}, Total: {total,5}, Duration: {(int)elapsed.TotalSeconds} s - {Path.GetFileName(Module)} ({(KernelImage.Length > 0 ? KernelImage : KernelRelease)})");
        return failed == 0;
    }

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}
