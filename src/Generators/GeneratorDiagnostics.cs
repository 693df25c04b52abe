using Microsoft.CodeAnalysis;

namespace Kernel.Generators;

/// <summary>The diagnostics of the [Module] declaration and its [ModuleParameter]s (KC00xx) and of CStr literals (KC01xx), reported by this
/// assembly's generators and the analyzers that share their parsers.</summary>
public static class GeneratorDiagnostics
{
    private const string Module = "KernelCrate.Module";
    private const string CStr = "KernelCrate.CStr";

    public static readonly DiagnosticDescriptor ModuleNameMissing = Error("KC0001", Module,
        "Module name is missing", "[Module] needs a Name: the kernel identifies the module by it");
    public static readonly DiagnosticDescriptor ModuleLicenseMissing = Error("KC0002", Module,
        "Module license is missing", "[Module] needs a License: the kernel refuses GPL-only symbols and taints itself without one");
    public static readonly DiagnosticDescriptor ModuleNameInvalid = Error("KC0003", Module,
        "Module name is not a C identifier", "Module name '{0}' is not a C identifier once '-' becomes '_'");
    public static readonly DiagnosticDescriptor ModuleNameTooLong = Error("KC0004", Module,
        "Module name is too long", "Module name '{0}' is {1} bytes long; the kernel allows at most 55 (MODULE_NAME_LEN - 1)");
    public static readonly DiagnosticDescriptor ModuleLicenseUnknown = Error("KC0005", Module,
        "Unknown module license", "License '{0}' is not one the kernel knows; use \"GPL\", \"GPL v2\", \"GPL and additional rights\", \"Dual BSD/GPL\", \"Dual MIT/GPL\", \"Dual MPL/GPL\" or \"Proprietary\"");
    public static readonly DiagnosticDescriptor ModuleLicenseProprietary = Error("KC0006", Module,
        "Proprietary module license", "License \"Proprietary\" cannot load: KernelCrate's C side uses GPL-only symbols, which modpost refuses to a GPL-incompatible module");
    public static readonly DiagnosticDescriptor ModuleValueHasNul = Error("KC0007", Module,
        "Module value contains NUL", "{0} contains a NUL character, which would cut the .modinfo entry short");
    public static readonly DiagnosticDescriptor ModuleValueNotAscii = Error("KC0008", Module,
        "Module value is not ASCII", "{0} '{1}' must be ASCII: the kernel compares it byte by byte");
    public static readonly DiagnosticDescriptor ModuleDuplicate = Error("KC0009", Module,
        "More than one module in an assembly", "'{0}' is a second [Module] in this assembly; a .ko has exactly one init_module (the first is '{1}')", isCompilationEnd: true);
    public static readonly DiagnosticDescriptor ModuleNotKernelModule = Error("KC0010", Module,
        "Module type does not implement IKernelModule", "'{0}' must implement IKernelModule<{0}> so the generated init_module can call its Init");
    public static readonly DiagnosticDescriptor ModuleWrongSelfType = Error("KC0011", Module,
        "Module type implements IKernelModule of another type", "'{0}' implements IKernelModule<{1}>; its Init must create a '{0}', so implement IKernelModule<{0}>");
    public static readonly DiagnosticDescriptor ModuleIsClass = Error("KC0012", Module,
        "Module type must be a struct", "'{0}' is a class; a class instance needs the GC heap, which a kernel module does not have, so make it a struct");
    public static readonly DiagnosticDescriptor ModuleTypeUnreachable = Error("KC0013", Module,
        "Module type cannot be reached by generated code", "'{0}' is {1}; the generated entry points need a non-generic type they can name");
    public static readonly DiagnosticDescriptor ModuleValueEmpty = Error("KC0014", Module,
        "Module value is empty", "{0} must not be null or empty");

    public static readonly DiagnosticDescriptor ParameterShapeInvalid = Error("KC0015", Module,
        "Module parameter property cannot be generated", "Module parameter '{0}' cannot be generated: {1}");
    public static readonly DiagnosticDescriptor ParameterTypeUnsupported = Error("KC0016", Module,
        "Module parameter type is not supported", "Module parameter type '{0}' is not supported; use {1}");
    public static readonly DiagnosticDescriptor ParameterDefaultInvalid = Error("KC0017", Module,
        "Module parameter default does not fit its type", "Default {0} does not fit '{1}': {2}");
    public static readonly DiagnosticDescriptor ParameterNameInvalid = Error("KC0018", Module,
        "Module parameter name is not a C identifier", "Module parameter name '{0}' is not a C identifier (letters, digits and '_', not starting with a digit)");
    public static readonly DiagnosticDescriptor ParameterNameDuplicate = Error("KC0019", Module,
        "Module parameter declared twice", "Module parameter '{0}' is declared twice in this module (first on '{1}')", isCompilationEnd: true);
    public static readonly DiagnosticDescriptor ParameterPermissionsInvalid = Error("KC0020", Module,
        "Module parameter permissions the kernel refuses", "Permissions {0} cannot be a parameter's sysfs mode: {1}");
    public static readonly DiagnosticDescriptor ParameterLengthInvalid = Error("KC0021", Module,
        "Module parameter length is wrong", "Module parameter '{0}' {1}");
    public static readonly DiagnosticDescriptor ParameterWritableNeedsCopy = Error("KC0022", Module,
        "String or array module parameter is writable in sysfs", "Module parameter '{0}' is {1}, which a sysfs write would replace while the module reads it; make it ParameterPermissions.ReadOnly or None");

