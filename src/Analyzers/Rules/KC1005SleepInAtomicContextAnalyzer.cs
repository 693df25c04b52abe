using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// KC1005 (what Rust-for-Linux's klint checks): a call that may sleep in atomic context. Atomic context is where a
/// <c>SpinLockGuard</c> is alive (from a <c>using</c> declaration to the end of its block or an earlier
/// <c>guard.Dispose()</c>, in a <c>using</c> statement's body, for a plain local up to its <c>Dispose()</c>) and the
/// whole body of a method that runs there: one marked <c>[AtomicContext]</c> or implementing an interface method so
/// marked (a timer's callback). A call may sleep when its target is marked <c>[MaySleep]</c>, when it allocates with a
/// constant <c>Gfp</c> that is neither Atomic nor NoWait (the fix: <c>Gfp.Atomic</c>), or when it is a method of the
/// module's own source that reaches such a call (<see cref="SleepPaths"/>: the message names the path).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1005SleepInAtomicContextAnalyzer : KernelModuleAnalyzer
{
    /// <summary>Diagnostic property: the Gfp parameter's name, when the fix can make the allocation atomic.</summary>
    public const string GfpParameter = nameof(GfpParameter);
    /// <summary>Diagnostic property: "explicit" when the Gfp argument is written, "default" when it is the default.</summary>
    public const string GfpArgument = nameof(GfpArgument);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.SleepInAtomicContext);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        if (symbols.SpinLockGuard is null && symbols.AtomicContext is null) return;
        var paths = new SleepPaths(context.Compilation, symbols);
        // Work starts where a guard is made (a call returning SpinLockGuard) or in an atomic-context method: other code
        // costs one type comparison per call. Reported when the method's block ends, so each diagnostic is local to it.
        context.RegisterOperationBlockStartAction(block =>
        {
            string? atomicMethod = block.OwningSymbol is IMethodSymbol method ? AtomicContextOf(method, symbols) : null;
            var guards = new ConcurrentQueue<IInvocationOperation>();
            if (symbols.SpinLockGuard is not null)
                block.RegisterOperationAction(c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (RequiredSymbols.Is(invocation.Type?.OriginalDefinition, symbols.SpinLockGuard)) guards.Enqueue(invocation);
                }, OperationKind.Invocation);
            block.RegisterOperationBlockEndAction(end =>
            {
                if (atomicMethod is not null)
                {
                    foreach (IOperation body in end.OperationBlocks)
                        Report(end, paths, body, atomicMethod, "move the call to a work item (Work<T> runs in process context)");
                    return; // a guard inside is atomic context already, each call reported once
                }
                foreach (IInvocationOperation guard in guards)
                {
                    (string? name, ImmutableArray<SyntaxNode> region) = Region(guard.Syntax);
                    if (name is null) continue;
                    string where = "the spinlock guard '" + name + "' is held here (no sleeping while a spinlock is held)";
                    foreach (SyntaxNode statement in region)
                        if (guard.SemanticModel!.GetOperation(statement, end.CancellationToken) is { } operation)
                            Report(end, paths, operation, where, "release the guard first, or protect the data with a Mutex");
                }
            });
        });
    }

    private static void Report(OperationBlockAnalysisContext context, SleepPaths paths, IOperation region, string where, string advice)
    {
        foreach (IOperation call in SleepPaths.Calls(region))
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            (string? reason, _, var gfp) = paths.Direct(call);
            if (gfp is { } allocation)
                properties = properties.Add(GfpParameter, allocation.Parameter).Add(GfpArgument, allocation.IsDefault ? "default" : "explicit");
            reason ??= paths.Through(call, context.CancellationToken);
            if (reason is null) continue;
            string fix = gfp is null ? advice : "allocate with Gfp.Atomic, or " + (where.StartsWith("the spinlock", System.StringComparison.Ordinal) ? "before taking the lock" : "in a work item");
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.SleepInAtomicContext, call.Syntax.GetLocation(), properties, reason, where, fix));
        }
    }

    /// <summary>Why <paramref name="method"/> runs in atomic context, or null: it, or the interface method it implements, is [AtomicContext].</summary>
    private static string? AtomicContextOf(IMethodSymbol method, RequiredSymbols symbols)
    {
        if (symbols.AtomicContext is not { } attribute) return null;
        AttributeData? Of(ISymbol s) => s.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
        bool Has(ISymbol s) => Of(s) is not null;
        string self = "'" + method.ContainingType?.Name + "." + method.Name + "'";
        if (Has(method)) return self + " runs in atomic context (it is [AtomicContext])";
        if (method.ContainingType is not { } type || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation)) return null;
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            foreach (IMethodSymbol member in implemented.GetMembers(method.MethodKind == MethodKind.Ordinary ? method.Name : MemberName(method)).OfType<IMethodSymbol>())
                if (Has(member.OriginalDefinition) && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    return self + " runs in atomic context (it implements " + implemented.Name + "." + member.Name + ", called in "
                        + (Of(member.OriginalDefinition)!.ConstructorArguments.FirstOrDefault().Value as string ?? "atomic context") + ")";
        return null;
    }

    /// <summary>An explicit implementation's member name without its interface ("Run" of "Kernel.ITimerCallback&lt;T&gt;.Run").</summary>
    private static string MemberName(IMethodSymbol method) => method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name;

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
}
