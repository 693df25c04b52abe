using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Kernel.Generators.Callbacks;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.MiscDevices;

/// <summary>
/// Reads a [MiscDevice] type: the checks every callback type shares (<see cref="CallbackTypeDeclaration"/>, reported by
/// its analyzer), then which optional file operations it implements.
/// </summary>
internal static class MiscDeviceDeclaration
{
    public const string ReadName = "Kernel.IDeviceRead";
    public const string WriteName = "Kernel.IDeviceWrite";
    public const string IoctlName = "Kernel.IDeviceIoctl";

    public static MiscDeviceModel? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        CallbackTypeModel? callback = CallbackTypeDeclaration.Parse(type, CallbackTypeKind.MiscDevice, cancellationToken).Model;
        if (callback is null) return null;
        bool Has(string name) => type.AllInterfaces.Any(i => i.ToDisplayString() == name);
        return new MiscDeviceModel(callback, Has(ReadName), Has(WriteName), Has(IoctlName));
    }
}
