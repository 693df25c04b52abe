using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Kernel.Generators.CStr;
using Kernel.Generators.Module;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>
/// Generated code checked against golden files in Golden/ (regenerate with KC_UPDATE_GOLDEN=1); the testing
/// framework also compiles the result against KernelCrate's corelib.
/// </summary>
public sealed class GeneratorTests
{
    public const string FullModule = """
        using System;
        using Kernel;

        namespace Sample;

        [Module(Name = "fullmod", Author = "Ann", Authors = new[] { "Bob", "Cy" }, Description = "Every key \"quoted\"",
            License = "GPL v2", Alias = new[] { "fs-fullmod", "char-major-10-99" }, Firmware = new[] { "full/fw.bin" })]
        internal partial struct FullMod : IKernelModule<FullMod>
        {
            private Sysctl<AtomicBool> _sysctl;

            [ModuleParameter(Default = 1, Description = "A long with a default of 1", Permissions = ParameterPermissions.ReadOnly)]
            internal static partial long TestParameter { get; }

            [ModuleParameter(Name = "verbose", Default = true, Permissions = ParameterPermissions.ReadWrite)]
            private static partial bool Chatty { get; }

            [ModuleParameter(Default = "eth0", Description = "Interface \"name\"")]
            public static partial CStr Device { get; }

            [ModuleParameter(Default = new[] { 1, -2 }, MaxLength = 4, Permissions = ParameterPermissions.OwnerRead)]
            internal static partial ReadOnlySpan<int> Levels { get; }

            public static Result<FullMod> Init(CStr name, ThisModule module)
            {
                CStr path = CStr.Literal("example");
                CStr again = CStr.Literal("example");
                CStr other = CStr.Literal("tab\there");
                return new FullMod();
            }

            public void Dispose() { }
        }

        [MiscDevice]
        internal partial struct EchoFile : IMiscDevice<EchoFile>, IDeviceRead, IDeviceIoctl
        {
            public static Result<EchoFile> Open(MiscDevice device) => new EchoFile();
            public Result<nint> Read(UserSliceWriter destination, ref long position) => 0;
            public Result<nint> Ioctl(uint command, nuint argument) => Errno.ENOTTY;
            public void Dispose() { }
        }

        [MiscDevice]
        internal readonly partial struct CountFile : IMiscDevice<CountFile>, IDeviceWrite
        {
            public static Result<CountFile> Open(MiscDevice device) => new CountFile();
            public Result<nint> Write(UserSliceReader source, ref long position) => (nint)source.Length;
            public void Dispose() { }
        }

        [WorkItem]
        internal partial struct Refill : IWorkItem<Refill>
        {
            public void Run() { }
            public void Dispose() { }
        }

        [TimerCallback]
        internal partial struct Tick : ITimerCallback<Tick>
        {
            public TimerRestart Run() => TimerRestart.Stop;
            public void Dispose() { }
        }

        [TimerCallback]
        internal readonly partial struct Beat : ITimerCallback<Beat>
        {
            public TimerRestart Run() => TimerRestart.After(Delta.Zero);
            public void Dispose() { }
        }

        [PciDriver]
        [PciDeviceId(0x1b36, 0x0005, Info = 3)]
        [PciDeviceId(0x8086, 0x10d3, SubVendor = 0x8086, SubDevice = 0xa01f)]
        internal partial struct TestDev : IPciDriver<TestDev>
        {
            public static Result<TestDev> Probe(PciDevice device, uint info) => new TestDev();
            public void Dispose() { }
        }

        [IrqHandler]
        internal partial struct TestIrq : IIrqHandler<TestIrq>
        {
            public IrqReturn Handle() => IrqReturn.Handled;
            public void Dispose() { }
        }

        [PlatformDriver]
        [OfDeviceId("test,rust-device", Info = 42)]
        [AcpiDeviceId("LNUXBEEF")]
        internal partial struct Board : IPlatformDriver<Board>
        {
            public static Result<Board> Probe(PlatformDevice device, PlatformMatch match) => new Board();
            public void Dispose() { }
        }

        [DebugfsFile]
        internal partial struct Shown : IDebugfsFile<Shown>
        {
            public Result Show(ref SeqWriter writer) => Result.Ok;
            public void Dispose() { }
        }

        [DebugfsFile]
        internal partial struct Stored : IDebugfsFile<Stored>, IDebugfsStore
        {
            public Result Show(ref SeqWriter writer) => Result.Ok;
            public Result Store(ReadOnlySpan<byte> text) => Result.Ok;
            public void Dispose() { }
        }

        [SeqFile]
        internal partial struct Lines : ISeqFile<Lines>
        {
            public long Count => 2;
            public Result Show(ref SeqWriter writer, long index) => Result.Ok;
            public void Dispose() { }
        }

        [ConfigfsItem]
        [ConfigfsAttribute("message")]
        [ConfigfsAttribute("bar", Writable = true)]
        internal partial struct Config : IConfigfsGroup<Config, Leaf>, IConfigfsStore
        {
            public Result<int> Show(int attribute, Span<byte> page) => 0;
            public Result Store(int attribute, ReadOnlySpan<byte> text) => Result.Ok;
            public Result<Leaf> MakeGroup(CStr name) => new Leaf();
            public void Dispose() { }
        }

        [ConfigfsItem]
        [ConfigfsAttribute("gc")]
        internal partial struct Leaf : IConfigfsItem<Leaf>
        {
            public Result<int> Show(int attribute, Span<byte> page) => 0;
            public void Dispose() { }
        }

        internal static class FullModTests
        {
            [KernelTest]
            internal static void Parameters_have_their_defaults() => Expect.Equal(1, FullMod.TestParameter);

            [KernelTest(Skip = "needs a device")]
            internal static void Echo() { }
        }

        [SysfsAttribute]
        internal partial struct Speed : ISysfsAttribute<Speed>
        {
            public Result<int> Show(Span<byte> page) => 0;
            public void Dispose() { }
        }

        [SysfsAttribute]
        internal partial struct Limit : ISysfsAttribute<Limit>, ISysfsStore
        {
            public Result<int> Show(Span<byte> page) => 0;
            public Result Store(ReadOnlySpan<byte> value) => Result.Ok;
            public void Dispose() { }
        }
        """;

