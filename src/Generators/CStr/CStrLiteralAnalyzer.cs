using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Generators.CStr;

/// <summary>KC0101/KC0102: a CStr.Literal argument that is not a constant, or holds a NUL.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CStrLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(GeneratorDiagnostics.CStrNotConstant, GeneratorDiagnostics.CStrInteriorNul);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(operationContext =>
        {
            var invocation = (IInvocationOperation)operationContext.Operation;
            if (!CStrLiteral.IsLiteralMethod(invocation.TargetMethod)) return;
            Diagnostic? diagnostic = CStrLiteral.Validate(invocation, out _);
            if (diagnostic is not null) operationContext.ReportDiagnostic(diagnostic);
        }, OperationKind.Invocation);
    }
}
