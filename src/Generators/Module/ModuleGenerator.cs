using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Module;

/// <summary>[Module] on a type: the module's entry points and .modinfo (Rust-for-Linux's module! macro).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ModuleModel?> modules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModuleDeclaration.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type
                    ? ModuleDeclaration.Parse(type, context.Attributes[0], cancellationToken).Model
                    : null)
            .WithTrackingName(TrackingNames.Module);

        IncrementalValueProvider<ImmutableArray<ModuleModel?>> all = modules.Collect().WithTrackingName(TrackingNames.AllModules);
        IncrementalValueProvider<bool> testBuild = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => KernelTests.KernelTestDeclaration.TestModuleName(options) is not null);

        context.RegisterSourceOutput(all.Combine(testBuild), static (output, pair) =>
        {
            // A KernelTestProject's build is the test module's (KernelTestGenerator): the [Module] it tests stays code.
            // More than one [Module] is KC0009 (reported by the analyzer): emit nothing rather than clashing symbols.
            ImmutableArray<ModuleModel?> modules = pair.Left;
            if (pair.Right || modules.Length != 1 || modules[0] is not ModuleModel module) return;
            output.AddSource("KernelModule.g.cs", ModuleEmitter.Emit(module));
        });
    }
}

/// <summary>Step names the caching tests look for.</summary>
public static class TrackingNames
{
    public const string Module = nameof(Module);
    public const string AllModules = nameof(AllModules);
    public const string CStrLiterals = nameof(CStrLiterals);
    public const string AllCStrLiterals = nameof(AllCStrLiterals);
    public const string Parameter = nameof(Parameter);
    public const string AllParameters = nameof(AllParameters);
    public const string MiscDevice = nameof(MiscDevice);
    public const string AllMiscDevices = nameof(AllMiscDevices);
    public const string WorkItem = nameof(WorkItem);
    public const string AllWorkItems = nameof(AllWorkItems);
    public const string TimerCallback = nameof(TimerCallback);
    public const string AllTimerCallbacks = nameof(AllTimerCallbacks);
    public const string PciDriver = nameof(PciDriver);
    public const string AllPciDrivers = nameof(AllPciDrivers);
    public const string IrqHandler = nameof(IrqHandler);
    public const string AllIrqHandlers = nameof(AllIrqHandlers);
    public const string PlatformDriver = nameof(PlatformDriver);
    public const string AllPlatformDrivers = nameof(AllPlatformDrivers);
    public const string DebugfsFile = nameof(DebugfsFile);
    public const string AllDebugfsFiles = nameof(AllDebugfsFiles);
    public const string SeqFile = nameof(SeqFile);
    public const string AllSeqFiles = nameof(AllSeqFiles);
    public const string ConfigfsItem = nameof(ConfigfsItem);
    public const string AllConfigfsItems = nameof(AllConfigfsItems);
    public const string SysfsAttribute = nameof(SysfsAttribute);
    public const string AllSysfsAttributes = nameof(AllSysfsAttributes);
    public const string KernelTest = nameof(KernelTest);
    public const string AllKernelTests = nameof(AllKernelTests);
    public const string SysctlUse = nameof(SysctlUse);
    public const string AnySysctl = nameof(AnySysctl);
    public const string SkipLocalsInitDeclared = nameof(SkipLocalsInitDeclared);
}
