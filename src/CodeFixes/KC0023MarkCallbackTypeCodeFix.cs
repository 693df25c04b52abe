using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Kernel.CodeFixes;

/// <summary>KC0023, and KC0024 for a type that is only missing 'partial': the struct becomes a partial struct with its kind's
/// attribute ([MiscDevice], [WorkItem], [TimerCallback]; the diagnostic's Attribute property names it).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC0023MarkCallbackTypeCodeFix)), Shared]
public sealed class KC0023MarkCallbackTypeCodeFix : CodeFixProvider
{
    /// <summary>The diagnostics' property naming the attribute (CallbackTypeDeclaration.AttributeProperty).</summary>
    private const string AttributeProperty = "Attribute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(GeneratorDiagnostics.CallbackTypeNotMarked.Id, GeneratorDiagnostics.CallbackTypeShapeInvalid.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not StructDeclarationSyntax declaration) continue;
            if (declaration.Parent is TypeDeclarationSyntax) continue; // nested: moving it is the user's call
            if (diagnostic.Id == GeneratorDiagnostics.CallbackTypeShapeInvalid.Id && !diagnostic.GetMessage().Contains("not partial")) continue;
            if (!diagnostic.Properties.TryGetValue(AttributeProperty, out string? attribute) || attribute is null) continue;
            context.RegisterCodeFix(CodeAction.Create($"Make it a [{attribute}] partial struct",
                token => MarkAsync(context.Document, declaration, attribute, token), equivalenceKey: nameof(KC0023MarkCallbackTypeCodeFix)), diagnostic);
        }
    }

    private static async Task<Document> MarkAsync(Document document, StructDeclarationSyntax declaration, string attributeName, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        StructDeclarationSyntax marked = declaration;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            // 'partial' goes last among the modifiers, right before 'struct'.
            SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            marked = declaration.Modifiers.Count == 0
                ? marked.WithKeyword(declaration.Keyword.WithLeadingTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(declaration.Keyword.LeadingTrivia)))
                : marked.AddModifiers(partial);
        }
        bool hasAttribute = declaration.AttributeLists.SelectMany(l => l.Attributes)
            .Any(a => a.Name.ToString() is var name && (name == attributeName || name == attributeName + "Attribute"
                || name == "Kernel." + attributeName || name == "global::Kernel." + attributeName));
        if (!hasAttribute)
        {
            SyntaxTriviaList leading = marked.GetLeadingTrivia();
            SyntaxTriviaList indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
            AttributeListSyntax attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::Kernel." + attributeName).WithAdditionalAnnotations(Simplifier.Annotation))))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
            marked = marked.WithLeadingTrivia(indentation);
            marked = marked.WithAttributeLists(marked.AttributeLists.Insert(0, attribute));
        }
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, marked));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
