using System.Threading.Tasks;
using Xunit;
using Verify = Kernel.Analyzers.Tests.AnalyzerVerifier<Kernel.Analyzers.Rules.KC1002FloatArithmeticAnalyzer>;

namespace Kernel.Analyzers.Tests;

public sealed class KC1002Tests
{
    [Fact]
    public Task Reports_float_arithmetic_comparisons_conversions_and_math() => Verify.VerifyAsync("""
        using System;

        static class M
        {
            static void Run(float f, double d, int i, Half h)
            {
                var sum = {|KC1002:f + 1f|};
                bool less = {|KC1002:d < 2.0|};
                var negated = {|KC1002:-d|};
                {|KC1002:f++|};
                {|KC1002:d *= 2|};
                int truncated = {|KC1002:(int)d|};
                double widened = {|KC1002:i|};
                double root = {|KC1002:Math.Sqrt({|KC1002:i|})|};
                float absolute = {|KC1002:MathF.Abs(f)|};
                var half = {|KC1002:h + h|};
            }
        }
        """);

    [Fact]
    public Task Integer_and_pointer_arithmetic_is_fine() => Verify.VerifyAsync("""
        using System;

        static unsafe class M
        {
            const double Scale = 2.5 * 2;

            static void Run(int i, long l, nint n, byte* p)
            {
                var a = i * 3 + (int)l;
                var b = n + 1;
                var c = p + 4;
                bool d = i < l;
                int max = Math.Max(i, 3);
                i++;
            }
        }
        """);

    [Fact]
    public Task Does_nothing_outside_a_kernel_module() => Verify.VerifyAsync("""
        static class M { static double Run(double d) => d * 2; }
        """, kernelModule: false);
    [Fact]
    public Task Moves_and_null_tests_of_a_nullable_float_are_not_arithmetic() => Verify.VerifyAsync("""
        static class M
        {
            static double? Run(double d, double? n)
            {
                double? wrapped = d;
                bool missing = n == null;
                bool present = null != n;
                double unwrapped = (double)n!;
                double orZero = n.GetValueOrDefault();
                return n.HasValue ? wrapped : unwrapped;
            }
        }
        """);

    [Fact]
    public Task Arguments_of_a_call_the_build_leaves_out_are_not_compiled() => Verify.VerifyAsync("""
        using System.Diagnostics;

        static class M
        {
            static void Run(double d)
            {
                Debug.Assert(d > 0);
                Require({|KC1002:d < 10|});
            }

            static void Require(bool condition) { }
        }
        """);

    [Fact]
    public Task Arguments_of_a_conditional_call_are_reported_where_its_symbol_is_defined() => Verify.VerifyAsync("""
        #define DEBUG
        using System.Diagnostics;

        static class M
        {
            static void Run(double d) => Debug.Assert({|KC1002:d > 0|});
        }
        """);

    [Fact]
    public Task Reports_the_generic_math_statics_of_the_float_types() => Verify.VerifyAsync("""
        static class M
        {
            static void Run(double d, float f)
            {
                bool nan = {|KC1002:double.IsNaN(d)|};
                float magnitude = {|KC1002:float.Abs(f)|};
                double root = {|KC1002:double.Sqrt(d)|};
                int compared = {|KC1002:d.CompareTo(1.0)|};
            }
        }
        """);
}
