using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Callbacks;

/// <summary>
/// The pipeline every callback kind's generator shares: the structs marked with the kind's attribute, each parsed
/// to an equatable model (null when invalid: the analyzer reports why), collected, put in the order of their full
/// names (so kind numbers do not depend on the order files are compiled in) and emitted as one source.
/// </summary>
internal static class CallbackPipeline
{
    public static void Register<TModel>(IncrementalGeneratorInitializationContext context, CallbackTypeKind kind,
        Func<INamedTypeSymbol, CancellationToken, TModel?> parse, Func<TModel, string> fullName,
        string trackingName, string allTrackingName, Func<TModel[], string> emit)
        where TModel : class
    {
        IncrementalValuesProvider<TModel?> types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                kind.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.StructDeclarationSyntax,
                (attributed, cancellationToken) => attributed.TargetSymbol is INamedTypeSymbol type ? parse(type, cancellationToken) : null)
            .WithTrackingName(trackingName);

        IncrementalValueProvider<ImmutableArray<TModel?>> all = types.Collect().WithTrackingName(allTrackingName);
        context.RegisterSourceOutput(all, (output, found) =>
        {
            // A partial type with the attribute on two parts is one type.
            TModel[] valid = found.OfType<TModel>().Distinct().OrderBy(fullName, StringComparer.Ordinal).ToArray();
            if (valid.Length == 0) return;
            output.AddSource(kind.Attribute + "s.g.cs", emit(valid));
        });
    }
}
