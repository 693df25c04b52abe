using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Kernel.CodeFixes;
using Xunit;
using Verify = Kernel.Analyzers.Tests.AnalyzerVerifier<Kernel.Analyzers.Rules.KC1004OverPublicAnalyzer>;

namespace Kernel.Analyzers.Tests;

public sealed class KC1004Tests
{
    [Fact]
    public Task Reports_public_types_and_members() => Verify.VerifyAsync("""
        using System;

        {|KC1004:public|} sealed class Widget
        {
            {|KC1004:public|} Widget() { }
            {|KC1004:public|} int Field, Other;
            {|KC1004:public|} const int Limit = 3;
            {|KC1004:public|} void Method() { }
            {|KC1004:public|} int Property { get; set; }
            {|KC1004:public|} event Action? Changed;
            {|KC1004:public|} struct Nested { }
        }
        """);

    [Fact]
    public Task Allows_public_where_the_language_requires_it() => Verify.VerifyAsync("""
        using System;

        interface IShape { int Area(); static abstract IShape Create(); }

        readonly struct Square : IShape, IDisposable, IEquatable<Square>
        {
            public int Area() => 4;
            public static IShape Create() => new Square();
            public void Dispose() { }
            public bool Equals(Square other) => true;
            public override bool Equals(object? obj) => false;
            public override int GetHashCode() => 0;
            public override string ToString() => "";
            public static bool operator ==(Square a, Square b) => true;
            public static bool operator !=(Square a, Square b) => false;
            public static implicit operator int(Square s) => 4;
        }

        enum Color { Red, Green }
        """);

    [Fact]
    public Task Does_nothing_outside_a_kernel_module() => Verify.VerifyAsync("public class Api { public void M() { } }", kernelModule: false);

    [Fact]
    public Task Fix_makes_it_internal_keeping_trivia_and_modifiers() =>
        CodeFixVerifier<KC1004OverPublicAnalyzer, KC1004MakeInternalCodeFix>.VerifyAsync("""
            /// <summary>Docs stay.</summary>
            {|KC1004:public|} sealed class Widget
            {
                {|KC1004:public|} static readonly int Count = 1;
                // comment
                {|KC1004:public|} /* inline */ unsafe void Method() { }
            }
            """, """
            /// <summary>Docs stay.</summary>
            internal sealed class Widget
            {
                internal static readonly int Count = 1;
                // comment
                internal /* inline */ unsafe void Method() { }
            }
            """);

    [Fact]
    public Task Fix_all_leaves_code_that_compiles() =>
        CodeFixVerifier<KC1004OverPublicAnalyzer, KC1004MakeInternalCodeFix>.VerifyAsync("""
            {|KC1004:public|} class A { {|KC1004:public|} B Make() => new B(); }
            {|KC1004:public|} class B { }
            """, """
            internal class A { internal B Make() => new B(); }
            internal class B { }
            """, iterations: 1);
    [Fact]
    public Task A_member_that_implements_an_interface_for_a_derived_class_is_required_public() => Verify.VerifyAsync("""
        interface IShape { int Area(); int Sides { get; } }

        abstract class Base
        {
            public int Area() => 4;
            public int Sides => 4;
            {|KC1004:public|} int Other() => 0;
        }

        sealed class Square : Base, IShape { }
        """);

    [Fact]
    public Task No_fix_for_a_constructor_a_new_constraint_needs() =>
        CodeFixVerifier<KC1004OverPublicAnalyzer, KC1004MakeInternalCodeFix>.VerifyAsync("""
            sealed class Widget
            {
                {|KC1004:public|} Widget() { }
            }

            sealed class Spare
            {
                {|KC1004:public|} Spare() { }
            }

            static class Factory
            {
                internal static T Make<T>() where T : new() => new T();
                internal static Widget Use() => Make<Widget>();
            }
            """, """
            sealed class Widget
            {
                {|KC1004:public|} Widget() { }
            }

            sealed class Spare
            {
                internal Spare() { }
            }

            static class Factory
            {
                internal static T Make<T>() where T : new() => new T();
                internal static Widget Use() => Make<Widget>();
            }
            """);
}
