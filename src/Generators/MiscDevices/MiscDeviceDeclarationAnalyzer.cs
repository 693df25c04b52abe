using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.MiscDevices;

/// <summary>Reports what is wrong with a [MiscDevice] type (the checks the generator relies on), and a misc device type without it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MiscDeviceDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        GeneratorDiagnostics.MiscDeviceNotMarked, GeneratorDiagnostics.MiscDeviceShapeInvalid, GeneratorDiagnostics.MiscDeviceNotImplemented);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(MiscDeviceDeclaration.AttributeName);
            if (attributeType is null) return;
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (type.TypeKind is not (TypeKind.Struct or TypeKind.Class)) return;
                bool marked = type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                if (marked)
                {
                    foreach (Diagnostic diagnostic in MiscDeviceDeclaration.Parse(type, symbolContext.CancellationToken).Diagnostics)
                        symbolContext.ReportDiagnostic(diagnostic);
                }
                else if (MiscDeviceDeclaration.IsMiscDevice(type))
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.MiscDeviceNotMarked,
                        type.Locations.FirstOrDefault() ?? Location.None, type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }
            }, SymbolKind.NamedType);
        });
    }
}
