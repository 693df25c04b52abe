using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.Callbacks;

/// <summary>Reports what is wrong with a callback type ([MiscDevice], [WorkItem], [TimerCallback], [PciDriver], [IrqHandler], [PlatformDriver], [DebugfsFile], [SeqFile], [ConfigfsItem], [SysfsAttribute]) (the checks the generators rely
/// on), and a type of such a kind without its attribute.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallbackTypeDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        GeneratorDiagnostics.CallbackTypeNotMarked, GeneratorDiagnostics.CallbackTypeShapeInvalid, GeneratorDiagnostics.CallbackTypeNotImplemented,
        GeneratorDiagnostics.PciDriverWithoutIds, GeneratorDiagnostics.PciIdOutOfRange, GeneratorDiagnostics.PciIdDuplicate,
        GeneratorDiagnostics.PlatformDriverWithoutIds, GeneratorDiagnostics.AcpiIdInvalid, GeneratorDiagnostics.OfCompatibleInvalid,
        GeneratorDiagnostics.ConfigfsAttributeNameInvalid, GeneratorDiagnostics.ConfigfsStoreMissing, GeneratorDiagnostics.ConfigfsTooManyAttributes);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributes = new List<(CallbackTypeKind Kind, INamedTypeSymbol Attribute)>();
            foreach (CallbackTypeKind kind in CallbackTypeKind.All)
                if (start.Compilation.GetTypeByMetadataName(kind.AttributeMetadataName) is { } attribute)
                    attributes.Add((kind, attribute));
            if (attributes.Count == 0) return;
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (type.TypeKind is not (TypeKind.Struct or TypeKind.Class)) return;
                foreach ((CallbackTypeKind kind, INamedTypeSymbol attribute) in attributes)
                {
                    bool marked = type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                    if (marked)
                    {
                        foreach (Diagnostic diagnostic in CallbackTypeDeclaration.Parse(type, kind, symbolContext.CancellationToken).Diagnostics)
                            symbolContext.ReportDiagnostic(diagnostic);
                        if (kind == CallbackTypeKind.PciDriver)
                            foreach (Diagnostic diagnostic in Pci.PciDriverDeclaration.ReadIds(type).Diagnostics)
                                symbolContext.ReportDiagnostic(diagnostic);
                        if (kind == CallbackTypeKind.PlatformDriver)
                            foreach (Diagnostic diagnostic in Platform.PlatformDriverDeclaration.ReadIds(type).Diagnostics)
                                symbolContext.ReportDiagnostic(diagnostic);
                        if (kind == CallbackTypeKind.ConfigfsItem)
                            foreach (Diagnostic diagnostic in Configfs.ConfigfsItemDeclaration.ReadAttributes(type).Diagnostics)
                                symbolContext.ReportDiagnostic(diagnostic);
                    }
                    else if (kind.InterfaceOf(type) is not null)
                    {
                        symbolContext.ReportDiagnostic(CallbackTypeDeclaration.NotMarked(type, kind));
                    }
                }
            }, SymbolKind.NamedType);
        });
    }
}
