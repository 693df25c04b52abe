using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.Module;

/// <summary>Reports what is wrong with a [Module] declaration (the same checks the generator relies on).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModuleDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        GeneratorDiagnostics.ModuleNameMissing, GeneratorDiagnostics.ModuleLicenseMissing, GeneratorDiagnostics.ModuleNameInvalid,
        GeneratorDiagnostics.ModuleNameTooLong, GeneratorDiagnostics.ModuleLicenseUnknown, GeneratorDiagnostics.ModuleLicenseProprietary,
        GeneratorDiagnostics.ModuleValueHasNul, GeneratorDiagnostics.ModuleValueNotAscii, GeneratorDiagnostics.ModuleDuplicate,
        GeneratorDiagnostics.ModuleNotKernelModule, GeneratorDiagnostics.ModuleWrongSelfType, GeneratorDiagnostics.ModuleIsClass,
        GeneratorDiagnostics.ModuleTypeUnreachable, GeneratorDiagnostics.ModuleValueEmpty);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(ModuleDeclaration.AttributeName);
            if (attributeType is null) return;
            var declared = new ConcurrentBag<(INamedTypeSymbol Type, Location Location)>();

            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                AttributeData? attribute = type.GetAttributes()
                    .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                if (attribute is null) return;
                declared.Add((type, type.Locations.FirstOrDefault() ?? Location.None));
                foreach (Diagnostic diagnostic in ModuleDeclaration.Parse(type, attribute, symbolContext.CancellationToken).Diagnostics)
                    symbolContext.ReportDiagnostic(diagnostic);
            }, SymbolKind.NamedType);

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (first, extra) in SourceOrder.Repeats(declared, d => d.Location))
                    end.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ModuleDuplicate, extra.Location,
                        extra.Type.Name, first.Type.Name));
            });
        });
    }
}
