using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// Calls the compiler leaves out: a [Conditional("DEBUG")] method such as Debug.Assert where none of its symbols is
/// defined at the call (by the project or a #define above it). Their arguments are never compiled, so nothing in
/// them allocates or touches the FPU.
/// </summary>
internal static class ConditionalCalls
{
    public static bool IsLeftOut(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
            if (current is IInvocationOperation invocation && IsLeftOut(invocation)) return true;
        return false;
    }

    private static bool IsLeftOut(IInvocationOperation invocation)
    {
        bool conditional = false;
        foreach (AttributeData attribute in invocation.TargetMethod.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "ConditionalAttribute", ContainingNamespace.Name: "Diagnostics" }) continue;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string symbol) return false;
            if (IsDefined(invocation.Syntax, symbol)) return false;
            conditional = true;
        }
        return conditional;
    }

    /// <summary>The project's symbols, then the file's #define/#undef directives before the call, last one winning.</summary>
    private static bool IsDefined(SyntaxNode call, string symbol)
    {
        bool defined = call.SyntaxTree.Options.PreprocessorSymbolNames.Contains(symbol);
        for (DirectiveTriviaSyntax? directive = call.SyntaxTree.GetCompilationUnitRoot().GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive.SpanStart > call.SpanStart) break;
            if (directive is DefineDirectiveTriviaSyntax define && define.Name.ValueText == symbol) defined = true;
            else if (directive is UndefDirectiveTriviaSyntax undef && undef.Name.ValueText == symbol) defined = false;
        }
        return defined;
    }
}
