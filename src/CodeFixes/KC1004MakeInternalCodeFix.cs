using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Kernel.CodeFixes;

/// <summary>KC1004: 'public' becomes 'internal', trivia and other modifiers kept.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC1004MakeInternalCodeFix)), Shared]
public sealed class KC1004MakeInternalCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.OverPublic.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(CodeAction.Create("Make it internal",
                token => MakeInternalAsync(context.Document, diagnostic, token), equivalenceKey: nameof(KC1004MakeInternalCodeFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> MakeInternalAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        SyntaxToken publicKeyword = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (!publicKeyword.IsKind(SyntaxKind.PublicKeyword)) return document;
        SyntaxToken internalKeyword = SyntaxFactory.Token(publicKeyword.LeadingTrivia, SyntaxKind.InternalKeyword, publicKeyword.TrailingTrivia);
        return document.WithSyntaxRoot(root.ReplaceToken(publicKeyword, internalKeyword));
    }
}
