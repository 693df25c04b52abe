using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Kernel.Build;

public enum KernelTestOutcome { Passed, Failed, Skipped }

/// <summary>One [KernelTest] as the test module reported it. File and Line: the first failed expectation's.</summary>
public sealed record KernelTestResult(int Number, string Name, KernelTestOutcome Outcome, string Message, string? File, int Line);

/// <summary>
/// A test module's run, read from the serial log of its boot: the KTAP lines KernelTestRun prints (each after the
/// kernel's timestamp and the module's "name: " prefix), and any line a kernel bug detector prints. A bug while a
/// test runs fails that test with the bug's lines; the tests after it did not run.
/// </summary>
public sealed class KtapReport
{
    /// <summary>
    /// The kernel's timestamp that starts a record. Not anchored: on PREEMPT_RT the console prints from a thread, so a
    /// record can land right after a line the guest's shell has written but not yet ended ("kc-boot: insmod 0[ 2.6] m: ok 13").
    /// </summary>
    private static readonly Regex Timestamp = new(@"\[\s*\d+\.\d+\]\s?");
    private static readonly Regex Result = new(@"^(not )?ok (\d+) (.*?)(?: # SKIP ?(.*))?$");
    private static readonly Regex Running = new(@"^# running (\d+) (\S+)(?: at (.+):(\d+)$)?");
    private static readonly Regex Plan = new(@"^1\.\.(\d+)$");
    private static readonly Regex FailedAt = new(@"^# EXPECTATION FAILED at (.*):(\d+)$");
    /// <summary>What the kernel prints for a bug (BUG(), an oops, a WARN, KASAN, lockdep, a sleep in atomic context).</summary>
    public static readonly Regex KernelBug = new(@"BUG:|WARNING:|Oops|general protection|Kernel panic|panicked at|KASAN|circular locking|sleeping function called|scheduling while atomic|kernel BUG");

    public List<KernelTestResult> Results { get; } = [];
    /// <summary>The plan's count (1..N), or -1 if the module never printed one.</summary>
    public int Planned { get; private set; } = -1;
    public bool Finished { get; private set; }
    /// <summary>The running test when the log ended without its result (a crash or a hang), or null.</summary>
    public string? Unfinished { get; private set; }
    /// <summary>Bug lines outside any test (the module's load, its unload), with what followed them.</summary>
    public List<string> BugsOutsideTests { get; } = [];

    public int NotRun => Planned < 0 ? 0 : Planned - Results.Count;

    /// <param name="timedOutAfter">The boot's time-out in seconds when it ended the boot, else 0: what ended an unfinished test.</param>
    public static KtapReport Parse(IEnumerable<string> serialLog, string moduleName, int timedOutAfter = 0)
    {
        var report = new KtapReport();
        string prefix = moduleName + ": ";
        int runningNumber = 0;
        string? runningName = null, file = null, testFile = null;
        int line = 0, testLine = 0;
        var messages = new List<string>();
        var bug = new List<string>();
        int bugTail = 0;

        foreach (string raw in serialLog)
        {
            string text = raw.TrimEnd('\r');
            if (Timestamp.Match(text) is { Success: true } record) text = text.Substring(record.Index + record.Length);
            // A bug report (the module's own "panicked at" among them) and the lines after it (its call trace) are the
            // excerpt a failure shows.
            if (KernelBug.IsMatch(text)) { bug.Add(text); bugTail = 12; continue; }
            if (!text.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                if (bugTail > 0) { bug.Add(text); bugTail--; }
                continue;
            }
            string ktap = text.Substring(prefix.Length).Trim();
            Match m;
            if ((m = Plan.Match(ktap)).Success) report.Planned = int.Parse(m.Groups[1].Value);
            else if ((m = Running.Match(ktap)).Success)
            {
                FlushBugsOutside(report, bug);
                runningNumber = int.Parse(m.Groups[1].Value);
                runningName = m.Groups[2].Value;
                testFile = m.Groups[3].Success ? m.Groups[3].Value : null;
                testLine = m.Groups[4].Success ? int.Parse(m.Groups[4].Value) : 0;
                messages.Clear(); file = null; line = 0;
            }
            else if ((m = FailedAt.Match(ktap)).Success)
            {
                if (file is null) { file = m.Groups[1].Value; line = int.Parse(m.Groups[2].Value); }
                messages.Add($"at {m.Groups[1].Value}:{m.Groups[2].Value}");
            }
            else if ((m = Result.Match(ktap)).Success)
            {
                int number = int.Parse(m.Groups[2].Value);
                string name = m.Groups[3].Value;
                KernelTestOutcome outcome = m.Groups[1].Success ? KernelTestOutcome.Failed
                    : m.Groups[4].Success ? KernelTestOutcome.Skipped : KernelTestOutcome.Passed;
                string message = outcome == KernelTestOutcome.Skipped ? m.Groups[4].Value : string.Join("\n", messages);
                if (bug.Count > 0 && number == runningNumber)
                {
                    // A WARN (the kernel goes on) inside a test fails it.
                    outcome = KernelTestOutcome.Failed;
                    message = string.Join("\n", messages.Concat(bug));
                    bug.Clear();
                }
                bool atTest = file is null && outcome == KernelTestOutcome.Failed && number == runningNumber;
                report.Results.Add(new KernelTestResult(number, name, outcome, message, atTest ? testFile : file, atTest ? testLine : line));
                runningName = null;
                messages.Clear(); file = null; line = 0;
            }
            else if (ktap.StartsWith("# totals:", System.StringComparison.Ordinal)) { FlushBugsOutside(report, bug); report.Finished = true; }
            else if (ktap.StartsWith("# ", System.StringComparison.Ordinal) && runningName is not null) messages.Add(ktap.Substring(2));
        }

        if (runningName is not null)
        {
            report.Unfinished = runningName;
            string timedOut = $"the boot timed out after {timedOutAfter} s";
            string message = bug.Count > 0
                ? "the kernel reported a bug in this test:\n" + string.Join("\n", bug) + (timedOutAfter > 0 ? "\nthen " + timedOut : "")
                : "the test did not finish: " + (timedOutAfter > 0 ? timedOut : "the kernel stopped") + " while it ran";
            if (messages.Count > 0) message = string.Join("\n", messages) + "\n" + message;
            report.Results.Add(new KernelTestResult(runningNumber, runningName, KernelTestOutcome.Failed, message, file ?? testFile, file is null ? testLine : line));
        }
        else FlushBugsOutside(report, bug);
        return report;
    }

    private static void FlushBugsOutside(KtapReport report, List<string> bug)
    {
        if (bug.Count == 0) return;
        report.BugsOutsideTests.Add(string.Join("\n", bug));
        bug.Clear();
    }
}
