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

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Binary, OperationKind.Unary, OperationKind.Increment,
            OperationKind.Decrement, OperationKind.CompoundAssignment, OperationKind.Conversion, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, RequiredSymbols symbols)
    {
        IOperation operation = context.Operation;
        if (KernelModuleScope.IsInAttribute(operation)) return;
        if (operation.ConstantValue.HasValue) return;
        string? what = operation switch
        {
            IBinaryOperation binary when (IsFloat(symbols, binary.LeftOperand.Type) || IsFloat(symbols, binary.RightOperand.Type)) && !IsNullTest(binary) =>
                $"'{Symbol(binary.OperatorKind)}' on '{KernelModuleScope.Display(IsFloat(symbols, binary.LeftOperand.Type) ? binary.LeftOperand.Type : binary.RightOperand.Type)}'",
            IUnaryOperation unary when IsFloat(symbols, unary.Operand.Type) => $"unary '{(unary.OperatorKind == UnaryOperatorKind.Minus ? "-" : "+")}' on '{KernelModuleScope.Display(unary.Operand.Type)}'",
            IIncrementOrDecrementOperation step when IsFloat(symbols, step.Target.Type) =>
                $"'{(step.Kind == OperationKind.Increment ? "++" : "--")}' on '{KernelModuleScope.Display(step.Target.Type)}'",
            ICompoundAssignmentOperation compound when IsFloat(symbols, compound.Target.Type) || IsFloat(symbols, compound.Value.Type) =>
                $"'{Symbol(compound.OperatorKind)}=' on '{KernelModuleScope.Display(IsFloat(symbols, compound.Target.Type) ? compound.Target.Type : compound.Value.Type)}'",
            IConversionOperation conversion when !conversion.Operand.ConstantValue.HasValue && !FeedsFloatOperation(symbols, conversion)
                && (IsFloat(symbols, conversion.Type) || IsFloat(symbols, conversion.Operand.Type)) && !IsBoxing(conversion) && !IsNullableWrap(conversion) =>
                $"converting '{KernelModuleScope.Display(conversion.Operand.Type)}' to '{KernelModuleScope.Display(conversion.Type)}'",
            IInvocationOperation invocation when IsMath(symbols, invocation.TargetMethod) =>
                $"'{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}' on floating point",
            _ => null,
        };
        if (what is not null && !ConditionalCalls.IsLeftOut(operation))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.FloatArithmetic, operation.Syntax.GetLocation(), what));
    }

    /// <summary>An implicit widening into a float operation is reported with that operation, not twice.</summary>
    private static bool FeedsFloatOperation(RequiredSymbols symbols, IConversionOperation conversion)
        => conversion.IsImplicit && conversion.Parent is IBinaryOperation or ICompoundAssignmentOperation && IsFloat(symbols, conversion.Type);

    private static string Symbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+", BinaryOperatorKind.Subtract => "-", BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/", BinaryOperatorKind.Remainder => "%", BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=", BinaryOperatorKind.LessThan => "<", BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">", BinaryOperatorKind.GreaterThanOrEqual => ">=", _ => kind.ToString(),
    };

    private static bool IsBoxing(IConversionOperation conversion) => conversion.Type?.IsReferenceType == true;

    /// <summary><c>double? n = d</c>, <c>(double)n</c>: a move into or out of a Nullable, no arithmetic.</summary>
    private static bool IsNullableWrap(IConversionOperation conversion)
        => SymbolEqualityComparer.Default.Equals(Underlying(conversion.Type), Underlying(conversion.Operand.Type));

    /// <summary><c>n == null</c> on a nullable float tests HasValue.</summary>
    private static bool IsNullTest(IBinaryOperation test)
        => test.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals && (IsNull(test.LeftOperand) || IsNull(test.RightOperand));

    private static bool IsNull(IOperation operand)
        => operand.ConstantValue is { HasValue: true, Value: null } || operand is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: null } };

    private static ITypeSymbol? Underlying(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>Math/MathF on floats, and every method of a float type itself (<c>double.IsNaN</c>, <c>float.Abs</c>, <c>d.CompareTo</c>).</summary>
    private static bool IsMath(RequiredSymbols symbols, IMethodSymbol method)
        => IsFloatType(symbols, method.ContainingType)
        || symbols.FloatMath.Contains(method.ContainingType)
        && (IsFloat(symbols, method.ReturnType) || method.Parameters.Any(p => IsFloat(symbols, p.Type)));

    /// <summary>float, double or Half themselves, not Nullable of them (n.GetValueOrDefault() only moves a value).</summary>
    private static bool IsFloatType(RequiredSymbols symbols, ITypeSymbol? type)
        => type is not null && (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double || RequiredSymbols.Is(type, symbols.Half));

    /// <summary>A float type, or Nullable of one.</summary>
    public static bool IsFloat(RequiredSymbols symbols, ITypeSymbol? type)
        => IsFloatType(symbols, type)
            || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsFloatType(symbols, nullable.TypeArguments[0]);
}
