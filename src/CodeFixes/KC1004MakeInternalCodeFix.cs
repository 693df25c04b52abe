using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kernel.CodeFixes;

/// <summary>
/// KC1004: 'public' becomes 'internal', trivia and other modifiers kept. Not offered where the result would not
/// compile: a parameterless constructor that a new() constraint needs (CS0310), found by compiling the change.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC1004MakeInternalCodeFix)), Shared]
public sealed class KC1004MakeInternalCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.OverPublic.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await NeededByNewConstraintAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false)) continue;
            context.RegisterCodeFix(CodeAction.Create("Make it internal",
                token => MakeInternalAsync(context.Document, diagnostic, token), equivalenceKey: nameof(KC1004MakeInternalCodeFix)), diagnostic);
        }
    }

    /// <summary>Whether the diagnostic is on a parameterless constructor whose type some new() constraint then rejects.</summary>
    private static async Task<bool> NeededByNewConstraintAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ConstructorDeclarationSyntax { ParameterList.Parameters.Count: 0 } constructor
            || constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
            return false;
        Document changed = await MakeInternalAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        Compilation? compilation = await changed.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation is not null && compilation.GetDiagnostics(cancellationToken).Any(d => d.Id == "CS0310");
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
