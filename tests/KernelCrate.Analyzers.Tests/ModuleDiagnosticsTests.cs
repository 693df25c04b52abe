using Microsoft.CodeAnalysis;
using System.Threading.Tasks;
using Kernel.Generators.CStr;
using Kernel.Generators.Module;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class ModuleDiagnosticsTests
{
    private static Task Verify<TAnalyzer>(string source) where TAnalyzer : DiagnosticAnalyzer, new()
        => ProjectBuilder.Analyzer<TAnalyzer>(source, kernelModule: false).RunAsync();

    private const string Body = """
        public static Result<M> Init(CStr name, ThisModule module) => new M();
        public void Dispose() { }
        """;

    private static string Module(string arguments, string declaration = "struct M : IKernelModule<M>")
        => $"using Kernel;\n[Module({arguments})]\n{declaration}\n{{\n{Body}\n}}\n";

    [Fact]
    public Task A_complete_declaration_is_clean() => Verify<ModuleDeclarationAnalyzer>(Module(
        """Name = "oxi-mod", Author = "A", Authors = new[] { "B", "C" }, Description = "D", License = "Dual MIT/GPL", Alias = new[] { "x" }, Firmware = new[] { "fw.bin" }"""));

    [Fact]
    public Task Missing_name_and_license() => Verify<ModuleDeclarationAnalyzer>(
        "using Kernel;\n[{|KC0001:{|KC0002:Module(Author = \"A\")|}|}]\nstruct M : IKernelModule<M>\n{\n" + Body + "\n}\n");

    [Theory]
    [InlineData("\"9lives\"", "KC0003")]
    [InlineData("\"has space\"", "KC0003")]
    [InlineData("\"a23456789012345678901234567890123456789012345678901234567\"", "KC0004")]
    [InlineData("\"\"", "KC0014")]
    [InlineData("\"na\\0me\"", "KC0007")]
    [InlineData("\"nämé\"", "KC0008")]
    public Task Bad_names_are_errors_on_the_argument(string name, string id) => Verify<ModuleDeclarationAnalyzer>(
        Module($$"""Name = {|{{id}}:{{name}}|}, License = "GPL" """));

    [Fact]
    public async Task Unknown_and_proprietary_licenses_are_errors()
    {
        // A proprietary module fails at modpost (KernelCrate's C side uses GPL-only symbols): an error here too.
        Assert.Equal(DiagnosticSeverity.Error, Kernel.Generators.GeneratorDiagnostics.ModuleLicenseProprietary.DefaultSeverity);
        await Verify<ModuleDeclarationAnalyzer>(Module("""Name = "m", License = {|KC0005:"MIT"|}"""));
        await Verify<ModuleDeclarationAnalyzer>(Module("""Name = "m", License = {|KC0006:"Proprietary"|}"""));
    }

    [Fact]
    public Task Values_with_NUL_or_non_ASCII_where_the_kernel_needs_ASCII() => Verify<ModuleDeclarationAnalyzer>(Module(
        """Name = "m", License = "GPL", Author = "Jürgen", Description = {|KC0007:"a\0b"|}, Alias = {|KC0008:new[] { "ä" }|}, Firmware = {|KC0014:new[] { "" }|}"""));

    [Fact]
    public Task Type_must_be_a_struct_implementing_IKernelModule_of_itself() => Task.WhenAll(
        Verify<ModuleDeclarationAnalyzer>(Module("""Name = "m", License = "GPL" """, "class {|KC0012:M|} : IKernelModule<M>")),
        Verify<ModuleDeclarationAnalyzer>("using Kernel;\n[Module(Name = \"m\", License = \"GPL\")]\nstruct {|KC0010:M|} { }\n"),
        Verify<ModuleDeclarationAnalyzer>("using Kernel;\nstruct Other : IKernelModule<Other> {\n" + Body.Replace("<M>", "<Other>").Replace("new M()", "new Other()") + "\n}\n"
            + "[Module(Name = \"m\", License = \"GPL\")]\nstruct {|KC0011:M|} : IKernelModule<Other> {\npublic static Result<Other> Init(CStr name, ThisModule module) => new Other();\npublic void Dispose() { }\n}\n"));

    [Fact]
    public Task Type_must_be_reachable() => Verify<ModuleDeclarationAnalyzer>(
        "using Kernel;\nclass Outer {\n[Module(Name = \"m\", License = \"GPL\")]\nprivate struct {|KC0013:M|} : IKernelModule<M>\n{\n" + Body + "\n}\n}\n");

    [Fact]
    public Task Only_one_module_per_assembly() => Verify<ModuleDeclarationAnalyzer>(
        Module("""Name = "a", License = "GPL" """, "struct A : IKernelModule<A>").Replace("<M>", "<A>").Replace("new M()", "new A()")
        + Module("""Name = "b", License = "GPL" """, "struct {|KC0009:B|} : IKernelModule<B>").Replace("using Kernel;\n", "").Replace("<M>", "<B>").Replace("new M()", "new B()"));

    [Fact]
    public Task CStr_literal_must_be_a_constant_without_NUL() => Verify<CStrLiteralAnalyzer>("""
        using Kernel;
        static class C
        {
            const string Name = "atom";
            static void Run(string runtime)
            {
                CStr ok = CStr.Literal("example");
                CStr constant = CStr.Literal(Name + "s");
                CStr notConstant = CStr.Literal({|KC0101:runtime|});
                CStr nul = CStr.Literal({|KC0102:"a\0b"|});
            }
        }
        """);
}
