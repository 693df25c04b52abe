using System;

namespace Kernel;

/// <summary>
/// The run of a test module's <see cref="KernelTestAttribute"/> tests, in KTAP (the kernel's test output format, as
/// KUnit prints it): the generated init calls <see cref="Begin"/>, then <see cref="Start"/> and <see cref="End"/>
/// around each test, then <see cref="Finish"/>. A test calls <see cref="Skip"/> to skip itself.
/// </summary>
public static unsafe class KernelTestRun
{
    private static bool s_failed, s_skip;
    // The zero runtime has no GC statics: the reason (a literal, frozen data that never moves) is kept as its chars.
    private static char* s_skipReason;
    private static int s_skipReasonLength;
    private static int s_passed, s_failedCount, s_skipped;

    /// <summary>The first test to run: 1, or where `dotnet test` resumes after a test crashed the kernel.</summary>
    public static int First => Native.TestFirst();

    public static void Begin(int count)
    {
        s_passed = s_failedCount = s_skipped = 0;
        Printk.Info("KTAP version 1");
        Printk.Info($"1..{count}");
    }

    /// <summary>Before each test: a diagnostic line that names it and its place, so a crash inside it is laid at its door.</summary>
    public static void Start(int number, ReadOnlySpan<byte> name, ReadOnlySpan<byte> file, int line)
    {
        s_failed = false;
        s_skip = false;
        Printk.Info($"# running {number} {name} at {file}:{line}");
    }

    /// <summary>Marks the running test skipped (it should return); reported as <c>ok N name # SKIP reason</c>.</summary>
    public static void Skip(string reason)
    {
        s_skip = true;
        s_skipReasonLength = reason is null ? 0 : reason.Length;
        fixed (char* chars = reason) s_skipReason = chars;
    }

    public static void End(int number, ReadOnlySpan<byte> name)
    {
        if (s_failed)
        {
            s_failedCount++;
            Printk.Info($"not ok {number} {name}");
        }
        else if (s_skip)
        {
            PrintSkipped(number, name, new ReadOnlySpan<char>(s_skipReason, s_skipReasonLength));
        }
        else
        {
            s_passed++;
            Printk.Info($"ok {number} {name}");
        }
    }

    /// <summary>A test not run at all (<c>[KernelTest(Skip = ...)]</c>).</summary>
    public static void Skipped(int number, ReadOnlySpan<byte> name, string reason)
    {
        fixed (char* chars = reason) PrintSkipped(number, name, new ReadOnlySpan<char>(chars, reason is null ? 0 : reason.Length));
    }

    private static void PrintSkipped(int number, ReadOnlySpan<byte> name, ReadOnlySpan<char> reason)
    {
        s_skipped++;
        var text = new PrintkText(0, 0);
        text.AppendLiteral("ok ");
        text.AppendFormatted(number);
        text.AppendLiteral(" ");
        text.AppendFormatted(name);
        text.AppendLiteral(" # SKIP ");
        for (int i = 0; i < reason.Length; i++) text.AppendFormatted(reason[i]);
        Printk.Info(ref text);
    }

    public static void Finish() => Printk.Info($"# totals: pass:{s_passed} fail:{s_failedCount} skip:{s_skipped}");

    /// <summary>An expectation failed: the running test fails, and the line says where.</summary>
    internal static void Failed(string file, int line)
    {
        s_failed = true;
        Printk.Info($"    # EXPECTATION FAILED at {file}:{line}");
    }
}
