using System.Linq;
using Kernel.Build;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>KTAP as KernelTestRun prints it on the serial console, with the kernel's timestamps and other lines between.</summary>
public sealed class KtapReportTests
{
    private static KtapReport Parse(string log) => KtapReport.Parse(log.Split('\n'), "mod_tests");

    private const string Head = """
        [    1.000000] mod_tests: loading out-of-tree module taints kernel.
        [    1.100000] mod_tests: KTAP version 1
        [    1.100001] mod_tests: 1..3
        """;

    [Fact]
    public void Passed_failed_and_skipped_tests_with_the_first_failure_s_place_and_every_message()
    {
        KtapReport report = Parse(Head + """

            [    1.2] mod_tests: # running 1 T.A
            [    1.3] mod_tests: ok 1 T.A
            [    1.4] mod_tests: # running 2 T.B at /src/T.cs:10
            [    1.5] mod_tests:     # EXPECTATION FAILED at /src/T.cs:12
            [    1.5] mod_tests:     # Expected x == 3, but x == 4, 3 == 3
            [    1.5] random: crng init done
            [    1.6] mod_tests:     # EXPECTATION FAILED at /src/T.cs:14
            [    1.6] mod_tests:     # Expected y to be true, but it is false
            [    1.7] mod_tests: not ok 2 T.B
            [    1.8] mod_tests: ok 3 T.C # SKIP needs a device
            [    1.9] mod_tests: # totals: pass:1 fail:1 skip:1
            """);
        Assert.Equal(3, report.Planned);
        Assert.True(report.Finished);
        Assert.Null(report.Unfinished);
        Assert.Equal(0, report.NotRun);
        Assert.Equal([KernelTestOutcome.Passed, KernelTestOutcome.Failed, KernelTestOutcome.Skipped], report.Results.Select(r => r.Outcome));
        KernelTestResult failed = report.Results[1];
        Assert.Equal(("T.B", "/src/T.cs", 12), (failed.Name, failed.File, failed.Line));
        Assert.Equal("at /src/T.cs:12\nExpected x == 3, but x == 4, 3 == 3\nat /src/T.cs:14\nExpected y to be true, but it is false", failed.Message);
        Assert.Equal("needs a device", report.Results[2].Message);
        Assert.Empty(report.BugsOutsideTests);
    }

    [Fact]
    public void A_record_printed_after_the_shell_s_unfinished_line_still_counts()
    {
        // Seen on a PREEMPT_RT kernel, whose console prints from a thread: the guest's echo and the last records met.
        KtapReport report = Parse(Head + """

            [    1.2] mod_tests: # running 1 T.A
            [    1.3] mod_tests: ok 1 T.A
            [    1.4] mod_tests: # running 2 T.B
            [    1.5] mod_tests: ok 2 T.B
            [    1.6] mod_tests: # running 3 T.C at /src/T.cs:20
            kc-boot: insmod 0[    1.7] mod_tests: ok 3 T.C
            [    1.8] mod_tests: # totals: pass:3 fail:0 skip:0
            """);
        Assert.True(report.Finished);
        Assert.Null(report.Unfinished);
        Assert.Equal([1, 2, 3], report.Results.Select(r => r.Number));
        Assert.All(report.Results, r => Assert.Equal(KernelTestOutcome.Passed, r.Outcome));
    }

    [Fact]
    public void A_bug_inside_a_test_fails_it_with_the_bug_s_lines_and_the_rest_did_not_run()
    {
        KtapReport report = Parse(Head + """

            [    1.2] mod_tests: # running 1 T.A
            [    1.3] mod_tests: ok 1 T.A
            [    1.4] mod_tests: # running 2 T.Crash at /src/T.cs:30
            [    1.5] mod_tests: panicked at 'index out of bounds'
            [    1.5] ------------[ cut here ]------------
            [    1.5] kernel BUG at /build/kc_runtime.c:40!
            [    1.5] RIP: 0010:kc_panic+0x20/0x30 [mod_tests]
            [    1.6] Kernel panic - not syncing: Fatal exception
            """);
        Assert.Equal("T.Crash", report.Unfinished);
        Assert.Equal(1, report.NotRun);
        KernelTestResult crashed = report.Results.Single(r => r.Name == "T.Crash");
        Assert.Equal(KernelTestOutcome.Failed, crashed.Outcome);
        Assert.Equal(("/src/T.cs", 30), (crashed.File, crashed.Line));
        Assert.Contains("mod_tests: panicked at 'index out of bounds'", crashed.Message);
        Assert.Contains("kernel BUG at /build/kc_runtime.c:40!", crashed.Message);
        Assert.Contains("RIP: 0010:kc_panic", crashed.Message);
        Assert.False(report.Finished);
    }

