using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Kernel.CodeFixes;
using Xunit;
using Verify = Kernel.Analyzers.Tests.AnalyzerVerifier<Kernel.Analyzers.Rules.KC1001InfallibleAllocationAnalyzer>;

namespace Kernel.Analyzers.Tests;

public sealed class KC1001Tests
{
    [Fact]
    public Task Reports_every_kind_of_allocation() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        class C { }
        interface I { }
        struct S : I { }

        static class M
        {
            static void P(params object[] values) { }
            static void Q(params int[] values) { }
            static int F(int x) => x;

            static void Run(int n, string s, List<int> list, IEnumerable<int> seq)
            {
                var c = {|KC1001:new C()|};
                var a = {|KC1001:new int[n]|};
                int[] init = {|KC1001:{ 1, 2 }|};
                var anon = {|KC1001:new { X = 1 }|};
                Func<int, int> lambda = {|KC1001:x => x + n|};
                Func<int, int> group = {|KC1001:F|};
                object boxed = {|KC1001:n|};
                I asInterface = {|KC1001:new S()|};
                Q({|KC1001:1, 2|});
                P({|KC1001:{|KC1001:n|}|});
                string joined = {|KC1001:s + n.ToString()|};
                string text = {|KC1001:$"value {n}"|};
                int[] collection = {|KC1001:[1, 2, 3]|};
                var evens = {|KC1001:seq.Where({|KC1001:x => x % 2 == 0|})|};
                foreach (var item in {|KC1001:seq|}) { }
            }

            static IEnumerable<int> {|KC1001:Iterate|}() { yield return 1; }
            static async Task {|KC1001:RunAsync|}() { await Task.Yield(); }
        }
        """);

    [Fact]
    public Task Does_not_report_what_does_not_touch_the_GC_heap() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;

        struct S { public int X; }

        [InterpolatedStringHandler]
        ref struct Handler
        {
            public Handler(int literalLength, int formattedCount) { }
            public void AppendLiteral(string s) { }
            public void AppendFormatted(int value) { }
        }

        static unsafe class M
        {
            static void Log(ref Handler text) { }
            static int F(int x) => x;

            static void Run(int n, int[] array, Span<int> span)
            {
                Span<byte> onStack = stackalloc byte[16];
                ReadOnlySpan<byte> utf8 = "kernel"u8;
                const string constant = "a" + "b";
                string literal = "text";
                var s = new S { X = n };
                delegate*<int, int> pointer = &F;
                Log($"value {n}");
                ReadOnlySpan<int> spanCollection = [1, 2, 3];
                foreach (var item in array) { }
                foreach (var item in span) { }
                int sum = n + 1;
            }
        }
        """);

    [Fact]
    public Task Does_nothing_outside_a_kernel_module() => Verify.VerifyAsync("""
        class C { static object M() => new C(); }
        """, kernelModule: false);

    [Fact]
    public Task Fix_turns_a_small_array_used_as_a_span_into_stackalloc() =>
        CodeFixVerifier<KC1001InfallibleAllocationAnalyzer, KC1001StackallocCodeFix>.VerifyAsync("""
            using System;

            static class M
            {
                static void Fill(Span<byte> target) { }

                static int Run()
                {
                    byte[] buffer = {|KC1001:new byte[32]|};
                    Fill(buffer);
                    buffer[0] = 1;
                    return buffer.Length;
                }
            }
            """, """
            using System;

            static class M
            {
                static void Fill(Span<byte> target) { }

                static int Run()
                {
                    Span<byte> buffer = stackalloc byte[32];
                    Fill(buffer);
                    buffer[0] = 1;
                    return buffer.Length;
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_array_escapes() =>
        CodeFixVerifier<KC1001InfallibleAllocationAnalyzer, KC1001StackallocCodeFix>.VerifyAsync("""
            static class M
            {
                static byte[] Run()
                {
                    byte[] buffer = {|KC1001:new byte[32]|};
                    return buffer;
                }
            }
            """, """
            static class M
            {
                static byte[] Run()
                {
                    byte[] buffer = {|KC1001:new byte[32]|};
                    return buffer;
                }
            }
            """, iterations: 0);

    [Fact]
    public Task Constant_arrays_straight_into_a_ReadOnlySpan_are_static_data() => Verify.VerifyAsync("""
        using System;

        static class M
        {
            static ReadOnlySpan<byte> Bytes => new byte[] { 1, 2 };
            static ReadOnlySpan<int> Ints => new int[] { 1, 2 };
            static ReadOnlySpan<int> NotConstant(int x) => {|KC1001:new int[] { x }|};
            static ReadOnlySpan<string> Strings => {|KC1001:new string[] { "a" }|};
            static int[] Array => {|KC1001:new int[] { 1 }|};
        }
        """);
}
