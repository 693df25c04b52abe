using System;
using System.Runtime.CompilerServices;

namespace Kernel;

/// <summary>
/// KUnit's expectations for <see cref="KernelTestAttribute"/> tests, without allocation or exceptions: a failed
/// expectation prints where it failed, what was expected and the values seen, marks the test failed and returns
/// false; the test goes on. To stop at a failure (KUnit's ASSERT), return: <c>if (!Expect.Ok(r)) return;</c>.
/// </summary>
public static class Expect
{
    public static bool True(bool condition, [CallerArgumentExpression(nameof(condition))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => condition || Fail(file, line, $"Expected {expression} to be true, but it is false");

    public static bool False(bool condition, [CallerArgumentExpression(nameof(condition))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => !condition || Fail(file, line, $"Expected {expression} to be false, but it is true");

    public static bool Equal(long expected, long actual,
        [CallerArgumentExpression(nameof(expected))] string expectedExpression = null,
        [CallerArgumentExpression(nameof(actual))] string actualExpression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => expected == actual
        || Fail(file, line, $"Expected {actualExpression} == {expectedExpression}, but {actualExpression} == {actual}, {expectedExpression} == {expected}");

    public static bool Equal(ulong expected, ulong actual,
        [CallerArgumentExpression(nameof(expected))] string expectedExpression = null,
        [CallerArgumentExpression(nameof(actual))] string actualExpression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => expected == actual
        || Fail(file, line, $"Expected {actualExpression} == {expectedExpression}, but {actualExpression} == {actual}, {expectedExpression} == {expected}");

    public static bool NotEqual(long unexpected, long actual,
        [CallerArgumentExpression(nameof(unexpected))] string unexpectedExpression = null,
        [CallerArgumentExpression(nameof(actual))] string actualExpression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => unexpected != actual || Fail(file, line, $"Expected {actualExpression} != {unexpectedExpression}, but both are {actual}");

    /// <summary>Bytes (UTF-8 text, a CStr's <c>AsBytes()</c>) equal to <paramref name="expected"/>.</summary>
    public static bool Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual,
        [CallerArgumentExpression(nameof(expected))] string expectedExpression = null,
        [CallerArgumentExpression(nameof(actual))] string actualExpression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => expected.SequenceEqual(actual)
        || Fail(file, line, $"Expected {actualExpression} == {expectedExpression}, but {actualExpression} == {actual:?}, {expectedExpression} == {expected:?}");

    public static bool Ok(Result result, [CallerArgumentExpression(nameof(result))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => result.IsOk || Fail(file, line, $"Expected {expression} to be Ok, but it failed with {result.Error}");

    public static bool Ok<T>(Result<T> result, [CallerArgumentExpression(nameof(result))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => Ok(result.WithoutValue(), expression, file, line);

    /// <summary>Ok, with the value: <c>if (!Expect.Ok(KBox&lt;int&gt;.TryNew(1), out var box)) return;</c>.</summary>
    public static bool Ok<T>(Result<T> result, out T value, [CallerArgumentExpression(nameof(result))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => result.TryGetValue(out value) || Ok(result.WithoutValue(), expression, file, line);

    public static bool Error(Errno expected, Result result, [CallerArgumentExpression(nameof(result))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
    {
        if (result.IsError && result.Error == expected) return true;
        return result.IsOk
            ? Fail(file, line, $"Expected {expression} to fail with {expected}, but it is Ok")
            : Fail(file, line, $"Expected {expression} to fail with {expected}, but it failed with {result.Error}");
    }

    public static bool Error<T>(Errno expected, Result<T> result, [CallerArgumentExpression(nameof(result))] string expression = null,
        [CallerFilePath] string file = null, [CallerLineNumber] int line = 0)
        => Error(expected, result.WithoutValue(), expression, file, line);

    /// <summary>The running test fails: where (KTAP's "# EXPECTATION FAILED at FILE:LINE"), then what.</summary>
    private static bool Fail(string file, int line, ref PrintkText message)
    {
        KernelTestRun.Failed(file, line);
        Printk.Info($"    # {message.Text}");
        return false;
    }
}
