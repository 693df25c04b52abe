using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Analyzers.Rules;

/// <summary>KC1004: 'public' where nothing outside the module can see it (rustc's unreachable_pub).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KC1004OverPublicAnalyzer : KernelModuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.OverPublic);

    protected override void InitializeForModule(CompilationStartAnalysisContext context, RequiredSymbols symbols)
    {
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.DeclaredAccessibility != Accessibility.Public || symbol.IsImplicitlyDeclared || IsRequiredPublic(symbol)) return;
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax(context.CancellationToken);
            // Fields and events declared as "public int a, b;" share one modifier list: report it once, for the first.
            if (node is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator)
            {
                if (declaration.Variables[0] != declarator) continue;
                node = declaration.Parent!;
            }
            SyntaxToken publicKeyword = Modifiers(node).FirstOrDefault(m => m.IsKind(SyntaxKind.PublicKeyword));
            if (publicKeyword.IsKind(SyntaxKind.PublicKeyword))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.OverPublic, publicKeyword.GetLocation(), symbol.Name));
        }
    }

    private static SyntaxTokenList Modifiers(SyntaxNode node) => node switch
    {
        MemberDeclarationSyntax member => member.Modifiers,
        _ => default,
    };

    /// <summary>Where the language requires 'public': overrides, operators and implicit interface implementations.</summary>
    private static bool IsRequiredPublic(ISymbol symbol)
    {
        if (symbol.IsOverride) return true;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove }) return true;
        if (symbol.ContainingType is not { } type || symbol is ITypeSymbol) return false;
        foreach (INamedTypeSymbol @interface in type.AllInterfaces)
            foreach (ISymbol member in @interface.GetMembers())
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), symbol)) return true;
        return false;
    }
}
