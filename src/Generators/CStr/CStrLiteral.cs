using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Generators.CStr;

/// <summary>One valid <c>CStr.Literal("...")</c> call: its value and where to intercept it.</summary>
internal sealed record CStrLiteralModel(string Value, int LocationVersion, string LocationData);

/// <summary>Recognises <c>CStr.Literal(...)</c> calls and validates their argument, for the generator and the analyzer.</summary>
internal static class CStrLiteral
{
    public const string TypeName = "Kernel.CStr";
    public const string MethodName = "Literal";

    public static bool IsCandidate(SyntaxNode node)
        => node is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: MethodName } or IdentifierNameSyntax { Identifier.ValueText: MethodName },
            ArgumentList.Arguments.Count: 1,
        };

    public static bool IsLiteralMethod(IMethodSymbol? method)
        => method is { Name: MethodName, IsStatic: true, Parameters.Length: 1 }
        && method.ContainingType?.ToDisplayString() == TypeName;

    /// <summary>The diagnostic for a bad argument, or null when <paramref name="value"/> is a valid literal.</summary>
    public static Diagnostic? Validate(IInvocationOperation invocation, out string? value)
    {
        value = null;
        if (invocation.Arguments.Length != 1) return null;
        IOperation argument = invocation.Arguments[0].Value;
        Location location = argument.Syntax.GetLocation();
        Optional<object?> constant = argument.ConstantValue;
        if (!constant.HasValue || constant.Value is not string text)
            return Diagnostic.Create(GeneratorDiagnostics.CStrNotConstant, location);
        int nul = text.IndexOf('\0');
        if (nul >= 0) return Diagnostic.Create(GeneratorDiagnostics.CStrInteriorNul, location, nul);
        value = text;
        return null;
    }

    public static CStrLiteralModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        string? value = TryReadCheaply(syntax, context.SemanticModel, out bool decided);
        if (!decided) value = ReadByBinding(syntax, context.SemanticModel, cancellationToken);
        if (value is null) return null;
        InterceptableLocation? location = context.SemanticModel.GetInterceptableLocation(syntax, cancellationToken);
        return location is null ? null : new CStrLiteralModel(value, location.Version, location.Data);
    }

    /// <summary>
    /// The common shape, <c>X.Literal("text")</c>, without binding the enclosing method body (the generator's main
    /// cost otherwise, repeated by the compile after it): the literal is read from syntax and <c>X</c> is bound
    /// speculatively as a type where the enclosing member is declared. Names in scope for a type are the same there;
    /// only a local or a method type parameter could shadow it, and then the compiler rejects the interceptor's
    /// signature instead of miscompiling. <paramref name="decided"/> is false for any other shape.
    /// </summary>
    private static string? TryReadCheaply(InvocationExpressionSyntax syntax, SemanticModel model, out bool decided)
    {
        decided = false;
        if (syntax.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }
            || syntax.ArgumentList.Arguments[0] is not { NameColon: null, RefKindKeyword.RawKind: 0, Expression: LiteralExpressionSyntax literal }
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return null;
        SyntaxNode scope = (SyntaxNode?)syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? syntax;
        ITypeSymbol? type = model.GetSpeculativeTypeInfo(scope.SpanStart, receiver, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        if (type is null or IErrorTypeSymbol) return null;
        decided = true;
        string text = literal.Token.ValueText;
        return type.ToDisplayString() == TypeName && text.IndexOf('\0') < 0 ? text : null;
    }

    private static string? ReadByBinding(InvocationExpressionSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
        => model.GetOperation(syntax, cancellationToken) is IInvocationOperation invocation
            && IsLiteralMethod(invocation.TargetMethod)
            && Validate(invocation, out string? value) is null
                ? value
                : null;
}
