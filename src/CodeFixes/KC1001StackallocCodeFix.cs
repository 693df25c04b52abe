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

/// <summary>
/// KC1001: <c>T[] x = new T[n]</c> of an unmanaged T with a small constant n becomes
/// <c>Span&lt;T&gt; x = stackalloc T[n]</c>, offered only when every use of x is one a span supports
/// (indexing, Length, or an argument to a span parameter).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KC1001StackallocCodeFix)), Shared]
public sealed class KC1001StackallocCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.InfallibleAllocation.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(KC1001InfallibleAllocationAnalyzer.StackallocCandidate)) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ArrayCreationExpressionSyntax creation) continue;
            if (!IsOnlyUsedAsSpan(creation, model, context.CancellationToken, out _)) continue;
            context.RegisterCodeFix(CodeAction.Create("Use stackalloc (a Span on the stack)",
                token => UseStackallocAsync(context.Document, creation, token), equivalenceKey: nameof(KC1001StackallocCodeFix)), diagnostic);
        }
    }

    private static bool IsOnlyUsedAsSpan(ArrayCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken, out ILocalSymbol? local)
    {
        local = null;
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement })
            return false;
        local = model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
        if (local is null || statement.Parent is null) return false;
        ILocalSymbol target = local;
        foreach (IdentifierNameSyntax use in statement.Parent.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (use.Identifier.ValueText != target.Name) continue;
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, target)) continue;
            bool spanUse = use.Parent switch
            {
                ElementAccessExpressionSyntax access when access.Expression == use => true,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } member when member.Expression == use => true,
                ArgumentSyntax { RefKindKeyword.RawKind: 0 } argument => IsSpanParameter(argument, model, cancellationToken),
                _ => false,
            };
            if (!spanUse) return false;
        }
        return true;
    }

    private static bool IsSpanParameter(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.Parent?.Parent is not InvocationExpressionSyntax invocation) return false;
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method) return false;
        var arguments = ((ArgumentListSyntax)argument.Parent).Arguments;
        int index = arguments.IndexOf(argument);
        IParameterSymbol? parameter = argument.NameColon is { } name
            ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
            : index < method.Parameters.Length ? method.Parameters[index] : null;
        return parameter?.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" };
    }

    private static async Task<Document> UseStackallocAsync(Document document, ArrayCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || creation.Parent?.Parent?.Parent is not VariableDeclarationSyntax declaration) return document;
        TypeSyntax element = creation.Type.ElementType;
        TypeSyntax span = SyntaxFactory.ParseTypeName($"global::System.Span<{element}>")
            .WithTriviaFrom(declaration.Type)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        ExpressionSyntax onStack = SyntaxFactory.StackAllocArrayCreationExpression(creation.Type.WithoutTrivia()).WithTriviaFrom(creation);
        VariableDeclarationSyntax updated = declaration
            .ReplaceNode(creation, onStack)
            .WithType(span);
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }
}
