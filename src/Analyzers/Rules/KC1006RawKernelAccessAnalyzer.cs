using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// KC1006: the escape hatches around KernelCrate's API in module code: imports of kernel functions (RuntimeImport,
/// DllImport), entry points the kernel would call directly ([UnmanagedCallersOnly]), calls through function pointers
/// and taking a method's address. Each builds, and each, used naively, crashes the kernel: no FPU section around a
/// call that may sleep, an unaligned stack, an indirect branch an IBT kernel faults on. KernelCrate's own sources are
/// not kernel-module projects, so they are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1006RawKernelAccessAnalyzer : KernelModuleAnalyzer
{
    private const string ImportAdvice = "call the kernel through KernelCrate's API (Printk, KBox/KVec, Sysctl...), whose C side leaves the FPU section for calls that may sleep";
    private const string EntryAdvice = "the kernel would enter it on an unaligned stack outside the FPU section; register callbacks through KernelCrate's API, whose C side owns them";
    private const string PointerAdvice = "an indirect call, which an IBT kernel faults on (KC9008); call the method directly";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.RawKernelAccess);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        context.RegisterSymbolAction(c => AnalyzeMethod(c, symbols), SymbolKind.Method);
        context.RegisterOperationAction(AnalyzePointerCall, OperationKind.FunctionPointerInvocation);
        context.RegisterSyntaxNodeAction(AnalyzeAddressOf, SyntaxKind.AddressOfExpression);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, RequiredSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        // A partial method's implementing half sees its declaration's attributes too: they are reported once, there.
        if (method.PartialDefinitionPart is not null) return;
        ImmutableArray<AttributeData> attributes = method.GetAttributes();
        if (attributes.IsEmpty) return;
        // An InternalCall is reported on its own only when no import attribute names the symbol (that one is reported).
        bool imported = attributes.Any(a => RequiredSymbols.Is(a.AttributeClass, symbols.RuntimeImport) || RequiredSymbols.Is(a.AttributeClass, symbols.DllImport));
        foreach (AttributeData attribute in attributes)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            string? advice = RequiredSymbols.Is(type, symbols.RuntimeImport) || RequiredSymbols.Is(type, symbols.DllImport) || RequiredSymbols.Is(type, symbols.LibraryImport) ? ImportAdvice
                : RequiredSymbols.Is(type, symbols.UnmanagedCallersOnly) || RequiredSymbols.Is(type, symbols.RuntimeExport) ? EntryAdvice
                : !imported && RequiredSymbols.Is(type, symbols.MethodImpl) && IsInternalCall(attribute) ? ImportAdvice
                : null;
            if (advice is null || attribute.ApplicationSyntaxReference is not { } reference) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.RawKernelAccess,
                reference.GetSyntax(context.CancellationToken).GetLocation(), $"[{type!.Name.Replace("Attribute", "")}{(RequiredSymbols.Is(type, symbols.MethodImpl) ? "(InternalCall)" : "")}] on '{context.Symbol.Name}'", advice));
        }
    }

    private static bool IsInternalCall(AttributeData methodImpl)
        => methodImpl.ConstructorArguments.Length == 1 && methodImpl.ConstructorArguments[0].Value is int options
        && (options & (int)System.Reflection.MethodImplAttributes.InternalCall) != 0;

    private static void AnalyzePointerCall(OperationAnalysisContext context)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.RawKernelAccess, context.Operation.Syntax.GetLocation(), "a call through a function pointer", PointerAdvice));

    private static void AnalyzeAddressOf(SyntaxNodeAnalysisContext context)
    {
        var expression = (PrefixUnaryExpressionSyntax)context.Node;
        // &MemoryMarshal.GetReference(span): the address of what a ref-returning call returns, data like any other.
        ExpressionSyntax operand = expression.Operand;
        while (operand is ParenthesizedExpressionSyntax parenthesized) operand = parenthesized.Expression;
        if (operand is InvocationExpressionSyntax) return;
        if (context.SemanticModel.GetSymbolInfo(expression.Operand, context.CancellationToken).Symbol is not IMethodSymbol method) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.RawKernelAccess, expression.GetLocation(), $"'&{method.Name}'", "a function pointer, which only an indirect call could use (KC9008)"));
    }
}
