using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Kernel.Generators.Module;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Parameters;

/// <summary>[ModuleParameter] on static partial properties: the properties' bodies and what the build makes module_param of.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ParameterGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParameterModel?> parameters = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ParameterDeclaration.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax,
                static (context, cancellationToken) => context.TargetSymbol is IPropertySymbol property
                    ? ParameterDeclaration.Parse(property, context.Attributes[0], cancellationToken).Model
                    : null)
            .WithTrackingName(TrackingNames.Parameter);

        IncrementalValueProvider<ImmutableArray<ParameterModel?>> all = parameters.Collect().WithTrackingName(TrackingNames.AllParameters);

        context.RegisterSourceOutput(all, static (output, parameters) =>
        {
            // A second parameter of the same name is KC0019 (the analyzer reports it): only the first is emitted.
            var seen = new HashSet<string>();
            List<ParameterModel> valid = parameters.OfType<ParameterModel>().Where(p => seen.Add(p.Name)).ToList();
            if (valid.Count > 0) output.AddSource("ModuleParameters.g.cs", ParameterEmitter.Emit(valid));
        });
    }
}
