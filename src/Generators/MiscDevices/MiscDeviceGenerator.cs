using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.MiscDevices;

/// <summary>[MiscDevice] on open-file types: the file-operation entry points and each type's kind number.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class MiscDeviceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<MiscDeviceModel?> devices = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Callbacks.CallbackTypeKind.MiscDevice.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.StructDeclarationSyntax,
                static (context, cancellationToken) => context.TargetSymbol is INamedTypeSymbol type
                    ? MiscDeviceDeclaration.Parse(type, cancellationToken)
                    : null)
            .WithTrackingName(Module.TrackingNames.MiscDevice);

        IncrementalValueProvider<ImmutableArray<MiscDeviceModel?>> all = devices.Collect().WithTrackingName(Module.TrackingNames.AllMiscDevices);

        context.RegisterSourceOutput(all, static (output, devices) =>
        {
            // Kinds follow the full names, so they do not depend on the order files are compiled in. A partial type
            // with the attribute on two parts is one device.
            MiscDeviceModel[] valid = devices.OfType<MiscDeviceModel>().Distinct()
                .OrderBy(d => d.Type.FullName, System.StringComparer.Ordinal).ToArray();
            if (valid.Length == 0) return;
            output.AddSource("MiscDevices.g.cs", MiscDeviceEmitter.Emit(valid));
        });
    }
}
