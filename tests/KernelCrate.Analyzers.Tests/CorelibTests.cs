using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>
/// Everyday zero-allocation C# compiles against KernelCrate's corelib, as a module is built (-nostdlib): static-data
/// spans, foreach over spans, typeof comparisons, and the exception types KC1003 names (reported, not a compile error,
/// so its fix can run). In-kernel behaviour of the same code is checked by KcTest.
/// </summary>
public sealed class CorelibTests
{
    [Fact]
    public Task Spans_foreach_typeof_and_exception_types_compile_against_the_corelib()
    {
        const string source = """
                using System;

                internal static class Everyday
                {
                    private static ReadOnlySpan<byte> Bytes => new byte[] { 1, 2, 3 };
                    private static ReadOnlySpan<int> Primes => new int[] { 2, 3, 5 };
                    private static ReadOnlySpan<ushort> Ports => [80, 443];

                    internal static bool IsInt<T>() => typeof(T) == typeof(int) && typeof(T) != typeof(long);

                    internal static int Sum(Span<int> scratch)
                    {
                        int sum = 0;
                        foreach (byte b in Bytes) sum += b;
                        foreach (int p in Primes) sum += p;
                        foreach (ref int slot in scratch) slot = sum;
                        foreach (ushort port in Ports) sum += port;
                        return sum;
                    }

                    internal static void Check(int value)
                    {
                        if (value < 0) {|KC1003:throw new ArgumentOutOfRangeException(nameof(value), "negative");|}
                        if (value == 0) {|KC1003:throw new ArgumentException("zero", nameof(value));|}
                        if (value == 1) {|KC1003:throw new InvalidOperationException();|}
                        if (value == 2) {|KC1003:throw new NotSupportedException();|}
                    }
                }
                """;
        return ProjectBuilder.Analyzer<KC1003ExceptionsAnalyzer>(source).RunAsync();
    }
}
