using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>KC1001: every explicit and implicit GC heap allocation (the kernel has no allocator that cannot fail).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1001InfallibleAllocationAnalyzer : KernelModuleAnalyzer
{
    public const string StackallocCandidate = nameof(StackallocCandidate);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.InfallibleAllocation);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        context.RegisterOperationAction(c => AnalyzeOperation(c, symbols),
            OperationKind.ObjectCreation, OperationKind.ArrayCreation, OperationKind.AnonymousObjectCreation,
            OperationKind.DelegateCreation, OperationKind.Conversion, OperationKind.Binary,
            OperationKind.InterpolatedString, OperationKind.CollectionExpression, OperationKind.Invocation,
            OperationKind.Loop, OperationKind.CompoundAssignment, OperationKind.EventAssignment, OperationKind.With,
            OperationKind.Range, OperationKind.DeclarationPattern,
            OperationKind.RecursivePattern);
        context.RegisterSymbolAction(AnalyzeAsync, SymbolKind.Method);
        context.RegisterSyntaxNodeAction(AnalyzeYield, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, RequiredSymbols symbols)
    {
        IOperation operation = context.Operation;
        if (KernelModuleScope.IsInAttribute(operation)) return;
        switch (operation)
        {
            case IObjectCreationOperation { Type: { IsReferenceType: true } type }:
                Report(context, operation, type.TypeKind == TypeKind.Delegate ? $"creating delegate '{KernelModuleScope.Display(type)}'" : $"'new {KernelModuleScope.Display(type)}'");
                break;
            case IArrayCreationOperation array:
                ReportArray(context, array, symbols);
                break;
            case IAnonymousObjectCreationOperation:
                Report(context, operation, "an anonymous type");
                break;
            case IDelegateCreationOperation { Target: var target } creation:
                Report(context, operation, target switch
                {
                    IAnonymousFunctionOperation => "a lambda or anonymous method (its delegate and closure)",
                    IMethodReferenceOperation reference => $"a delegate made from method group '{reference.Method.Name}'",
                    _ => $"creating delegate '{KernelModuleScope.Display(creation.Type)}'",
                });
                break;
            case IConversionOperation conversion when IsBoxing(conversion) && !ElidedBoxes.IsElided(conversion, symbols):
                Report(context, operation, $"boxing '{KernelModuleScope.Display(conversion.Operand.Type)}' to '{KernelModuleScope.Display(conversion.Type)}'");
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } binary
                when binary.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false }:
                Report(context, operation, "string concatenation");
                break;
            case IInterpolatedStringOperation { ConstantValue.HasValue: false } interpolated when ProducesString(interpolated):
                Report(context, operation, "string interpolation that produces a string");
                break;
            case ICollectionExpressionOperation collection:
                ReportCollection(context, collection, symbols);
                break;
            case IInvocationOperation invocation:
                ReportInvocation(context, invocation, symbols);
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                Report(context, operation, "string concatenation");
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, Type.TypeKind: TypeKind.Delegate } compound:
                Report(context, operation, $"'{(compound.OperatorKind == BinaryOperatorKind.Add ? "+=" : "-=")}' on a delegate (Delegate.Combine/Remove make a new one)");
                break;
            case IEventAssignmentOperation { EventReference: IEventReferenceOperation reference } assignment:
                Report(context, operation, $"'{(assignment.Adds ? "+=" : "-=")}' on event '{reference.Event.Name}' (Delegate.Combine/Remove make a new delegate)");
                break;
            case IWithOperation { Type.IsReferenceType: true } with:
                Report(context, operation, $"'with' on record class '{KernelModuleScope.Display(with.Type)}' (a copy on the heap)");
                break;
            // From the range (rare) rather than from every element access (common): a[1..3] on an array or a string.
            case IRangeOperation { Parent: IArrayElementReferenceOperation element }:
                Report(context, element, $"a range of array '{KernelModuleScope.Display(element.ArrayReference.Type)}' (a new array; slice a span instead)");
                break;
            case IRangeOperation { Parent: IImplicitIndexerReferenceOperation { IndexerSymbol: IMethodSymbol { Name: "Substring", ContainingType.SpecialType: SpecialType.System_String } } indexer }:
                Report(context, indexer, "a range of a string (Substring; slice a span instead)");
                break;
            case IPatternOperation pattern when KeepsABox(pattern, out ITypeSymbol? input, out ITypeSymbol? matched):
                Report(context, pattern.Parent is IIsPatternOperation isPattern ? isPattern : pattern,
                    $"a type pattern that keeps '{KernelModuleScope.Display(input)}' as '{KernelModuleScope.Display(matched)}' (a box)");
                break;
            case IForEachLoopOperation loop when AllocatesEnumerator(loop, out string? enumerable):
                Report(context, loop.Collection, $"foreach over '{enumerable}' (its enumerator lives on the heap)");
                break;
        }
    }

    private static void ReportCollection(OperationAnalysisContext context, ICollectionExpressionOperation collection, RequiredSymbols symbols)
    {
        if (symbols.IsSpan(collection.Type))
        {
            // A span of a known length lives on the stack (an inline array); a spread's length is known only at run time.
            if (collection.Elements.Any(e => e is ISpreadOperation))
                Report(context, collection, $"a collection expression with a spread into '{KernelModuleScope.Display(collection.Type)}' (its array)");
            return;
        }
        // [] as an array or a read-only interface is Array.Empty<T>().
        if (collection.Elements.IsEmpty && (collection.Type?.TypeKind == TypeKind.Array || symbols.IsEmptyArrayInterface(collection.Type))) return;
        Report(context, collection, $"a collection expression creating '{KernelModuleScope.Display(collection.Type)}'");
    }

    private static void ReportInvocation(OperationAnalysisContext context, IInvocationOperation invocation, RequiredSymbols symbols)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (symbols.IsLinq(method))
        {
            if (method.Name != "AsEnumerable") Report(context, invocation, $"LINQ '{method.Name}'");
            return;
        }
        if (symbols.IsAllocatingMethod(method))
        {
            Report(context, invocation, $"'{method.ContainingType.Name}.{method.Name}'");
            return;
        }
        // plain.ToString() on a struct or enum that does not override it: the receiver is boxed for the base's method.
        if (invocation.Instance is { Type: { IsValueType: true, TypeKind: not TypeKind.TypeParameter } receiver } && method.ContainingType is { IsReferenceType: true }
            && !ElidedBoxes.IsHasFlagIntrinsic(invocation))
            Report(context, invocation, $"calling '{method.ContainingType.Name}.{method.Name}' on '{KernelModuleScope.Display(receiver)}', which boxes it");
    }

    /// <summary>
    /// <c>value is IFormattable f</c> on a value type or a type parameter that may be one: the variable holds the box.
    /// Without a variable (<c>value is IFormattable</c>) the JIT folds the test for each instantiation.
    /// </summary>
    private static bool KeepsABox(IPatternOperation pattern, out ITypeSymbol? input, out ITypeSymbol? matched)
    {
        input = pattern.InputType;
        (matched, ISymbol? variable) = pattern switch
        {
            IDeclarationPatternOperation declaration => (declaration.MatchedType, declaration.DeclaredSymbol),
            IRecursivePatternOperation recursive => (recursive.MatchedType, recursive.DeclaredSymbol),
            _ => (null, null),
        };
        return variable is not null && matched is { IsReferenceType: true } && ElidedBoxes.CanHoldValueType(matched)
            && (input.IsValueType || input is ITypeParameterSymbol { IsReferenceType: false });
    }

    private static void ReportArray(OperationAnalysisContext context, IArrayCreationOperation array, RequiredSymbols symbols)
    {
        if (IsStaticData(array, symbols) || ConditionalCalls.IsLeftOut(array)) return;
        if (array.IsImplicit && array.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray } argument)
        {
            string paramsWhat = $"the params array built for '{argument.Parameter?.ContainingSymbol.Name}'";
            var elements = array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty;
            Location location = elements.IsEmpty
                ? array.Syntax.GetLocation()
                : Location.Create(array.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(elements[0].Syntax.SpanStart, elements[elements.Length - 1].Syntax.Span.End));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InfallibleAllocation, location, paramsWhat));
            return;
        }
        string what = array.Syntax is InitializerExpressionSyntax
            ? $"an array initializer creating '{KernelModuleScope.Display(array.Type)}'"
            : $"'new {KernelModuleScope.Display(array.Type)}'";
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (array.Syntax is ArrayCreationExpressionSyntax && array.Initializer is null && array.DimensionSizes.Length == 1
            && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size } && size is > 0 and <= 256
            && array.Type is IArrayTypeSymbol { ElementType.IsUnmanagedType: true })
            properties = properties.Add(StackallocCandidate, "true");
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InfallibleAllocation, array.Syntax.GetLocation(), properties, what));
    }

    /// <summary>
    /// <c>ReadOnlySpan&lt;int&gt; P =&gt; new int[] { 1, 2 };</c>: constant elements of a primitive type, straight into a
    /// ReadOnlySpan. The compiler emits a span over static data (RuntimeHelpers.CreateSpan), never an array.
    /// </summary>
    private static bool IsStaticData(IArrayCreationOperation array, RequiredSymbols symbols)
        => array.Parent is IConversionOperation conversion && symbols.IsReadOnlySpan(conversion.Type)
            && array.Type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: >= SpecialType.System_Boolean and <= SpecialType.System_UInt64 }
            && array.Initializer is { } initializer
            && initializer.ElementValues.All(e => e.ConstantValue.HasValue);

    private static void AnalyzeAsync(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsAsync || method.IsImplicitlyDeclared) return;
        foreach (Location location in method.Locations)
            if (location.IsInSource)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InfallibleAllocation, location, $"async method '{method.Name}' (its state machine)"));
    }

    /// <summary>An iterator is reported once, at its name, from its first yield (no walk of other methods).</summary>
    private static void AnalyzeYield(SyntaxNodeAnalysisContext context)
    {
        SyntaxNode? body = context.Node.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax);
        if (body is null or AnonymousFunctionExpressionSyntax) return;
        YieldStatementSyntax first = body.DescendantNodes(n => n == body || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<YieldStatementSyntax>().First();
        if (first != context.Node) return;
        SyntaxToken name = body switch
        {
            MethodDeclarationSyntax method => method.Identifier,
            LocalFunctionStatementSyntax local => local.Identifier,
            OperatorDeclarationSyntax op => op.OperatorToken,
            AccessorDeclarationSyntax accessor => accessor.Keyword,
            _ => body.GetFirstToken(),
        };
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InfallibleAllocation, name.GetLocation(), $"iterator '{name.ValueText}' (its state machine)"));
    }

    /// <summary>A value type (or a type parameter that may be one) converted to a reference type, not by a user-defined operator.</summary>
    private static bool IsBoxing(IConversionOperation conversion)
        => conversion.Type is { IsReferenceType: true, TypeKind: not TypeKind.Error } && conversion.OperatorMethod is null
        && conversion.Operand.Type is { TypeKind: not TypeKind.Error } source
        && (source.IsValueType || source is ITypeParameterSymbol { IsReferenceType: false });

    private static void Report(OperationAnalysisContext context, IOperation operation, string what)
    {
        if (!ConditionalCalls.IsLeftOut(operation)) context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.InfallibleAllocation, operation.Syntax.GetLocation(), what));
    }

    private static bool ProducesString(IInterpolatedStringOperation interpolated)
    {
        // Handler-targeted interpolation (e.g. Printk's PrintkText) is IInterpolatedStringHandlerCreationOperation; only a
        // string result allocates.
        IOperation? parent = interpolated.Parent;
        return interpolated.Type?.SpecialType == SpecialType.System_String
            && parent is not IInterpolatedStringHandlerCreationOperation;
    }

    private static bool AllocatesEnumerator(IForEachLoopOperation loop, out string? enumerable)
    {
        IOperation collection = loop.Collection is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : loop.Collection;
        enumerable = KernelModuleScope.Display(collection.Type);
        if (collection.Type is null || collection.Type.TypeKind == TypeKind.Array || collection.Type.SpecialType == SpecialType.System_String) return false;
        if (collection.Type.TypeKind == TypeKind.Interface) return true;
        if (loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is null) return false;
        return loop.SemanticModel.GetForEachStatementInfo(syntax).GetEnumeratorMethod?.ReturnType is { IsReferenceType: true };
    }
}
