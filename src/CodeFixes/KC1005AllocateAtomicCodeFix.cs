using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kernel.Analyzers;
using Kernel.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Kernel.CodeFixes;

/// <summary>KC1005 on an allocation: its Gfp becomes Gfp.Atomic (GFP_ATOMIC, as C code under a spinlock allocates).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC1005AllocateAtomicCodeFix)), Shared]
public sealed class KC1005AllocateAtomicCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.SleepInAtomicContext.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KC1005SleepInAtomicContextAnalyzer.GfpParameter, out string? parameter) || parameter is null) continue;
            context.RegisterCodeFix(CodeAction.Create("Allocate with Gfp.Atomic",
                token => AllocateAtomicAsync(context.Document, diagnostic, parameter, token), equivalenceKey: nameof(KC1005AllocateAtomicCodeFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> AllocateAtomicAsync(Document document, Diagnostic diagnostic, string parameter, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return document;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
            return document;
        ExpressionSyntax atomic = SyntaxFactory.ParseExpression("global::Kernel.Gfp.Atomic").WithAdditionalAnnotations(Simplifier.Annotation);

        ArgumentSyntax? written = invocation.ArgumentList.Arguments.FirstOrDefault(a =>
            a.NameColon?.Name.Identifier.ValueText == parameter
            || (a.NameColon is null && model.GetOperation(a, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Name: var name } && name == parameter));
        InvocationExpressionSyntax fixedInvocation = written is not null
            ? invocation.ReplaceNode(written.Expression, atomic.WithTriviaFrom(written.Expression))
            : invocation.AddArgumentListArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter), default, atomic));
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedInvocation));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
