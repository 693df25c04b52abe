using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// Whether a method of the module's own source may sleep, and through which calls (klint follows calls): its body
/// makes a call that sleeps directly ([MaySleep], a sleeping Gfp), or calls another such method. One per
/// compilation, each method summarized once and only when an atomic region calls it; a recursive cycle counts as
/// not sleeping (the path through it is found from its other calls).
/// </summary>
internal sealed class SleepPaths
{
    private const uint NeverSleeps = 0x2 | 0x4; // Gfp.Atomic | Gfp.NoWait

    private readonly Compilation _compilation;
    private readonly RequiredSymbols _symbols;
    /// <summary>A method's path ("Refill -> Mutex.Lock") and why its last call sleeps; Path null: it does not sleep.</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, (string? Path, string? Why)> _summaries = new(SymbolEqualityComparer.Default);

    public SleepPaths(Compilation compilation, RequiredSymbols symbols) => (_compilation, _symbols) = (compilation, symbols);

    /// <summary>A call that sleeps on its own: its reason, and the Gfp argument the fix can change.</summary>
    public (string? Reason, string? Terminal, (string Parameter, string Value, bool IsDefault)? Gfp) Direct(IOperation operation)
    {
        (ISymbol? target, ImmutableArray<IArgumentOperation> arguments) = Target(operation);
        if (target is null) return (null, null, null);
        string name = Member(target).Name;
        if (IsMarked(target, _symbols.MaySleep)) return ("'" + name + "' is [MaySleep]", Name(target) + " ([MaySleep])", null);
        if (operation is IInvocationOperation && SleepingAllocation(arguments) is { } gfp)
            return ("'" + name + "' allocates with Gfp." + gfp.Value, Name(target) + " (allocates with Gfp." + gfp.Value + ")", gfp);
        return (null, null, null);
    }

    /// <summary>For a call to a method of the module's own source: the path by which it sleeps, or null.</summary>
    public string? Through(IOperation operation, CancellationToken cancellationToken)
    {
        if (Target(operation).Target is not IMethodSymbol method) return null;
        (string? path, string? why) = Summary(method, cancellationToken);
        return path is null ? null : "'" + Member(method).Name + "' may sleep through " + path + " " + why;
    }

    private (string? Path, string? Why) Summary(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (_summaries.TryGetValue(method, out var known)) return known;
        if (method.DeclaringSyntaxReferences.IsEmpty || method.IsAbstract) return (null, null);
        _summaries[method] = (null, null); // in progress: a cycle does not sleep through itself
        (string? Path, string? Why) found = (null, null);
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode syntax = reference.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree)) continue;
#pragma warning disable RS1030 // The callee's body is in another method's block: its own operation block is not being analyzed here.
            SemanticModel model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            IOperation? body = model.GetOperation(syntax, cancellationToken);
            if (body is ILocalFunctionOperation local) body = (IOperation?)local.Body ?? local.IgnoredBody;
            if (body is null) continue;
            foreach (IOperation call in Calls(body))
            {
                if (Direct(call) is { Terminal: { } terminal })
                {
                    int split = terminal.IndexOf(" (", System.StringComparison.Ordinal);
                    found = (Member(method).Name + " -> " + terminal.Substring(0, split), terminal.Substring(split + 1));
                    break;
                }
                if (Target(call).Target is IMethodSymbol callee && Summary(callee, cancellationToken) is { Path: { } path, Why: var why })
                {
                    found = (Member(method).Name + " -> " + path, why);
                    break;
                }
            }
            if (found.Path is not null) break;
        }
        _summaries[method] = found;
        return found;
    }

    /// <summary>The calls in <paramref name="operation"/>, not counting those in lambdas and local functions (they run when called).</summary>
    public static IEnumerable<IOperation> Calls(IOperation operation)
    {
        if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation) yield break;
        if (operation is IInvocationOperation or IPropertyReferenceOperation or IObjectCreationOperation) yield return operation;
        foreach (IOperation child in operation.ChildOperations)
            foreach (IOperation call in Calls(child))
                yield return call;
    }

    private static (ISymbol? Target, ImmutableArray<IArgumentOperation> Arguments) Target(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
        IPropertyReferenceOperation property => (property.Property.GetMethod ?? (ISymbol)property.Property, property.Arguments),
        IObjectCreationOperation creation => (creation.Constructor, ImmutableArray<IArgumentOperation>.Empty),
        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
    };

    /// <summary>"Mutex.Lock": the type's name without its type arguments, and the member's.</summary>
    private static string Name(ISymbol target)
    {
        ISymbol member = Member(target);
        return member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;
    }

    /// <summary>A property's accessor as its property; anything else as itself.</summary>
    private static ISymbol Member(ISymbol target) => target is IMethodSymbol { AssociatedSymbol: { } property } ? property : target;

    private static bool IsMarked(ISymbol target, INamedTypeSymbol? maySleep)
    {
        if (maySleep is null) return false;
        bool Has(ISymbol? s) => s is not null && s.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, maySleep));
        return Has(target) || Has(target.OriginalDefinition)
            || (target is IMethodSymbol { ReducedFrom: { } reduced } && Has(reduced))
            || (target is IMethodSymbol { AssociatedSymbol: { } property } && (Has(property) || Has(property.OriginalDefinition)));
    }

    /// <summary>A Gfp argument known at compile time that allows sleeping (Kernel, the usual default).</summary>
    private (string Parameter, string Value, bool IsDefault)? SleepingAllocation(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter || !RequiredSymbols.Is(parameter.Type, _symbols.Gfp)) continue;
            if (argument.Value.ConstantValue is not { HasValue: true, Value: { } value }) continue;
            uint bits = System.Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if ((bits & NeverSleeps) != 0) continue;
            return (parameter.Name, (bits & 0x1) != 0 ? "Kernel" : "0 (Kernel)", argument.ArgumentKind == ArgumentKind.DefaultValue);
        }
        return null;
    }
}
