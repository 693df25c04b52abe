using System.Threading.Tasks;
using Kernel.Generators.KernelTests;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class KernelTestDiagnosticsTests
{
    private static Task Verify(string source)
        => ProjectBuilder.Analyzer<KernelTestDeclarationAnalyzer>("using Kernel;\n" + source, kernelModule: false).RunAsync();

    [Fact]
    public Task Internal_static_void_tests_are_clean() => Verify("""
        internal static class T { [KernelTest] internal static void A() { } [KernelTest(Skip = "later")] public static void B() { } }
        public class U { internal struct V { [KernelTest] internal static void C() { } } }
        """);

    [Fact]
    public Task Tests_the_runner_cannot_call() => Verify("""
        internal class T
        {
            [KernelTest] internal void {|KC0026:Instance|}() { }
            [KernelTest] internal static int {|KC0026:Returns|}() => 0;
            [KernelTest] internal static void {|KC0026:Takes|}(int x) { }
            [KernelTest] internal static void {|KC0026:Generic|}<X>() { }
        }
        internal class G<X> { [KernelTest] internal static void {|KC0026:InGeneric|}() { } }
        """);

    [Fact]
    public Task Tests_hidden_from_the_runner() => Verify("""
        internal class T
        {
            [KernelTest] private static void {|KC0027:Private|}() { }
            private static class Inner { [KernelTest] internal static void {|KC0027:InPrivateType|}() { } }
        }
        """);
}
