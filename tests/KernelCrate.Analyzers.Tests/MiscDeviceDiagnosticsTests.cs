using System.Threading.Tasks;
using Kernel.CodeFixes;
using Kernel.Generators.MiscDevices;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class MiscDeviceDiagnosticsTests
{
    private static Task Verify(string source)
        => ProjectBuilder.Analyzer<MiscDeviceDeclarationAnalyzer>("using Kernel;\n" + source, kernelModule: false).RunAsync();

    private const string Members = """
        public static Result<D> Open(MiscDevice device) => new D();
        public void Dispose() { }
        """;

    [Fact]
    public Task A_marked_partial_struct_is_clean() => Verify($$"""
        namespace N { [MiscDevice] internal partial struct D : IMiscDevice<D>, IDeviceRead { {{Members}} public Result<nint> Read(UserSliceWriter w, ref long p) => 0; } }
        """);

    [Fact]
    public Task A_device_type_without_the_attribute() => Verify($$"""
        internal struct {|KC0023:D|} : IMiscDevice<D> { {{Members}} }
        """);

    [Fact]
    public Task Shapes_the_generator_cannot_extend() => Verify($$"""
        [MiscDevice] internal struct {|KC0024:D|} : IMiscDevice<D> { {{Members}} }
        internal partial class Outer { [MiscDevice] internal partial struct {|KC0024:D|} : IMiscDevice<D> { {{Members}} } }
        """);

    [Fact]
    public Task A_marked_type_that_is_not_its_own_device() => Verify($$"""
        [MiscDevice] internal partial struct {|KC0025:E|} { }
        [MiscDevice] internal partial struct {|KC0025:F|} : IMiscDevice<D> { public static Result<D> Open(MiscDevice device) => new D(); public void Dispose() { } }
        [MiscDevice] internal partial struct D : IMiscDevice<D> { {{Members}} }
        """);

    [Fact]
    public Task The_fix_marks_the_type_and_makes_it_partial()
    {
        return ProjectBuilder.CodeFix<MiscDeviceDeclarationAnalyzer, KC0023MarkMiscDeviceCodeFix>(
            $$"""
                using Kernel;
                namespace N
                {
                    /// <summary>An open file.</summary>
                    internal struct {|KC0023:D|} : IMiscDevice<D> { {{Members}} }
                    [MiscDevice]
                    readonly struct {|KC0024:E|} : IMiscDevice<E> { public static Result<E> Open(MiscDevice device) => new E(); public void Dispose() { } }
                }
                """,
            $$"""
                using Kernel;
                namespace N
                {
                    /// <summary>An open file.</summary>
                    [MiscDevice]
                    internal partial struct D : IMiscDevice<D> { {{Members}} }
                    [MiscDevice]
                    readonly partial struct E : IMiscDevice<E> { public static Result<E> Open(MiscDevice device) => new E(); public void Dispose() { } }
                }
                """).RunAsync();
    }
}
