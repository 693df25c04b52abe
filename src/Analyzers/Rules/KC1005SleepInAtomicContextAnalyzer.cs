using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// KC1005 (what Rust-for-Linux's klint checks): a call that may sleep while a <c>SpinLockGuard</c> is alive in the
/// same method. A guard is alive from a <c>using</c> declaration to the end of its block (or an earlier
/// <c>guard.Dispose()</c>), in a <c>using</c> statement's body, and for a plain local from its declaration to its
/// <c>Dispose()</c>. A call may sleep when its target (method, property or constructor) is marked
/// <c>[MaySleep]</c> (KernelCrate marks Mutex.Lock, user copies, registrations; users mark their own), or when it
/// allocates with a constant <c>Gfp</c> that is neither Atomic nor NoWait (the fix: <c>Gfp.Atomic</c>). Calls made
/// from a method the guarded code calls are seen only through that method's own <c>[MaySleep]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1005SleepInAtomicContextAnalyzer : KernelModuleAnalyzer
{
    /// <summary>Diagnostic property: the Gfp parameter's name, when the fix can make the allocation atomic.</summary>
    public const string GfpParameter = nameof(GfpParameter);
    /// <summary>Diagnostic property: "explicit" when the Gfp argument is written, "default" when it is the default.</summary>
    public const string GfpArgument = nameof(GfpArgument);

    private const uint NeverSleeps = 0x2 | 0x4; // Gfp.Atomic | Gfp.NoWait

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.SleepInAtomicContext);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        if (symbols.SpinLockGuard is null) return;
        context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.PropertyReference, OperationKind.ObjectCreation);
    }

    private static void Analyze(OperationAnalysisContext context, RequiredSymbols symbols)
    {
        (ISymbol? target, ImmutableArray<IArgumentOperation> arguments) = context.Operation switch
        {
            IInvocationOperation invocation => ((ISymbol?)invocation.TargetMethod, invocation.Arguments),
            IPropertyReferenceOperation property => (property.Property, property.Arguments),
            IObjectCreationOperation creation => (creation.Constructor, ImmutableArray<IArgumentOperation>.Empty),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (target is null) return;

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        string? reason = null;
        if (IsMarked(target, symbols.MaySleep))
        {
            reason = "'" + target.Name + "' is [MaySleep]";
        }
        else if (SleepingAllocation(arguments, symbols) is { } gfp)
        {
            reason = "'" + target.Name + "' allocates with Gfp." + gfp.Value;
            properties = properties.Add(GfpParameter, gfp.Parameter).Add(GfpArgument, gfp.IsDefault ? "default" : "explicit");
        }
        if (reason is null) return;

        string? guard = HeldGuard(context.Operation.Syntax, context.Operation.SemanticModel!, symbols, context.CancellationToken);
        if (guard is null) return;
        string advice = properties.ContainsKey(GfpParameter)
            ? "allocate with Gfp.Atomic, or before taking the lock"
            : "release the guard first, or protect the data with a Mutex";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.SleepInAtomicContext, context.Operation.Syntax.GetLocation(), properties, reason, guard, advice));
    }

    private static bool IsMarked(ISymbol target, INamedTypeSymbol? maySleep)
    {
        if (maySleep is null) return false;
        bool Has(ISymbol? s) => s is not null && s.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, maySleep));
        return Has(target) || Has(target.OriginalDefinition)
            || (target is IMethodSymbol { ReducedFrom: { } reduced } && Has(reduced))
            || (target is IMethodSymbol { AssociatedSymbol: { } property } && Has(property));
    }

    /// <summary>A Gfp argument known at compile time that allows sleeping (Kernel, the usual default).</summary>
    private static (string Parameter, string Value, bool IsDefault)? SleepingAllocation(ImmutableArray<IArgumentOperation> arguments, RequiredSymbols symbols)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter || !RequiredSymbols.Is(parameter.Type, symbols.Gfp)) continue;
            if (argument.Value.ConstantValue is not { HasValue: true, Value: { } value }) continue;
            uint bits = System.Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if ((bits & NeverSleeps) != 0) continue;
            return (parameter.Name, (bits & 0x1) != 0 ? "Kernel" : "0 (Kernel)", argument.ArgumentKind == ArgumentKind.DefaultValue);
        }
        return null;
    }

    /// <summary>The name of a SpinLockGuard alive at <paramref name="node"/> in the same method, or null.</summary>
    private static string? HeldGuard(SyntaxNode node, SemanticModel model, RequiredSymbols symbols, System.Threading.CancellationToken cancellationToken)
    {
        bool IsGuard(TypeSyntax? type) => type is not null
            && RequiredSymbols.Is(model.GetTypeInfo(type, cancellationToken).Type?.OriginalDefinition, symbols.SpinLockGuard);

        for (SyntaxNode current = node; current.Parent is { } parent; current = parent)
        {
            if (current is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) return null;
            if (parent is UsingStatementSyntax usingStatement && current == usingStatement.Statement)
            {
                if (usingStatement.Declaration is { } declaration && IsGuard(declaration.Type))
                    return declaration.Variables.FirstOrDefault()?.Identifier.ValueText;
                if (usingStatement.Expression is { } expression
                    && RequiredSymbols.Is(model.GetTypeInfo(expression, cancellationToken).Type?.OriginalDefinition, symbols.SpinLockGuard))
                    return expression.ToString();
            }
            if (parent is BlockSyntax block && current is StatementSyntax statement)
            {
                int index = block.Statements.IndexOf(statement);
                for (int i = index - 1; i >= 0; i--)
                {
                    if (block.Statements[i] is not LocalDeclarationStatementSyntax local || !IsGuard(local.Declaration.Type)) continue;
                    string? name = local.Declaration.Variables.FirstOrDefault()?.Identifier.ValueText;
                    if (name is null || DisposedBetween(block, i, index, name)) continue;
                    return name;
                }
            }
        }
        return null;
    }

    private static bool DisposedBetween(BlockSyntax block, int from, int to, string name)
    {
        for (int i = from + 1; i < to; i++)
            if (block.Statements[i] is ExpressionStatementSyntax
                {
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose", Expression: IdentifierNameSyntax target } }
                } && target.Identifier.ValueText == name)
                return true;
        return false;
    }
}