    [Fact]
    public void A_hang_leaves_the_running_test_unfinished()
    {
        KtapReport report = Parse(Head + "\n[    1.2] mod_tests: # running 1 T.Spin\n");
        Assert.Equal("T.Spin", report.Unfinished);
        Assert.Contains("did not finish", report.Results.Single().Message);
        Assert.Equal(2, report.NotRun);
        KtapReport timedOut = KtapReport.Parse((Head + "\n[    1.2] mod_tests: # running 1 T.Spin\n").Split('\n'), "mod_tests", timedOutAfter: 40);
        Assert.Equal("the test did not finish: the boot timed out after 40 s while it ran", timedOut.Results.Single().Message);
    }

    [Fact]
    public void A_bug_in_a_test_the_time_out_then_ended_says_both()
    {
        KtapReport report = KtapReport.Parse((Head + """

            [    1.2] mod_tests: # running 1 T.Spin
            [   26.0] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [insmod:84]
            """).Split('\n'), "mod_tests", timedOutAfter: 40);
        string message = report.Results.Single().Message;
        Assert.StartsWith("the kernel reported a bug in this test:\nwatchdog: BUG: soft lockup", message);
        Assert.EndsWith("then the boot timed out after 40 s", message);
    }

    [Fact]
    public void A_warning_during_a_test_that_goes_on_fails_that_test()
    {
        KtapReport report = Parse(Head + """

            [    1.2] mod_tests: # running 1 T.A at /src/T.cs:7
            [    1.3] WARNING: CPU: 0 PID: 80 at mm/slab.c:10 kfree+0x10
            [    1.4] mod_tests: ok 1 T.A
            [    1.5] mod_tests: # running 2 T.B
            [    1.6] mod_tests: ok 2 T.B
            """);
        Assert.Equal(KernelTestOutcome.Failed, report.Results[0].Outcome);
        Assert.Contains("WARNING: CPU: 0", report.Results[0].Message);
        Assert.Equal(("/src/T.cs", 7), (report.Results[0].File, report.Results[0].Line));
        Assert.Equal(KernelTestOutcome.Passed, report.Results[1].Outcome);
    }

    [Fact]
    public void A_bug_before_the_first_test_or_after_the_last_is_the_run_s_not_a_test_s()
    {
        KtapReport report = Parse(Head + """

            [    1.15] BUG: kernel NULL pointer dereference, address: 00000000000000a9
            [    1.16] Oops: 0002 [#1] PREEMPT SMP NOPTI
            """);
        Assert.Null(report.Unfinished);
        Assert.Empty(report.Results);
        Assert.Equal(3, report.NotRun);
        Assert.Contains("NULL pointer dereference", Assert.Single(report.BugsOutsideTests));
    }

    [Fact]
    public void Another_module_s_lines_are_not_ours()
    {
        KtapReport report = Parse(Head + "\n[ 1.2] other: ok 1 X\n[ 1.3] mod_tests: # running 1 T.A\n[ 1.4] mod_tests: ok 1 T.A\n");
        Assert.Equal("T.A", Assert.Single(report.Results).Name);
    }

    [Fact]
    public void A_running_line_cut_short_by_printk_s_buffer_still_names_the_test()
    {
        KtapReport report = Parse(Head + "\n[ 1.2] mod_tests: # running 1 T.A at /a/very/long/pa[...]\n[ 1.3] mod_tests: ok 1 T.A\n");
        Assert.Equal(KernelTestOutcome.Passed, Assert.Single(report.Results).Outcome);
    }

    [Fact]
    public void No_plan_means_the_module_never_ran()
        => Assert.Equal(-1, Parse("[ 1.0] Linux version 6.1\nqemu: terminating on signal 15\n").Planned);
}
