using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>KC1002: floating-point arithmetic, comparisons, conversions and Math calls (clippy::float_arithmetic).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1002FloatArithmeticAnalyzer : KernelModuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.FloatArithmetic);

    protected override void InitializeForModule(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(Analyze, OperationKind.Binary, OperationKind.Unary, OperationKind.Increment,
            OperationKind.Decrement, OperationKind.CompoundAssignment, OperationKind.Conversion, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        IOperation operation = context.Operation;
        if (KernelModuleScope.IsInAttribute(operation)) return;
        if (operation.ConstantValue.HasValue) return;
        string? what = operation switch
        {
            IBinaryOperation binary when IsFloat(binary.LeftOperand.Type) || IsFloat(binary.RightOperand.Type) =>
                $"'{Symbol(binary.OperatorKind)}' on '{KernelModuleScope.Display(IsFloat(binary.LeftOperand.Type) ? binary.LeftOperand.Type : binary.RightOperand.Type)}'",
            IUnaryOperation unary when IsFloat(unary.Operand.Type) => $"unary '{(unary.OperatorKind == UnaryOperatorKind.Minus ? "-" : "+")}' on '{KernelModuleScope.Display(unary.Operand.Type)}'",
            IIncrementOrDecrementOperation step when IsFloat(step.Target.Type) =>
                $"'{(step.Kind == OperationKind.Increment ? "++" : "--")}' on '{KernelModuleScope.Display(step.Target.Type)}'",
            ICompoundAssignmentOperation compound when IsFloat(compound.Target.Type) || IsFloat(compound.Value.Type) =>
                $"'{Symbol(compound.OperatorKind)}=' on '{KernelModuleScope.Display(IsFloat(compound.Target.Type) ? compound.Target.Type : compound.Value.Type)}'",
            IConversionOperation conversion when !conversion.Operand.ConstantValue.HasValue && !FeedsFloatOperation(conversion)
                && (IsFloat(conversion.Type) || IsFloat(conversion.Operand.Type)) && !IsBoxing(conversion) =>
                $"converting '{KernelModuleScope.Display(conversion.Operand.Type)}' to '{KernelModuleScope.Display(conversion.Type)}'",
            IInvocationOperation invocation when IsMath(invocation.TargetMethod) =>
                $"'{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}' on floating point",
            _ => null,
        };
        if (what is not null)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.FloatArithmetic, operation.Syntax.GetLocation(), what));
    }

    /// <summary>An implicit widening into a float operation is reported with that operation, not twice.</summary>
    private static bool FeedsFloatOperation(IConversionOperation conversion)
        => conversion.IsImplicit && conversion.Parent is IBinaryOperation or ICompoundAssignmentOperation && IsFloat(conversion.Type);

    private static string Symbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+", BinaryOperatorKind.Subtract => "-", BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/", BinaryOperatorKind.Remainder => "%", BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=", BinaryOperatorKind.LessThan => "<", BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">", BinaryOperatorKind.GreaterThanOrEqual => ">=", _ => kind.ToString(),
    };

    private static bool IsBoxing(IConversionOperation conversion) => conversion.Type?.IsReferenceType == true;

    private static bool IsMath(IMethodSymbol method)
        => method.ContainingType is { Name: "Math" or "MathF" } type && type.ContainingNamespace?.Name == "System"
        && (IsFloat(method.ReturnType) || method.Parameters.Any(p => IsFloat(p.Type)));

    public static bool IsFloat(ITypeSymbol? type)
        => type is not null && (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double
            || type is INamedTypeSymbol { Name: "Half", ContainingNamespace.Name: "System" }
            || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsFloat(nullable.TypeArguments[0]));
}