    private static string GoldenPath(string name) => Path.Combine(TestSetup.RepositoryRoot(), "tests", "KernelCrate.Analyzers.Tests", "Golden", name);

    private static (string Module, string Literals, string Parameters, string Devices) RunGenerators(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create("fullmod",
            [CSharpSyntaxTree.ParseText(source, TestSetup.ModuleParseOptions, path: "/0/Test0.cs")],
            [TestSetup.Corelib],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            Kernel.Testing.KernelCrateAnalyzers.Generators(), parseOptions: TestSetup.ModuleParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        GeneratorDriverRunResult result = driver.GetRunResult();
        string Find(string hint) => result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hint).SourceText.ToString();
        return (Find("KernelModule.g.cs"), Find("CStrLiterals.g.cs"), Find("ModuleParameters.g.cs"), Find("MiscDevices.g.cs"));
    }

    private static void AssertGolden(string name, string actual)
    {
        string path = GoldenPath(name);
        if (Environment.GetEnvironmentVariable("KC_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"missing golden file {path}: run the tests with KC_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Module_entry_points_and_modinfo_match_the_golden_file()
    {
        (string module, string literals, string parameters, string devices) = RunGenerators(FullModule);
        AssertGolden("KernelModule.g.cs.txt", module);
        AssertGolden("MiscDevices.g.cs.txt", devices);
        // Kinds follow the full names: CountFile is 1, EchoFile 2; each operation reaches only the types that have it.
        Assert.Contains("static uint global::Kernel.IMiscDevice<global::Sample.CountFile>.FileOperationsKind => 1;", devices);
        Assert.Contains("if (kind == 2) return global::Kernel.MiscDeviceDispatch.Read<global::Sample.EchoFile>", devices);
        Assert.DoesNotContain("Read<global::Sample.CountFile>", devices);
        Assert.Contains("if (kind == 1) return global::Kernel.MiscDeviceDispatch.Write<global::Sample.CountFile>", devices);
        AssertGolden("CStrLiterals.g.cs.txt", literals);
        AssertGolden("ModuleParameters.g.cs.txt", parameters);
        Assert.Contains("ModuleParameterInfoAttribute(\"test_parameter\", \"long\", 292, new string[] { \"1\" }, \"A long with a default of 1\", 0)", parameters);
        Assert.Contains("ModuleParameterInfoAttribute(\"levels\", \"int\", 256, new string[] { \"1\", \"-2\" }, null, 4)", parameters);
        Assert.Contains("EntryPoint = \"kc_module_init\"", module);
        Assert.Contains("EntryPoint = \"kc_module_exit\"", module);
        Assert.Contains("\"author=Ann\", \"author=Bob\", \"author=Cy\", \"description=Every key \\\"quoted\\\"\", \"license=GPL v2\", \"alias=fs-fullmod\", \"alias=char-major-10-99\", \"firmware=full/fw.bin\"", module);
        Assert.Equal(2, literals.Split("public static global::Kernel.CStr Literal").Length - 1);
    }

    [Fact]
    public void Work_items_timer_callbacks_and_irq_handlers_get_their_kinds_and_one_entry_each()
    {
        string Find(string hint) => GeneratedSources(FullModule).Single(s => s.HintName == hint).SourceText.ToString();
        string work = Find("WorkItems.g.cs"), timers = Find("TimerCallbacks.g.cs");
        AssertGolden("WorkItems.g.cs.txt", work);
        AssertGolden("TimerCallbacks.g.cs.txt", timers);
        string seqs = Find("SeqFiles.g.cs");
        AssertGolden("SeqFiles.g.cs.txt", seqs);
        Assert.Contains("private static long Count(uint kind, void* records)", seqs);
        Assert.Contains("if (kind == 1) return global::Kernel.SeqFileDispatch.Show<global::Sample.Lines>(records, index, seq);", seqs);
        string irqs = Find("IrqHandlers.g.cs");
        AssertGolden("IrqHandlers.g.cs.txt", irqs);
        Assert.Contains("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kc_irq_handle\")]", irqs);
        Assert.Contains("if (kind == 1) return global::Kernel.IrqDispatch.Handle<global::Sample.TestIrq>(state);", irqs);
        Assert.Contains("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"kc_work_run\")]", work);
        Assert.Contains("private static void Run(uint kind, void* state)", work);
        Assert.Contains("private static ulong Fire(uint kind, void* state)", timers);
        // Kinds follow the full names: Beat is 1, Tick 2; the readonly struct's part is readonly too.
        Assert.Contains("readonly partial struct Beat", timers);
        Assert.Contains("if (kind == 2) return global::Kernel.TimerDispatch.Fire<global::Sample.Tick>(state);", timers);
        Assert.Contains("return 0;", timers);
        Assert.DoesNotContain("WorkItems.g.cs", string.Join("\n", GeneratedSources(FullModule.Replace("[WorkItem]", "")).Select(s => s.HintName)));
    }

    [Fact]
    public void A_PCI_driver_gets_its_kind_id_table_aliases_and_the_probe_and_remove_entries()
    {
        string pci = GeneratedSources(FullModule).Single(s => s.HintName == "PciDrivers.g.cs").SourceText.ToString();
        AssertGolden("PciDrivers.g.cs.txt", pci);
        // modpost's spelling of MODULE_DEVICE_TABLE(pci, ...) aliases: any subsystem is a wildcard, a given one 8 hex digits.
        Assert.Contains("[assembly: global::Kernel.ModuleAliasInfo(\"pci:v00001B36d00000005sv*sd*bc*sc*i*\")]", pci);
        Assert.Contains("[assembly: global::Kernel.ModuleAliasInfo(\"pci:v00008086d000010D3sv00008086sd0000A01Fbc*sc*i*\")]", pci);
        // The first id: 1b36, 0005, any, any, class 0, mask 0, info 3, seven little-endian u32.
        Assert.Contains("new byte[] { 0x36, 0x1b, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x86, 0x80,", pci);
        Assert.Contains("private static int Probe(uint kind, void* device, uint info, void* state)", pci);
        Assert.Contains("if (kind == 1) { global::Kernel.PciDispatch.Remove<global::Sample.TestDev>(state); return; }", pci);
        Assert.DoesNotContain("PciDrivers.g.cs", string.Join("\n", GeneratedSources(FullModule.Replace("[PciDriver]", "")).Select(s => s.HintName)));
    }

    [Fact]
    public void A_platform_driver_gets_its_kind_match_tables_aliases_and_entries()
    {
        string platform = GeneratedSources(FullModule).Single(s => s.HintName == "PlatformDrivers.g.cs").SourceText.ToString();
        AssertGolden("PlatformDrivers.g.cs.txt", platform);
        // modpost's file2alias spellings: acpi*:HID:* and two of:N*T*C<compatible> aliases.
        Assert.Contains("[assembly: global::Kernel.ModuleAliasInfo(\"acpi*:LNUXBEEF:*\")]", platform);
        Assert.Contains("[assembly: global::Kernel.ModuleAliasInfo(\"of:N*T*Ctest,rust-device\")]", platform);
        Assert.Contains("[assembly: global::Kernel.ModuleAliasInfo(\"of:N*T*Ctest,rust-deviceC*\")]", platform);
        Assert.Contains("AcpiIdTable => new byte[] { 0x4c, 0x4e, 0x55, 0x58, 0x42, 0x45, 0x45, 0x46, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };", platform);
        Assert.Contains("private static int Probe(uint kind, void* device, uint info, int matched, void* state)", platform);
    }

    [Fact]
    public void Debugfs_files_get_their_kinds_writability_show_for_all_and_store_for_those_that_store()
    {
        string Find(string source) => GeneratedSources(source).Single(s => s.HintName == "DebugfsFiles.g.cs").SourceText.ToString();
        string files = Find(FullModule);
        AssertGolden("DebugfsFiles.g.cs.txt", files);
        Assert.Contains("static bool global::Kernel.IDebugfsFile<global::Sample.Shown>.DebugfsWritable => false;", files);
        Assert.Contains("static bool global::Kernel.IDebugfsFile<global::Sample.Stored>.DebugfsWritable => true;", files);
        Assert.Contains("if (kind == 2) return global::Kernel.DebugfsDispatch.Store<global::Sample.Stored>(state, text, length);", files);
        Assert.DoesNotContain("Store<global::Sample.Shown>", files);
        // Without a type that stores there is no store entry, so C compiles no write and every file is read-only.
        Assert.DoesNotContain("kc_debugfs_store", Find(FullModule.Replace(", IDebugfsStore", "").Replace("public Result Store(ReadOnlySpan<byte> text) => Result.Ok;", "")));
    }

    [Fact]
    public void Sysfs_attributes_get_their_kinds_writability_show_for_all_and_store_for_those_that_store()
    {
        string Find(string source) => GeneratedSources(source).Single(s => s.HintName == "SysfsAttributes.g.cs").SourceText.ToString();
        string attributes = Find(FullModule);
        AssertGolden("SysfsAttributes.g.cs.txt", attributes);
        Assert.Contains("static uint global::Kernel.ISysfsAttribute<global::Sample.Speed>.SysfsKind => 2;", attributes);
        Assert.Contains("static bool global::Kernel.ISysfsAttribute<global::Sample.Limit>.SysfsWritable => true;", attributes);
        Assert.Contains("if (kind == 1) return global::Kernel.SysfsDispatch.Store<global::Sample.Limit>(state, text, length);", attributes);
        Assert.DoesNotContain("Store<global::Sample.Speed>", attributes);
        // Without a type that stores there is no store entry: C compiles no store and every attribute is read-only.
        Assert.DoesNotContain("kc_sysfs_store", Find(FullModule.Replace("ISysfsAttribute<Limit>, ISysfsStore", "ISysfsAttribute<Limit>")));
    }

    [Fact]
    public void Configfs_items_get_their_kinds_tables_and_entries_store_and_mkdir_only_where_a_type_has_them()
    {
        string Find(string source) => GeneratedSources(source).Single(s => s.HintName == "ConfigfsItems.g.cs").SourceText.ToString();
        string items = Find(FullModule);
        AssertGolden("ConfigfsItems.g.cs.txt", items);
        // Config: children (1), two attributes, "message" shown (1), "bar" shown and stored (3); Leaf: none, one, "gc".
        Assert.Contains("ConfigfsTable => new byte[] { 0x01, 0x02, 0x01, 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x00, 0x03, 0x62, 0x61, 0x72, 0x00 };", items);
        Assert.Contains("ConfigfsTable => new byte[] { 0x00, 0x01, 0x01, 0x67, 0x63, 0x00 };", items);
        Assert.Contains("if (kind == 1) return global::Kernel.ConfigfsDispatch.MakeGroup<global::Sample.Config, global::Sample.Leaf>(state, name, group);", items);
        Assert.Contains("if (kind == 2) { global::Kernel.ConfigfsDispatch.Release<global::Sample.Leaf>(state); return; }", items);
        Assert.DoesNotContain("Store<global::Sample.Leaf>", items);
        // Without a type that stores or has children, C compiles neither store nor mkdir.
        string plain = Find(FullModule.Replace("IConfigfsGroup<Config, Leaf>, IConfigfsStore", "IConfigfsItem<Config>")
            .Replace("[ConfigfsAttribute(\"bar\", Writable = true)]", ""));
        Assert.DoesNotContain("kc_configfs_store", plain);
        Assert.DoesNotContain("kc_configfs_make_group", plain);
        Assert.Contains("kc_configfs_release", plain);
    }

    /// <summary>The sysctl handler's entry exists only where the module names Sysctl&lt;T&gt;, with the table's signature.</summary>
    [Fact]
    public void The_sysctl_entry_is_emitted_only_for_a_module_that_names_Sysctl()
    {
        string Sources(string source) => string.Join("\n", GeneratedSources(source).Select(s => s.HintName));
        AssertGolden("SysctlEntry.g.cs.txt", GeneratedSources(FullModule).Single(s => s.HintName == "SysctlEntry.g.cs").SourceText.ToString());
        Assert.DoesNotContain("SysctlEntry.g.cs", Sources(FullModule.Replace("private Sysctl<AtomicBool> _sysctl;", "")));
        // The test is syntactic (binding each use is too slow): a type of another namespace named Sysctl<T> gets the
        // handler too, unused, and the module still compiles.
        Assert.Contains("SysctlEntry.g.cs", Sources(FullModule.Replace("private Sysctl<AtomicBool> _sysctl;", "private Other.Sysctl<int> _sysctl;")
            + "\ninternal static class Other { internal struct Sysctl<T> { } }"));
    }

    /// <summary>A kernel module's own code skips zeroing its locals (no xmm stores per frame), unless it says so itself.</summary>
    [Fact]
    public void A_kernel_module_gets_SkipLocalsInit_once()
    {
        var kernelModule = new TestBuildOptions(("build_property.KernelModule", "true"));
        GeneratedSourceResult emitted = GeneratedSources(FullModule, kernelModule).Single(s => s.HintName == "SkipLocalsInit.g.cs");
        Assert.Contains("[module: global::System.Runtime.CompilerServices.SkipLocalsInitAttribute]", emitted.SourceText.ToString());
        // The user's own attribute (any spelling) is kept, and not doubled (CS0579).
        foreach (string own in new[] { "[module: System.Runtime.CompilerServices.SkipLocalsInit]", "[module: global::System.Runtime.CompilerServices.SkipLocalsInitAttribute]" })
            Assert.DoesNotContain(GeneratedSources(own + "\n" + FullModule.Replace("using System;\nusing Kernel;\n", ""), kernelModule, ["using System;", "using Kernel;"]),
                s => s.HintName == "SkipLocalsInit.g.cs");
        // Not a kernel module (a host-side project): nothing.
        Assert.DoesNotContain(GeneratedSources(FullModule), s => s.HintName == "SkipLocalsInit.g.cs");
    }

    private static System.Collections.Generic.IEnumerable<GeneratedSourceResult> GeneratedSources(string source,
        Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? options = null, string[]? usings = null)
    {
        if (usings is not null) source = string.Join("\n", usings) + "\n" + source;
        CSharpCompilation compilation = CSharpCompilation.Create("fullmod",
            [CSharpSyntaxTree.ParseText(source, TestSetup.ModuleParseOptions, path: "/0/Test0.cs")],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(Kernel.Testing.KernelCrateAnalyzers.Generators(), parseOptions: TestSetup.ModuleParseOptions,
            optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources);
    }

    /// <summary>A KernelTestProject's build (KernelTestModuleName set): the test module instead of the [Module]'s entry points.</summary>
    [Fact]
    public void A_test_build_makes_the_test_module_and_not_the_module_s_entry_points()
    {
        CSharpCompilation compilation = CSharpCompilation.Create("fullmod_tests",
            [CSharpSyntaxTree.ParseText(FullModule, TestSetup.ModuleParseOptions, path: "/0/Test0.cs")],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(Kernel.Testing.KernelCrateAnalyzers.Generators(),
            parseOptions: TestSetup.ModuleParseOptions,
            optionsProvider: new TestBuildOptions(("build_property.KernelTestModuleName", "fullmod_tests")));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string[] hints = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToArray();
        Assert.DoesNotContain("KernelModule.g.cs", hints);
        string tests = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == "KernelTests.g.cs").SourceText.ToString();
        AssertGolden("KernelTests.g.cs.txt", tests);
        Assert.Contains("KernelTestRun.Begin(2);", tests);
        Assert.Contains("KernelTestRun.Skipped(1, \"Sample.FullModTests.Echo\"u8, \"needs a device\");", tests);
        Assert.Contains("global::Sample.FullModTests.Parameters_have_their_defaults();", tests);
    }

    [Fact]
    public void An_ordinary_build_makes_no_test_module()
    {
        (string module, _, _, _) = RunGenerators(FullModule);
        Assert.DoesNotContain("KernelTestRun", module);
    }

    private sealed class TestBuildOptions(params (string Key, string Value)[] values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values.ToDictionary(v => v.Key, v => v.Value));
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _options;
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(System.Collections.Generic.Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    [Fact]
    public async Task Golden_output_compiles_against_the_corelib()
    {
        var test = ProjectBuilder.Compilation(FullModule);
        test.TestState.Sources.Add(("KernelModule.g.cs", File.ReadAllText(GoldenPath("KernelModule.g.cs.txt"))));
        test.TestState.Sources.Add(("ModuleParameters.g.cs", File.ReadAllText(GoldenPath("ModuleParameters.g.cs.txt"))));
        test.TestState.Sources.Add(("MiscDevices.g.cs", File.ReadAllText(GoldenPath("MiscDevices.g.cs.txt"))));
        test.TestState.Sources.Add(("WorkItems.g.cs", File.ReadAllText(GoldenPath("WorkItems.g.cs.txt"))));
        test.TestState.Sources.Add(("TimerCallbacks.g.cs", File.ReadAllText(GoldenPath("TimerCallbacks.g.cs.txt"))));
        test.TestState.Sources.Add(("PciDrivers.g.cs", File.ReadAllText(GoldenPath("PciDrivers.g.cs.txt"))));
        test.TestState.Sources.Add(("IrqHandlers.g.cs", File.ReadAllText(GoldenPath("IrqHandlers.g.cs.txt"))));
        test.TestState.Sources.Add(("PlatformDrivers.g.cs", File.ReadAllText(GoldenPath("PlatformDrivers.g.cs.txt"))));
        test.TestState.Sources.Add(("DebugfsFiles.g.cs", File.ReadAllText(GoldenPath("DebugfsFiles.g.cs.txt"))));
        test.TestState.Sources.Add(("SeqFiles.g.cs", File.ReadAllText(GoldenPath("SeqFiles.g.cs.txt"))));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Only_CStr_Literal_calls_are_intercepted_whatever_their_shape()
    {
        const string source = """
            using Kernel;
            static class Other { public static CStr Literal(string value) => default; }
            static class Uses
            {
                const string Name = "atom";
                static void Run()
                {
                    CStr a = CStr.Literal("plain");
                    CStr b = Kernel.CStr.Literal("qualified");
                    CStr c = CStr.Literal(Name + "s");
                    CStr d = Other.Literal("not ours");
                }
            }
            """;
        CSharpCompilation compilation = CSharpCompilation.Create("shapes",
            [CSharpSyntaxTree.ParseText(source, TestSetup.ModuleParseOptions, path: "/0/Shapes.cs")],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CStrLiteralGenerator().AsSourceGenerator()], parseOptions: TestSetup.ModuleParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string generated = driver.GetRunResult().GeneratedTrees.Single().ToString();
        Assert.Contains("\"plain\\0\"u8", generated);
        Assert.Contains("\"qualified\\0\"u8", generated);
        Assert.Contains("\"atoms\\0\"u8", generated);
        Assert.DoesNotContain("not ours", generated);
        Assert.Equal(3, generated.Split("InterceptsLocation(1,").Length - 1);
    }

    [Fact]
    public void Invalid_modules_generate_nothing()
    {
        CSharpCompilation compilation = CSharpCompilation.Create("bad",
            [CSharpSyntaxTree.ParseText("using Kernel; [Module(Name = \"bad name\", License = \"GPL\")] struct M : IKernelModule<M> { public static Result<M> Init(CStr n, ThisModule m) => new M(); public void Dispose() { } }", TestSetup.ModuleParseOptions)],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ModuleGenerator().AsSourceGenerator()], parseOptions: TestSetup.ModuleParseOptions)
            .RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Theory]
    [InlineData("[Module(Name = null, License = null)] struct M { }")]
    [InlineData("[Module(Name = \"x\", License = \"GPL\", Alias = null)] class M : IKernelModule<M> { }")]
    [InlineData("[Module(Name = \"x\"")]
    [InlineData("[Module(Name = 42, License = new[] { 1 })] struct M : IKernelModule<int> { }")]
    [InlineData("class C { void M() { CStr.Literal(); CStr.Literal(1, 2); CStr.Literal(null); } }")]
    [InlineData("partial class C { [ModuleParameter(Default = null, Name = null, MaxLength = -1)] static partial System.ReadOnlySpan<int> P { get; } }")]
    [InlineData("partial class C { [ModuleParameter(Default = new object[] { 1, \"x\", null })] static partial System.ReadOnlySpan<long> P { get; } }")]
    [InlineData("partial class C { [ModuleParameter(Permissions = (ParameterPermissions)(-1), Default = 1.5)] static partial long P { get; set; } }")]
    [InlineData("[MiscDevice] partial struct D { } [MiscDevice] class E : IMiscDevice<E> { } [MiscDevice] partial struct F<T> : IMiscDevice<int> { }")]
    [InlineData("[MiscDevice(1)] partial struct D : IMiscDevice<D>, IDeviceRead { public static Result<D> Open(MiscDevice m) => default; }")]
    [InlineData("partial class C { [ModuleParameter] int P; [ModuleParameter] static partial int Q { get; } [ModuleParameter] static partial int Q { get => 1; } }")]
    public void Broken_input_never_crashes_the_generators(string body)
    {
        CSharpCompilation compilation = CSharpCompilation.Create("broken",
            [CSharpSyntaxTree.ParseText("using Kernel;\n" + body, TestSetup.ModuleParseOptions)],
            [TestSetup.Corelib], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            Kernel.Testing.KernelCrateAnalyzers.Generators(), parseOptions: TestSetup.ModuleParseOptions)
            .RunGenerators(compilation);
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
    }

    [Fact]
    public void KernelCrate_props_enables_interceptors_where_the_generators_write_them()
    {
        string props = File.ReadAllText(Path.Combine(TestSetup.RepositoryRoot(), "src", "KernelCrate", "build", "KernelCrate.props"));
        Assert.Contains("<InterceptorsNamespaces>$(InterceptorsNamespaces);" + Kernel.Generators.GeneratedCode.Namespace + "</InterceptorsNamespaces>", props);
    }
}
