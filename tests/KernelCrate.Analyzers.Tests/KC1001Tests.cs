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
    [Fact]
    public Task Boxes_the_compiler_or_ilc_removes_are_not_reported() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;

        [Flags] enum E { A = 1, B = 2 }
        readonly struct Bytes(byte[] array) { public byte[] Array => array; public static implicit operator byte[](Bytes b) => b.Array; }

        static class M
        {
            static byte[] Unwrapped(Bytes b) => b;
            static bool NotNull<T>(T arg) => arg != null;
            static bool IsNull<T>(T arg) => null == arg;
            static int AsInt<T>(T value) => typeof(T) == typeof(int) ? (int)(object)value! : 0;
            static long Unboxed<T>(T value) => (long)(object)value!;
            static string? AsString<T>(T value)
            {
                if (typeof(T) == typeof(string) && value is not null) return Unsafe.As<string>(value);
                return null;
            }
            static string? TryString<T>(T value) => value as string;
            static bool IsFormattable<T>(T value) => value is IFormattable;
            static bool Has(E e) => e.HasFlag(E.A);
            static int Compare(DateTime d) => ((IComparable<DateTime>)d).CompareTo(d);
            static int CompareStruct<T>(T value) where T : struct, IComparable<T> => ((IComparable<T>)value).CompareTo(value);
            static bool Format<T>(T value, Span<char> to) => value is ISpanFormattable && ((ISpanFormattable)value).TryFormat(to, out _, default, null);
            static IEnumerable<int> Same(int[] a) => a.AsEnumerable();
            static int[] Empty() { int[] a = []; return a; }
            static IReadOnlyList<int> EmptyList() => [];
            static string Concat(int n) => {|KC1001:"a" + n|};
            static void Checked(string s, int n) => System.Diagnostics.Debug.Assert(s + n != null, $"n = {n}");
        }
        """);

    [Fact]
    public Task A_type_that_does_not_bind_is_not_a_box() => Verify.VerifyAsync("""
        static class M
        {
            static void Run() { {|CS0246:Span<byte>|} buffer = stackalloc byte[16]; }
        }
        """);

    [Fact]
    public Task Boxes_that_stay_are_reported() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;

        static class M
        {
            static object Keep<T>(T value) => typeof(T) == typeof(int) ? {|KC1001:value|}! : "";
            static string? NotGuarded<T>(T value) => Unsafe.As<string>({|KC1001:value|});
            static IFormattable? AsInterface<T>(T value) => {|KC1001:value as IFormattable|};
            static object? Negated<T>(T value) { if (typeof(T) != typeof(string)) return {|KC1001:value|}; return null; }
            static IComparable<DateTime> Stored(DateTime d) { IComparable<DateTime> c = {|KC1001:d|}; c.CompareTo(d); return c; }
            static int ThroughObject(DateTime d) => ({|KC1001:(object)d|}).GetHashCode();
            static int? NullableStruct(DateTime? d) => ({|KC1001:(IComparable<DateTime>?)d|})?.CompareTo(default);
        }
        """);

    [Fact]
    public Task Reports_the_allocations_that_hide_in_ordinary_syntax() => Verify.VerifyAsync("""
        using System;

        struct Plain : IComparable<Plain> { public int X; public int CompareTo(Plain other) => X - other.X; }
        struct Custom { public override string ToString() => "c"; public override int GetHashCode() => 1; }
        enum Color { Red }
        record class Point(int X);

        static class M
        {
            static event Action? Changed;

            static string Describe<T>(T value) => {|KC1001:value is IFormattable f|} ? "formattable" : "";
            static string Describe(Plain p) => {|KC1001:p is IComparable<Plain> c|} ? "comparable" : "";

            static void Run(string s, int[] a, int[] b, Plain plain, Custom custom, Color color, Action act, Point point)
            {
                {|KC1001:s += "x"|};
                string t = {|KC1001:plain.ToString()|};
                int h = {|KC1001:plain.GetHashCode()|};
                bool e = {|KC1001:plain.Equals({|KC1001:plain|})|};
                string name = {|KC1001:color.ToString()|};
                Type type = {|KC1001:plain.GetType()|};
                int fine = custom.GetHashCode();
                Span<int> both = {|KC1001:[..a, ..b]|};
                Span<int> inline = [a[0], b[0]];
                Point moved = {|KC1001:point with { X = 2 }|};
                int[] part = {|KC1001:a[1..3]|};
                string sub = {|KC1001:s[1..]|};
                ReadOnlySpan<int> view = a.AsSpan()[1..3];
                {|KC1001:act += act|};
                {|KC1001:Changed += act|};
                int[] raw = {|KC1001:GC.AllocateUninitializedArray<int>(8)|};
                string made = {|KC1001:string.Create(2, 'x', {|KC1001:Fill|})|};
                int[] copy = {|KC1001:a.AsSpan().ToArray()|};
            }

            static void Fill(Span<char> span, char c) => span.Fill(c);
        }
        """);
}
