using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Generators.KernelTests;

/// <summary>Reports a [KernelTest] method the test module cannot call (the checks the generator relies on).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelTestDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        GeneratorDiagnostics.KernelTestShapeInvalid, GeneratorDiagnostics.KernelTestUnreachable);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(KernelTestDeclaration.AttributeName);
            if (attributeType is null) return;
            start.RegisterSymbolAction(symbolContext =>
            {
                var method = (IMethodSymbol)symbolContext.Symbol;
                AttributeData? attribute = method.GetAttributes()
                    .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                if (attribute is null) return;
                foreach (Diagnostic diagnostic in KernelTestDeclaration.Parse(method, attribute).Diagnostics)
                    symbolContext.ReportDiagnostic(diagnostic);
            }, SymbolKind.Method);
        });
    }
}
