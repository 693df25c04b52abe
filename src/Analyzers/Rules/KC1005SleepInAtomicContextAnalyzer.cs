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
        // Work starts where a guard is made (a call returning SpinLockGuard): code without spinlocks costs one type
        // comparison per call. Reported when the method's block ends, so each diagnostic is local to it (and fixable).
        context.RegisterOperationBlockStartAction(block =>
        {
            var guards = new System.Collections.Concurrent.ConcurrentQueue<IInvocationOperation>();
            block.RegisterOperationAction(c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (RequiredSymbols.Is(invocation.Type?.OriginalDefinition, symbols.SpinLockGuard)) guards.Enqueue(invocation);
            }, OperationKind.Invocation);
            block.RegisterOperationBlockEndAction(end =>
            {
                foreach (IInvocationOperation guard in guards) AnalyzeGuard(end, guard, symbols);
            });
        });
    }

    private static void AnalyzeGuard(OperationBlockAnalysisContext context, IInvocationOperation invocation, RequiredSymbols symbols)
    {
        (string? guard, ImmutableArray<SyntaxNode> region) = Region(invocation.Syntax);
        if (guard is null) return;
        SemanticModel model = invocation.SemanticModel!;
        foreach (SyntaxNode statement in region)
        {
            if (model.GetOperation(statement, context.CancellationToken) is not { } operation) continue;
            foreach (IOperation call in Calls(operation))
                if (Sleeps(call, symbols) is ({ } reason, var properties))
                {
                    string advice = properties.ContainsKey(GfpParameter)
                        ? "allocate with Gfp.Atomic, or before taking the lock"
                        : "release the guard first, or protect the data with a Mutex";
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.SleepInAtomicContext, call.Syntax.GetLocation(), properties, reason, guard, advice));
                }
        }
    }

    /// <summary>The calls in <paramref name="operation"/>, not counting those in lambdas and local functions (they run when called).</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Calls(IOperation operation)
    {
        if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation) yield break;
        if (operation is IInvocationOperation or IPropertyReferenceOperation or IObjectCreationOperation) yield return operation;
        foreach (IOperation child in operation.ChildOperations)
            foreach (IOperation call in Calls(child))
                yield return call;
    }

    /// <summary>Why a call may sleep, or null.</summary>
    private static (string? Reason, ImmutableDictionary<string, string?> Properties) Sleeps(IOperation operation, RequiredSymbols symbols)
    {
        (ISymbol? target, ImmutableArray<IArgumentOperation> arguments) = operation switch
        {
            IInvocationOperation invocation => ((ISymbol?)invocation.TargetMethod, invocation.Arguments),
            IPropertyReferenceOperation property => (property.Property, property.Arguments),
            IObjectCreationOperation creation => (creation.Constructor, ImmutableArray<IArgumentOperation>.Empty),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (target is null) return (null, properties);
        if (IsMarked(target, symbols.MaySleep)) return ("'" + target.Name + "' is [MaySleep]", properties);
        if (operation is IInvocationOperation && SleepingAllocation(arguments, symbols) is { } gfp)
            return ("'" + target.Name + "' allocates with Gfp." + gfp.Value,
                properties.Add(GfpParameter, gfp.Parameter).Add(GfpArgument, gfp.IsDefault ? "default" : "explicit"));
        return (null, properties);
    }

    /// <summary>
    /// Where the guard made by <paramref name="guardCall"/> is alive, as statements: a using statement's body; after
    /// <c>using var g = ...</c> the rest of the block; after <c>var g = ...</c> the statements up to <c>g.Dispose();</c>.
    /// </summary>
    private static (string? Guard, ImmutableArray<SyntaxNode> Region) Region(SyntaxNode guardCall)
    {
        SyntaxNode? node = guardCall.Parent;
        while (node is CastExpressionSyntax or ParenthesizedExpressionSyntax) node = node.Parent;
        if (node is UsingStatementSyntax { Statement: var body } direct && direct.Expression is not null)
            return (guardCall.ToString(), ImmutableArray.Create<SyntaxNode>(body));
        if (node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            string name = declarator.Identifier.ValueText;
            if (declarator.Parent?.Parent is UsingStatementSyntax { Statement: var usingBody })
                return (name, ImmutableArray.Create<SyntaxNode>(usingBody));
            if (declarator.Parent?.Parent is LocalDeclarationStatementSyntax local && local.Parent is BlockSyntax block)
            {
                var region = ImmutableArray.CreateBuilder<SyntaxNode>();
                for (int i = block.Statements.IndexOf(local) + 1; i < block.Statements.Count; i++)
                {
                    if (IsDisposeOf(block.Statements[i], name)) break;
                    region.Add(block.Statements[i]);
                }
                return (name, region.ToImmutable());
            }
        }
        return (null, ImmutableArray<SyntaxNode>.Empty);
    }

    private static bool IsDisposeOf(StatementSyntax statement, string name)
        => statement is ExpressionStatementSyntax
        {
            Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose", Expression: IdentifierNameSyntax target } }
        } && target.Identifier.ValueText == name;

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

}
