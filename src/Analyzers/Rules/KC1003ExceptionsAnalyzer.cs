using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>KC1003: throw (statements, expressions, rethrow), catch clauses and exception filters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1003ExceptionsAnalyzer : KernelModuleAnalyzer
{
    /// <summary>Set when the throw can become "return Errno.X;": the errno name.</summary>
    public const string ErrnoProperty = "Errno";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.Exceptions);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        context.RegisterOperationAction(c => AnalyzeThrow(c, symbols), OperationKind.Throw);
        context.RegisterSyntaxNodeAction(AnalyzeCatch, Microsoft.CodeAnalysis.CSharp.SyntaxKind.CatchClause);
    }

    private static void AnalyzeThrow(OperationAnalysisContext context, RequiredSymbols symbols)
    {
        var throwOperation = (IThrowOperation)context.Operation;
        IOperation? thrown = throwOperation.Exception is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : throwOperation.Exception;
        string what = thrown is null ? "rethrowing with 'throw;'" : $"throwing '{KernelModuleScope.Display(thrown.Type)}'";
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (throwOperation.Syntax is ThrowStatementSyntax && thrown is IObjectCreationOperation creation
            && ReturnsErrnoResult(context.ContainingSymbol, symbols))
            properties = properties.Add(ErrnoProperty, ErrnoFor(creation.Type, symbols));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Exceptions, throwOperation.Syntax.GetLocation(), properties, what));
    }

    private static void AnalyzeCatch(SyntaxNodeAnalysisContext context)
    {
        var clause = (CatchClauseSyntax)context.Node;
        string caught = clause.Declaration is null ? "every exception" : $"'{clause.Declaration.Type}'";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Exceptions, clause.CatchKeyword.GetLocation(), $"catching {caught}"));
        if (clause.Filter is not null)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.Exceptions, clause.Filter.GetLocation(), "an exception filter"));
    }

    /// <summary>True for a method (not a lambda or local function inside one) that returns Kernel.Result or Result&lt;T&gt;.</summary>
    private static bool ReturnsErrnoResult(ISymbol symbol, RequiredSymbols symbols)
        => symbol is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LambdaMethod) } method
        && symbols.IsResult(method.ReturnType);

    /// <summary>The errno of the nearest base type with one (<see cref="RequiredSymbols.ExceptionErrnos"/>), else EINVAL.</summary>
    private static string ErrnoFor(ITypeSymbol? exception, RequiredSymbols symbols)
    {
        for (ITypeSymbol? type = exception; type is not null; type = type.BaseType)
            foreach (var (known, errno) in symbols.ExceptionErrno)
                if (SymbolEqualityComparer.Default.Equals(type, known)) return errno;
        return "EINVAL";
    }
}
