using System.Threading.Tasks;
using Kernel.CodeFixes;
using Kernel.Generators.Callbacks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class CallbackTypeDiagnosticsTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = ProjectBuilder.Analyzer<CallbackTypeDeclarationAnalyzer>("using Kernel;\n" + source, kernelModule: false);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

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

    private const string ConfigfsMembers = """
        public Result<int> Show(int attribute, System.Span<byte> page) => 0;
        public void Dispose() { }
        """;

    [Fact]
    public Task Configfs_attribute_names_that_are_no_file_name_are_KC0034_at_their_attribute() => Verify($$"""
        [ConfigfsItem, ConfigfsAttribute("message"), {|KC0034:ConfigfsAttribute("")|}, {|KC0034:ConfigfsAttribute("a/b")|}]
        [{|KC0034:ConfigfsAttribute("message")|}, {|KC0034:ConfigfsAttribute("..")|}]
        internal partial struct C : IConfigfsItem<C> { {{ConfigfsMembers}} }
        """);

    [Fact]
    public Task A_writable_configfs_attribute_without_a_store_is_KC0035_and_one_with_it_is_clean() => Verify($$"""
        namespace N { [ConfigfsItem, {|KC0035:ConfigfsAttribute("bar", Writable = true)|}] internal partial struct C : IConfigfsItem<C> { {{ConfigfsMembers}} } }
        namespace M
        {
            [ConfigfsItem, ConfigfsAttribute("bar", Writable = true)]
            internal partial struct C : IConfigfsItem<C>, IConfigfsStore { {{ConfigfsMembers}} public Result Store(int attribute, System.ReadOnlySpan<byte> text) => Result.Ok; }
        }
        namespace O { internal struct {|KC0023:C|} : IConfigfsItem<C> { {{ConfigfsMembers}} } }
        """);

    [Fact]
    public Task A_configfs_type_with_more_than_16_attributes_is_KC0036() => Verify($$"""
        [ConfigfsItem]
        [ConfigfsAttribute("a0"), ConfigfsAttribute("a1"), ConfigfsAttribute("a2"), ConfigfsAttribute("a3"), ConfigfsAttribute("a4"), ConfigfsAttribute("a5")]
        [ConfigfsAttribute("a6"), ConfigfsAttribute("a7"), ConfigfsAttribute("a8"), ConfigfsAttribute("a9"), ConfigfsAttribute("a10"), ConfigfsAttribute("a11")]
        [ConfigfsAttribute("a12"), ConfigfsAttribute("a13"), ConfigfsAttribute("a14"), ConfigfsAttribute("a15"), ConfigfsAttribute("a16")]
        internal partial struct {|KC0036:C|} : IConfigfsItem<C> { {{ConfigfsMembers}} }
        """);

    private const string PciMembers = """
        public static Result<P> Probe(PciDevice device, uint info) => new P();
        public void Dispose() { }
        """;

    [Fact]
    public Task A_PCI_driver_with_ids_is_clean_and_one_without_any_is_KC0028() => Verify($$"""
        namespace N { [PciDriver, PciDeviceId(0x1b36, 0x0005), PciDeviceId(0x1b36, 0x0005, SubVendor = 1)] internal partial struct P : IPciDriver<P> { {{PciMembers}} } }
        namespace M { [PciDriver] internal partial struct {|KC0028:P|} : IPciDriver<P> { {{PciMembers}} } }
        namespace O { internal struct {|KC0023:P|} : IPciDriver<P> { {{PciMembers}} } }
        """);

    [Fact]
    public Task A_subsystem_id_past_16_bits_is_KC0029_and_a_repeated_id_KC0030_at_its_attribute() => Verify($$"""
        [PciDriver]
        [PciDeviceId(0x1b36, 0x0005, Info = 1)]
        [{|KC0030:PciDeviceId(0x1b36, 0x0005, Info = 2)|}]
        [{|KC0029:PciDeviceId(0x1b36, 0x0006, SubDevice = 0x10000)|}]
        [{|KC0029:PciDeviceId(0x1b36, 0x0007, SubVendor = -2)|}]
        internal partial struct P : IPciDriver<P> { {{PciMembers}} }
        """);

    private const string PlatformMembers = """
        public static Result<B> Probe(PlatformDevice device, PlatformMatch match) => new B();
        public void Dispose() { }
        """;

    [Fact]
    public Task Platform_driver_ids_are_checked_at_their_attribute() => Verify($$"""
        namespace N { [PlatformDriver, AcpiDeviceId("LNUXBEEF"), AcpiDeviceId("PNP0C0A"), OfDeviceId("test,rust-device")] internal partial struct B : IPlatformDriver<B> { {{PlatformMembers}} } }
        namespace M { [PlatformDriver] internal partial struct {|KC0031:B|} : IPlatformDriver<B> { {{PlatformMembers}} } }
        namespace O
        {
            [PlatformDriver, {|KC0032:AcpiDeviceId("lnuxbeef")|}, {|KC0032:AcpiDeviceId("LNUXBEEFF")|}, {|KC0032:AcpiDeviceId("LNUXBEEG")|}]
            [{|KC0033:OfDeviceId("")|}]
            internal partial struct B : IPlatformDriver<B> { {{PlatformMembers}} }
        }
        """);

    [Fact]
    public Task The_fix_marks_the_type_and_makes_it_partial()
    {
        return ProjectBuilder.CodeFix<CallbackTypeDeclarationAnalyzer, KC0023MarkCallbackTypeCodeFix>(
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

    private const string WorkMembers = "public void Run() { } public void Dispose() { }";
    private const string TimerMembers = "public TimerRestart Run() => TimerRestart.Stop; public void Dispose() { }";

    [Fact]
    public Task Work_items_and_timer_callbacks_are_checked_alike() => Verify($$"""
        [WorkItem] internal partial struct W : IWorkItem<W> { {{WorkMembers}} }
        [TimerCallback] internal partial struct T : ITimerCallback<T> { {{TimerMembers}} }
        internal struct {|#0:UW|} : IWorkItem<UW> { {{WorkMembers}} }
        internal struct {|#1:UT|} : ITimerCallback<UT> { {{TimerMembers}} }
        [WorkItem] internal struct {|#2:SW|} : IWorkItem<SW> { {{WorkMembers}} }
        [TimerCallback] internal partial struct {|#3:OT|} : ITimerCallback<T> { {{TimerMembers}} }
        """,
        new DiagnosticResult("KC0023", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("UW", "IWorkItem", "WorkItem", "Work<T>.TryNew"),
        new DiagnosticResult("KC0023", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("UT", "ITimerCallback", "TimerCallback", "HrTimer<T>.TryNew"),
        new DiagnosticResult("KC0024", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("SW", "WorkItem", "not partial"),
        new DiagnosticResult("KC0025", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("OT", "TimerCallback", "ITimerCallback<OT>"));

    [Fact]
    public Task The_fix_adds_the_attribute_of_the_kind()
        => ProjectBuilder.CodeFix<CallbackTypeDeclarationAnalyzer, KC0023MarkCallbackTypeCodeFix>(
            $$"""
                using Kernel;
                internal struct {|KC0023:W|} : IWorkItem<W> { {{WorkMembers}} }
                internal struct {|KC0023:T|} : ITimerCallback<T> { {{TimerMembers}} }
                """,
            $$"""
                using Kernel;
                [WorkItem]
                internal partial struct W : IWorkItem<W> { {{WorkMembers}} }
                [TimerCallback]
                internal partial struct T : ITimerCallback<T> { {{TimerMembers}} }
                """).RunAsync();
}
