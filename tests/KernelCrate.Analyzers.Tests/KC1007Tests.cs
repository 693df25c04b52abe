using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>KC1007 against KernelCrate's real PrintkText overloads (the corelib), as a module is compiled.</summary>
public sealed class KC1007Tests
{
    private static Task Verify(string body)
    {
        string source = "using System;\nusing Kernel;\n\ninternal static class M\n{\n    internal static void Run(int i, ulong u, CStr s, bool b, char c, KVec<int> v, Errno e)\n    {\n" + body + "\n    }\n}\n";
        return ProjectBuilder.Analyzer<KC1007PrintkFormatAnalyzer>(source).RunAsync();
    }

    [Fact]
    public Task Every_supported_specifier_is_clean() => Verify("""
        Printk.Info($"{i:x} {i:X8} {i:#x} {u:#X16} {i:D5} {i:d} {i:?} {i,8} {i,-8:x}");
        Printk.Info($"{s} {s:?} {"text":?} {b} {b:?} {c:?} {e} {v} {v:#x} {v:?}");
        """);

    [Fact]
    public Task Unsupported_specifiers_are_errors_on_the_format_clause() => Verify("""
        Printk.Info($"{i{|KC1007::N0|}} {u{|KC1007::#d|}} {i{|KC1007::8|}} {i{|KC1007::x??|}}");
        Printk.Err($"{s{|KC1007::x|}} {b{|KC1007::D2|}} {c{|KC1007::X|}} {e{|KC1007::d|}}");
        """);

    [Fact]
    public Task Holes_of_other_interpolated_string_handlers_are_not_checked() => Verify("""
        Other.Log($"{i:N0}");
            }
        }
        
        [System.Runtime.CompilerServices.InterpolatedStringHandler]
        internal ref struct OtherText
        {
            public OtherText(int literalLength, int formattedCount) { }
            public void AppendLiteral(string value) { }
            public void AppendFormatted(int value, string format) { }
        }
        
        internal static class Other
        {
            internal static void Log(ref OtherText text) { }
            private static void Unused()
            {
        """);
}
