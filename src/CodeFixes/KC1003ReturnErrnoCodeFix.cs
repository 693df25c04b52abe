using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Analyzers;
using Kernel.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.CodeFixes;

/// <summary>KC1003: in a method returning Result, 'throw new XException(...)' becomes 'return Errno.X;'.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC1003ReturnErrnoCodeFix)), Shared]
public sealed class KC1003ReturnErrnoCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.Exceptions.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KC1003ExceptionsAnalyzer.ErrnoProperty, out string? errno) || errno is null) continue;
            context.RegisterCodeFix(CodeAction.Create($"Return Errno.{errno}",
                token => ReturnErrnoAsync(context.Document, diagnostic, errno, token), equivalenceKey: nameof(KC1003ReturnErrnoCodeFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> ReturnErrnoAsync(Document document, Diagnostic diagnostic, string errno, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not ThrowStatementSyntax throwStatement) return document;
        ExpressionSyntax value = SyntaxFactory.ParseExpression($"global::Kernel.Errno.{errno}")
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        ReturnStatementSyntax returnStatement = SyntaxFactory.ReturnStatement(value).WithTriviaFrom(throwStatement);
        return document.WithSyntaxRoot(root.ReplaceNode(throwStatement, returnStatement));
    }
}
