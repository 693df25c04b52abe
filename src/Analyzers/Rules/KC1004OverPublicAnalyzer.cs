using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
        var inherited = new Lazy<ImmutableHashSet<ISymbol>>(() => InheritedImplementations(context.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        context.RegisterSymbolAction(c => Analyze(c, inherited), SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
    }

    private static void Analyze(SymbolAnalysisContext context, Lazy<ImmutableHashSet<ISymbol>> inherited)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.DeclaredAccessibility != Accessibility.Public || symbol.IsImplicitlyDeclared || IsRequiredPublic(symbol)) return;
        if (symbol.ContainingType is { TypeKind: TypeKind.Class, IsSealed: false, IsStatic: false } && inherited.Value.Contains(Implementation(symbol))) return;
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

    /// <summary>
    /// Members of a source class that implement an interface member for a class derived from it
    /// (<c>class D : B, IShape</c> with <c>B.Area()</c>): internal, they would leave D's interface unimplemented (CS0737).
    /// Computed once per compilation, the first time a non-sealed class has a public member left to judge.
    /// </summary>
    private static ImmutableHashSet<ISymbol> InheritedImplementations(Compilation compilation)
    {
        var found = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
            foreach (INamespaceOrTypeSymbol member in namespaces.Pop().GetMembers())
                if (member is INamespaceSymbol ns) namespaces.Push(ns);
                else AddInherited((INamedTypeSymbol)member, found);
        return found.ToImmutable();
    }

    private static void AddInherited(INamedTypeSymbol type, ImmutableHashSet<ISymbol>.Builder found)
    {
        foreach (INamedTypeSymbol nested in type.GetTypeMembers()) AddInherited(nested, found);
        if (type.TypeKind != TypeKind.Class || type.BaseType is not { SpecialType: SpecialType.None } || type.AllInterfaces.IsEmpty) return;
        foreach (INamedTypeSymbol @interface in type.AllInterfaces)
            foreach (ISymbol member in @interface.GetMembers())
                if (type.FindImplementationForInterfaceMember(member) is { } implementation
                    && !SymbolEqualityComparer.Default.Equals(implementation.ContainingType, type))
                    found.Add(Implementation(implementation));
    }

    private static ISymbol Implementation(ISymbol symbol) => symbol.OriginalDefinition;

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