    public static readonly DiagnosticDescriptor CallbackTypeNotMarked = Error("KC0023", Module,
        "Kernel callback type is not marked with its attribute", "'{0}' implements {1} but is not marked [{2}]; without it no kernel callback reaches it and {3} panics");
    public static readonly DiagnosticDescriptor CallbackTypeShapeInvalid = Error("KC0024", Module,
        "Kernel callback type cannot be generated", "[{1}] type '{0}' is {2}; it must be a top-level, non-generic partial struct the generator can add its kind to");
    public static readonly DiagnosticDescriptor CallbackTypeNotImplemented = Error("KC0025", Module,
        "Kernel callback type does not implement its interface of itself", "[{1}] type '{0}' must implement {2}");

    public static readonly DiagnosticDescriptor KernelTestShapeInvalid = Error("KC0026", Module,
        "[KernelTest] method has the wrong shape", "[KernelTest] method '{0}' must be static, return void, take no parameters and be neither generic nor in a generic type: the test module calls it so");
    public static readonly DiagnosticDescriptor KernelTestUnreachable = Error("KC0027", Module,
        "[KernelTest] method is not reachable", "[KernelTest] method '{0}' must be internal or public, and so must every type around it: the generated test module calls it from outside");
    public static readonly DiagnosticDescriptor PciDriverWithoutIds = Error("KC0028", Module,
        "PCI driver matches no device", "[PciDriver] type '{0}' has no [PciDeviceId]: the kernel would never probe it; add [PciDeviceId(vendor, device)] for each device it drives");
    public static readonly DiagnosticDescriptor PciIdOutOfRange = Error("KC0029", Module,
        "PCI id field out of range", "[PciDeviceId] on '{0}': {1} = {2} is not a 16-bit PCI id (0 to 0xFFFF, or -1 for any)");
    public static readonly DiagnosticDescriptor PciIdDuplicate = Error("KC0030", Module,
        "PCI id listed twice", "[PciDeviceId] on '{0}' repeats '{1}': the kernel matches the first only, so this one's Info would never be seen");
    public static readonly DiagnosticDescriptor PlatformDriverWithoutIds = Error("KC0031", Module,
        "Platform driver matches no device", "[PlatformDriver] type '{0}' has no [AcpiDeviceId] or [OfDeviceId]: only a device named as the driver would bind it; add the ids firmware gives its devices");
    public static readonly DiagnosticDescriptor AcpiIdInvalid = Error("KC0032", Module,
        "ACPI id is not a _HID", "[AcpiDeviceId(\"{1}\")] on '{0}' is not an ACPI hardware id: three letters and four hex digits (\"PNP0C0A\") or four letters or digits and four hex digits (\"LNUXBEEF\")");
    public static readonly DiagnosticDescriptor OfCompatibleInvalid = Error("KC0033", Module,
        "Devicetree compatible does not fit", "[OfDeviceId(\"{1}\")] on '{0}' is {2} bytes: a compatible is 1 to 127 bytes of UTF-8 without NUL (of_device_id's 128 with its terminator)");
    public static readonly DiagnosticDescriptor ConfigfsAttributeNameInvalid = Error("KC0034", Module,
        "configfs attribute name is not a file name", "[ConfigfsAttribute(\"{1}\")] on '{0}' {2}: each attribute is a file in the item's directory");
    public static readonly DiagnosticDescriptor ConfigfsStoreMissing = Error("KC0035", Module,
        "Writable configfs attribute has no store", "[ConfigfsAttribute(\"{1}\", Writable = true)] on '{0}': the type does not implement IConfigfsStore, so no write could reach it");
    public static readonly DiagnosticDescriptor ConfigfsTooManyAttributes = Error("KC0036", Module,
        "configfs type has too many attributes", "'{0}' has {1} [ConfigfsAttribute]s; a configfs type takes at most {2} (configfs's show does not say which file it is for, so each index has a C function of its own)");

    public static readonly DiagnosticDescriptor CStrNotConstant = Error("KC0101", CStr,
        "CStr.Literal needs a constant", "CStr.Literal needs a compile-time constant string; for run-time bytes use CStr.FromBytesWithNul");
    public static readonly DiagnosticDescriptor CStrInteriorNul = Error("KC0102", CStr,
        "CStr literal contains NUL", "CStr literal contains a NUL at index {0}; a C string ends at its first NUL");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, bool isCompilationEnd = false)
        => Descriptors.Error(id, category, title, message, isCompilationEnd);
}
