using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Kernel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.Parameters;

/// <summary>Reports what is wrong with a [ModuleParameter] (the checks the generator relies on) and names used twice.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParameterDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        GeneratorDiagnostics.ParameterShapeInvalid, GeneratorDiagnostics.ParameterTypeUnsupported, GeneratorDiagnostics.ParameterDefaultInvalid,
        GeneratorDiagnostics.ParameterNameInvalid, GeneratorDiagnostics.ParameterNameDuplicate, GeneratorDiagnostics.ParameterPermissionsInvalid,
        GeneratorDiagnostics.ParameterLengthInvalid, GeneratorDiagnostics.ParameterWritableNeedsCopy,
        GeneratorDiagnostics.ModuleValueEmpty, GeneratorDiagnostics.ModuleValueHasNul);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(ParameterDeclaration.AttributeName);
            if (attributeType is null) return;
            var declared = new ConcurrentBag<(string Name, IPropertySymbol Property, Location Location)>();

            start.RegisterSymbolAction(symbolContext =>
            {
                var property = (IPropertySymbol)symbolContext.Symbol;
                if (property.PartialDefinitionPart is not null) return;
                AttributeData? attribute = property.GetAttributes()
                    .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                if (attribute is null) return;
                var (model, diagnostics) = ParameterDeclaration.Parse(property, attribute, symbolContext.CancellationToken);
                foreach (Diagnostic diagnostic in diagnostics) symbolContext.ReportDiagnostic(diagnostic);
                if (model is not null) declared.Add((model.Name, property, property.Locations.FirstOrDefault() ?? Location.None));
            }, SymbolKind.Property);

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var group in declared.GroupBy(d => d.Name))
                    foreach (var (first, extra) in SourceOrder.Repeats(group, d => d.Location))
                        end.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ParameterNameDuplicate, extra.Location,
                            group.Key, first.Property.ContainingType.Name + "." + first.Property.Name));
            });
        });
    }
}
