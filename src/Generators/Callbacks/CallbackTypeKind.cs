using System.Collections.Generic;
using System.Linq;
using Kernel.Entries;
using Microsoft.CodeAnalysis;

namespace Kernel.Generators.Callbacks;

/// <summary>
/// A kind of type the kernel calls back into through a kind number (C passes it, generated comparisons pick the
/// type: no function pointer, IBT-safe): its attribute, its interface, the kind property the generator implements
/// and the API that panics without it. KC0023-KC0025 check every kind alike.
/// </summary>
internal sealed class CallbackTypeKind
{
    private CallbackTypeKind(string attribute, string interfaceName, string kindProperty, string user)
        => (Attribute, Interface, KindProperty, User) = (attribute, interfaceName, kindProperty, user);

    /// <summary>The attribute as users write it, e.g. WorkItem.</summary>
    public string Attribute { get; }
    public string AttributeMetadataName => "Kernel." + Attribute + "Attribute";
    /// <summary>The generic interface without its arity, e.g. IWorkItem.</summary>
    public string Interface { get; }
    public string KindProperty { get; }
    /// <summary>What panics for an unmarked type, as the KC0023 message names it.</summary>
    public string User { get; }

    public static readonly CallbackTypeKind MiscDevice = new("MiscDevice", "IMiscDevice", "FileOperationsKind", "MiscDeviceRegistration<T>.Register");
    public static readonly CallbackTypeKind WorkItem = new("WorkItem", "IWorkItem", "WorkKind", "Work<T>.TryNew");
    public static readonly CallbackTypeKind TimerCallback = new("TimerCallback", "ITimerCallback", "TimerKind", "HrTimer<T>.TryNew");

    public static readonly CallbackTypeKind PciDriver = new("PciDriver", "IPciDriver", "PciDriverKind", "PciDriverRegistration<T>.Register");

    public static readonly CallbackTypeKind IrqHandler = new("IrqHandler", "IIrqHandler", "IrqKind", "IrqRegistration<T>.TryRequest");

    public static readonly CallbackTypeKind PlatformDriver = new("PlatformDriver", "IPlatformDriver", "PlatformDriverKind", "PlatformDriverRegistration<T>.Register");

    public static readonly CallbackTypeKind DebugfsFile = new("DebugfsFile", "IDebugfsFile", "DebugfsKind", "DebugfsFile<T>.TryCreate");

    public static readonly CallbackTypeKind SeqFile = new("SeqFile", "ISeqFile", "SeqFileKind", "ProcSeqFile<T>.TryCreate");

    public static readonly CallbackTypeKind ConfigfsItem = new("ConfigfsItem", "IConfigfsItem", "ConfigfsKind", "ConfigfsSubsystem<T>.TryRegister");

    public static readonly CallbackTypeKind SysfsAttribute = new("SysfsAttribute", "ISysfsAttribute", "SysfsKind", "SysfsAttribute<T>.TryCreate");

    public static readonly IReadOnlyList<CallbackTypeKind> All = new[] { MiscDevice, WorkItem, TimerCallback, PciDriver, IrqHandler, PlatformDriver, DebugfsFile, SeqFile, ConfigfsItem, SysfsAttribute };

    /// <summary>The interface of this kind <paramref name="type"/> implements, of any type argument.</summary>
    public INamedTypeSymbol? InterfaceOf(INamedTypeSymbol type)
        => type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.MetadataName == Interface + "`1"
            && i.OriginalDefinition.ContainingNamespace.ToDisplayString() == "Kernel");

    /// <summary>The attribute's name and what a [X] partial struct of <paramref name="self"/> implements, for messages.</summary>
    public string SelfInterface(string self) => Interface + "<" + self + ">";
}
