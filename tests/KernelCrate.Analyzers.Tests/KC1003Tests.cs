using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Kernel.CodeFixes;
using Xunit;
using Verify = Kernel.Analyzers.Tests.AnalyzerVerifier<Kernel.Analyzers.Rules.KC1003ExceptionsAnalyzer>;

namespace Kernel.Analyzers.Tests;

public sealed class KC1003Tests
{
    [Fact]
    public Task Reports_throw_rethrow_catch_and_filters() => Verify.VerifyAsync("""
        using System;

        static class M
        {
            static int Run(string? s)
            {
                try
                {
                    {|KC1003:throw new InvalidOperationException();|}
                }
                {|KC1003:catch|} (InvalidOperationException) {|KC1003:when (s != null)|}
                {
                    {|KC1003:throw;|}
                }
                {|KC1003:catch|}
                {
                }
                return (s ?? {|KC1003:throw new ArgumentNullException(nameof(s))|}).Length;
            }
        }
        """);

    [Fact]
    public Task Try_finally_and_using_are_cleanup_and_allowed() => Verify.VerifyAsync("""
        using System;

        sealed class D : IDisposable { public void Dispose() { } }

        static class M
        {
            static void Run(D d)
            {
                try { } finally { }
                using (d) { }
            }
        }
        """);

    [Theory]
    [InlineData("ArgumentNullException", "EINVAL")]
    [InlineData("ArgumentOutOfRangeException", "EINVAL")]
    [InlineData("OutOfMemoryException", "ENOMEM")]
    [InlineData("NotSupportedException", "EOPNOTSUPP")]
    [InlineData("PlatformNotSupportedException", "EOPNOTSUPP")]
    [InlineData("NotImplementedException", "ENOSYS")]
    [InlineData("UnauthorizedAccessException", "EACCES")]
    [InlineData("System.IO.FileNotFoundException", "EIO")]
    [InlineData("TimeoutException", "ETIMEDOUT")]
    [InlineData("InvalidOperationException", "EINVAL")]
    public Task Fix_returns_the_matching_errno(string exception, string errno) =>
        CodeFixVerifier<KC1003ExceptionsAnalyzer, KC1003ReturnErrnoCodeFix>.VerifyAsync($$"""
            using System;
            using Kernel;

            static class M
            {
                static Result<int> Run(int x)
                {
                    if (x < 0)
                        {|KC1003:throw new {{exception}}();|}
                    return x;
                }
            }
            """, $$"""
            using System;
            using Kernel;

            static class M
            {
                static Result<int> Run(int x)
                {
                    if (x < 0)
                        return Errno.{{errno}};
                    return x;
                }
            }
            """);

    [Fact]
    public Task Fix_works_for_the_plain_Result_too() =>
        CodeFixVerifier<KC1003ExceptionsAnalyzer, KC1003ReturnErrnoCodeFix>.VerifyAsync("""
            using System;

            static class M
            {
                static Kernel.Result Run(int x)
                {
                    // keep this comment
                    {|KC1003:throw new ArgumentException("bad");|}
                }
            }
            """, """
            using System;

            static class M
            {
                static Kernel.Result Run(int x)
                {
                    // keep this comment
                    return Kernel.Errno.EINVAL;
                }
            }
            """);

    [Fact]
    public Task No_fix_where_no_errno_can_be_returned() =>
        CodeFixVerifier<KC1003ExceptionsAnalyzer, KC1003ReturnErrnoCodeFix>.VerifyAsync("""
            using System;

            static class M
            {
                static int Run() { {|KC1003:throw new ArgumentException();|} }
            }
            """, """
            using System;

            static class M
            {
                static int Run() { {|KC1003:throw new ArgumentException();|} }
            }
            """, iterations: 0);
}
