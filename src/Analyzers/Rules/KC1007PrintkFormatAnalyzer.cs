using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Kernel.Analyzers.Rules;

/// <summary>
/// KC1007: a format specifier in a printk hole that PrintkText does not implement for the hole's type (the kernel's
/// -Wformat). The check is <see cref="Kernel.PrintkFormat"/> itself, the parser the formatter runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1007PrintkFormatAnalyzer : KernelModuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.PrintkFormat);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        if (symbols.PrintkText is not { } printkText) return;
        context.RegisterOperationAction(operationContext =>
        {
            var creation = (IInterpolatedStringHandlerCreationOperation)operationContext.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.HandlerCreation.Type, printkText)) return;
            if (creation.Content is not IInterpolatedStringOperation content) return;
            foreach (IInterpolatedStringContentOperation part in content.Parts)
            {
                if (part is not IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call }) continue;
                if (call.Arguments.Length == 0 || call.TargetMethod.Name != "AppendFormatted") continue;
                if (part.Syntax is not InterpolationSyntax { FormatClause: { } clause } hole) continue;
                string format = clause.FormatStringToken.ValueText;
                PrintkValueKind kind = KindOf(call.TargetMethod.Parameters[0].Type, symbols);
                if (PrintkFormat.Parse(format, kind).Valid) continue;
                ITypeSymbol? holeType = call.Arguments[0].Value is IConversionOperation { IsImplicit: true } conversion
                    ? conversion.Operand.Type : call.Arguments[0].Value.Type;
                operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.PrintkFormat, clause.GetLocation(),
                    format, holeType?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "?", PrintkFormat.Allowed(kind)));
            }
        }, OperationKind.InterpolatedStringHandlerCreation);
    }

    /// <summary>The kind of the AppendFormatted overload the compiler chose, from its value parameter.</summary>
    private static PrintkValueKind KindOf(ITypeSymbol parameter, RequiredSymbols symbols)
    {
        if (parameter is ITypeParameterSymbol) return PrintkValueKind.Custom;
        switch (parameter.SpecialType)
        {
            case SpecialType.System_SByte: case SpecialType.System_Byte: case SpecialType.System_Int16: case SpecialType.System_UInt16:
            case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Int64: case SpecialType.System_UInt64:
            case SpecialType.System_IntPtr: case SpecialType.System_UIntPtr:
                return PrintkValueKind.Integer;
        }
        if (symbols.IsReadOnlySpan(parameter) && ((INamedTypeSymbol)parameter).TypeArguments[0].SpecialType != SpecialType.System_Byte)
            return PrintkValueKind.List;
        return PrintkValueKind.Text;
    }
}
