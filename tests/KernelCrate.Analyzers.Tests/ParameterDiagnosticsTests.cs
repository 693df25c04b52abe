using System.Threading.Tasks;
using Kernel.Generators.Parameters;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>Every bad [ModuleParameter] is an error on the exact argument (KC0015-KC0022, and KC0007/KC0014 for the description).</summary>
public sealed class ParameterDiagnosticsTests
{
    private static Task Verify(string members)
    {
        var test = ProjectBuilder.Analyzer<ParameterDeclarationAnalyzer>(
            "using System;\nusing Kernel;\n\ninternal static partial class P\n{\n" + members + "\n}\n", kernelModule: false);
        // The declarations have no implementation part here (the generator does not run): that compiler error is expected.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Every_supported_declaration_is_clean() => Verify("""
        [ModuleParameter(Default = 1, Description = "d", Permissions = ParameterPermissions.ReadOnly)] static partial long A { get; }
        [ModuleParameter(Default = true, Permissions = ParameterPermissions.ReadWrite)] static partial bool B { get; }
        [ModuleParameter(Default = 255)] static partial byte C { get; }
        [ModuleParameter(Default = -32768)] static partial short D { get; }
        [ModuleParameter(Default = 65535u)] static partial ushort E { get; }
        [ModuleParameter(Default = int.MinValue)] static partial int F { get; }
        [ModuleParameter(Default = uint.MaxValue)] static partial uint G { get; }
        [ModuleParameter(Default = ulong.MaxValue)] static partial ulong H { get; }
        [ModuleParameter(Default = -1)] static partial nint I { get; }
        [ModuleParameter] static partial nuint J { get; }
        [ModuleParameter(Default = "eth0", Permissions = ParameterPermissions.ReadOnly)] static partial CStr K { get; }
        [ModuleParameter(Default = new[] { 1L, 2L }, MaxLength = 2)] static partial ReadOnlySpan<long> L { get; }
        [ModuleParameter(Default = new[] { true }, MaxLength = 8, Permissions = ParameterPermissions.OwnerRead | ParameterPermissions.GroupRead)] static partial ReadOnlySpan<bool> M { get; }
        """);

    [Fact]
    public Task Unsupported_types_are_reported_on_the_type() => Verify("""
        [ModuleParameter] static partial {|KC0016:double|} A { get; }
        [ModuleParameter] static partial {|KC0016:string|} B { get; }
        [ModuleParameter] static partial {|KC0016:sbyte|} C { get; }
        [ModuleParameter] static partial {|KC0016:ReadOnlySpan<CStr>|} D { get; }
        """);

    [Fact]
    public Task Defaults_that_do_not_fit_are_reported_on_the_value_or_element() => Verify("""
        [ModuleParameter(Default = {|KC0017:256|})] static partial byte A { get; }
        [ModuleParameter(Default = {|KC0017:-1|})] static partial ulong B { get; }
        [ModuleParameter(Default = {|KC0017:1|})] static partial bool C { get; }
        [ModuleParameter(Default = {|KC0017:"1"|})] static partial int D { get; }
        [ModuleParameter(Default = {|KC0017:5|})] static partial CStr E { get; }
        [ModuleParameter(Default = {|KC0017:1|}, MaxLength = 2)] static partial ReadOnlySpan<int> F { get; }
        [ModuleParameter(Default = new[] { 1, {|KC0017:70000|} }, MaxLength = 2)] static partial ReadOnlySpan<short> G { get; }
        [ModuleParameter(Default = {|KC0007:"a\0b"|})] static partial CStr H { get; }
        """);

    [Fact]
    public Task Names_must_be_C_identifiers() => Verify("""
        [ModuleParameter(Name = {|KC0018:"my-param"|})] static partial int A { get; }
        [ModuleParameter(Name = {|KC0018:"9lives"|})] static partial int B { get; }
        [ModuleParameter(Name = "ok_name")] static partial int C { get; }
        """);

    [Fact]
    public Task A_name_used_twice_is_reported_on_the_second() => Verify("""
        [ModuleParameter] static partial int Speed { get; }
        [ModuleParameter(Name = "speed")] static partial int {|KC0019:Other|} { get; }
        """);

    [Theory]
    [InlineData("ParameterPermissions.ReadWrite | ParameterPermissions.OthersWrite")]
    [InlineData("ParameterPermissions.OthersRead")]
    [InlineData("ParameterPermissions.OwnerRead | ParameterPermissions.GroupRead | ParameterPermissions.GroupWrite")]
    [InlineData("(ParameterPermissions)0x1ED")]
    [InlineData("(ParameterPermissions)0x1000")]
    public Task Permissions_the_kernel_refuses(string permissions) => Verify($$"""
        [ModuleParameter(Permissions = {|KC0020:{{permissions}}|})] static partial int A { get; }
        """);

    [Fact]
    public Task Writable_strings_and_arrays_are_refused() => Verify("""
        [ModuleParameter(Permissions = {|KC0022:ParameterPermissions.ReadWrite|})] static partial CStr A { get; }
        [ModuleParameter(MaxLength = 2, Permissions = {|KC0022:ParameterPermissions.ReadWrite|})] static partial ReadOnlySpan<int> B { get; }
        """);

    [Fact]
    public Task Array_lengths() => Verify("""
        [{|KC0021:ModuleParameter|}] static partial ReadOnlySpan<int> A { get; }
        [ModuleParameter(MaxLength = {|KC0021:5000|})] static partial ReadOnlySpan<int> B { get; }
        [ModuleParameter(Default = {|KC0021:new[] { 1, 2, 3 }|}, MaxLength = 2)] static partial ReadOnlySpan<int> C { get; }
        [ModuleParameter(MaxLength = {|KC0021:2|})] static partial int D { get; }
        """);

    [Fact]
    public Task Descriptions_must_not_be_empty_or_hold_NUL() => Verify("""
        [ModuleParameter(Description = {|KC0014:""|})] static partial int A { get; }
        [ModuleParameter(Description = {|KC0007:"a\0b"|})] static partial int B { get; }
        """);

    [Fact]
    public Task Shapes_the_generator_cannot_implement() => Verify("""
        [ModuleParameter] partial int {|KC0015:Instance|} { get; }
        [ModuleParameter] static int {|KC0015:Auto|} { get; }
        [ModuleParameter] static partial int {|KC0015:Settable|} { get; set; }
        """);

    [Fact]
    public Task Default_names_are_the_property_names_in_snake_case() => Verify("""
        [ModuleParameter] static partial int HTTPPort { get; }
        [ModuleParameter(Name = "http_port")] static partial int {|KC0019:Port|} { get; }
        [ModuleParameter] static partial int MyI32 { get; }
        [ModuleParameter(Name = "my_i32")] static partial int {|KC0019:Other|} { get; }
        """);
}
