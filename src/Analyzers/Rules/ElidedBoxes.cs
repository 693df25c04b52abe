using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// Boxing conversions that never reach the heap in a module: the C# compiler does not emit them, or ilc (RyuJIT)
/// removes the box for every instantiation. Each shape was checked in the object ilc emits for a module
/// (tests/build's IlcFolds fixture builds with no allocation helper).
/// </summary>
internal static class ElidedBoxes
{
    public static bool IsElided(IConversionOperation conversion, RequiredSymbols symbols)
    {
        ITypeSymbol source = conversion.Operand.Type!;
        IOperation? parent = conversion.Parent;
        // T compared with null: the JIT folds the box into a constant (false for a value type).
        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
            && IsNullConstant(comparison.LeftOperand == conversion ? comparison.RightOperand : comparison.LeftOperand))
            return true;
        // (int)(object)value: a box unboxed at once is removed.
        if (parent is IConversionOperation { Type.IsValueType: true }) return true;
        // value as string: no value type is a string, so the JIT folds box + isinst to null.
        if (conversion.IsTryCast && conversion.Type is { TypeKind: TypeKind.Class } target && !CanHoldValueType(target)) return true;
        // "a" + n: the compiler calls n.ToString() on a value type that overrides it instead of boxing n.
        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }
            && source is not ITypeParameterSymbol && source.TypeKind != TypeKind.Enum && OverridesToString(source))
            return true;
        // ((IShape)square).Sides(), ((IShape)value).Sides() on a T: the JIT devirtualizes the call on the exact value type
        // and calls its own method on a copy; a T that is a class has no box (its interface call is KC9008's business).
        if (parent is IInvocationOperation { Instance: { } instance } && instance == conversion && conversion.Type is { TypeKind: TypeKind.Interface }
            && (source is ITypeParameterSymbol || source.TypeKind == TypeKind.Struct && source.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T))
            return true;
        // e.HasFlag(E.A): an intrinsic on two values of the same enum type.
        if (parent is IArgumentOperation { Parent: IInvocationOperation invocation } && IsHasFlagIntrinsic(invocation)) return true;
        // Inside if (typeof(T) == typeof(string)) { ... }: T is that reference type there, and the "box" is a no-op.
        return source is ITypeParameterSymbol parameter && GuardedType(parameter, conversion) is { IsReferenceType: true };
    }

    /// <summary>e.HasFlag(E.A) on the same enum type: RyuJIT's intrinsic, no box of either side.</summary>
    public static bool IsHasFlagIntrinsic(IInvocationOperation invocation)
        => invocation.TargetMethod is { Name: "HasFlag", ContainingType.SpecialType: SpecialType.System_Enum }
        && invocation.Instance?.Type is { TypeKind: TypeKind.Enum } instance
        && invocation.Arguments.Length == 1
        && invocation.Arguments[0].Value is IConversionOperation { Operand.Type: { } flag }
        && SymbolEqualityComparer.Default.Equals(flag, instance);

    /// <summary>Whether a value type can be converted to this reference type (so a box of it is kept).</summary>
    public static bool CanHoldValueType(ITypeSymbol type)
        => type.TypeKind == TypeKind.Interface
        || type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum;

    /// <summary>
    /// The type <paramref name="parameter"/> is known to be where <paramref name="operation"/> runs: the X of an
    /// enclosing <c>typeof(T) == typeof(X)</c> condition (alone or in an <c>&amp;&amp;</c> chain) whose true branch holds it.
    /// </summary>
    private static ITypeSymbol? GuardedType(ITypeParameterSymbol parameter, IOperation operation)
    {
        for (IOperation child = operation, current = operation.Parent!; current is not null; child = current, current = current.Parent!)
            if (current is IConditionalOperation conditional && conditional.WhenTrue == child && FindTypeEquality(conditional.Condition, parameter) is { } type)
                return type;
        return null;
    }

    private static ITypeSymbol? FindTypeEquality(IOperation condition, ITypeParameterSymbol parameter)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return FindTypeEquality(and.LeftOperand, parameter) ?? FindTypeEquality(and.RightOperand, parameter);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, LeftOperand: ITypeOfOperation left, RightOperand: ITypeOfOperation right }:
                if (SymbolEqualityComparer.Default.Equals(left.TypeOperand, parameter)) return right.TypeOperand;
                if (SymbolEqualityComparer.Default.Equals(right.TypeOperand, parameter)) return left.TypeOperand;
                return null;
            default:
                return null;
        }
    }

    private static bool IsNullConstant(IOperation operand)
        => operand.ConstantValue is { HasValue: true, Value: null };

    private static bool OverridesToString(ITypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers("ToString"))
            if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 0 }) return true;
        return false;
    }
}
