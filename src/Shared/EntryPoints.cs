using System;
using System.Collections.Generic;
using System.Linq;

namespace Kernel.Entries;

/// <summary>Where the kernel runs a callback: what its managed half may do (sleep, take a mutex, allocate with Gfp.Kernel).</summary>
internal enum EntryContext
{
    /// <summary>Process context: may sleep (file operations, module init and exit, proc handlers).</summary>
    Process,
    /// <summary>Preemption or interrupts disabled by the caller: must not sleep.</summary>
    Atomic,
    /// <summary>A softirq (timer_list, hrtimer in softirq mode, tasklet): must not sleep.</summary>
    Softirq,
    /// <summary>A hard interrupt (an irq handler, a hardirq hrtimer): must not sleep.</summary>
    Hardirq,
}

/// <summary>
/// One entry from C into managed code. The managed half is the [UnmanagedCallersOnly] function <see cref="Symbol"/>;
/// C reaches it only through <see cref="Thunk"/>, a direct call on a 16-byte aligned stack. From this row come the C
/// prototypes (kc_entries.h), the thunks (kc_thunks.S), the managed signature the generators emit and the object
/// check's idea of the entry.
/// </summary>
internal sealed class EntryPoint
{
    public EntryPoint(string name, EntryContext context, string returns, string parameters,
        bool alwaysInFpu = false, int operationBit = -1, string? requiredBy = null)
    {
        Name = name;
        Context = context;
        Returns = CType.Parse(returns);
        Parameters = parameters.Length == 0
            ? Array.Empty<CParameter>()
            : parameters.Split(',').Select(p => CParameter.Parse(p.Trim())).ToArray();
        foreach (CParameter narrow in Parameters.Where(p => p.Type.Width is > 0 and < 4))
            throw new FormatException($"{name}: parameter '{narrow.C}' is narrower than int: C may leave the rest of its register undefined and managed code reads all of it; pass int or u32");
        AlwaysInFpu = alwaysInFpu;
        OperationBit = operationBit;
        RequiredBy = requiredBy;
    }

    /// <summary>The entry without its kc_ prefix, e.g. miscdev_read.</summary>
    public string Name { get; }
    public EntryContext Context { get; }
    public bool MaySleep => Context == EntryContext.Process;
    public CType Returns { get; }
    public IReadOnlyList<CParameter> Parameters { get; }
    /// <summary>Module init and exit: C always runs them inside the FPU section (they may reach anything).</summary>
    public bool AlwaysInFpu { get; }
    /// <summary>
    /// An optional operation's bit in its type's operations mask, or -1 for a mandatory one. A type that does not
    /// implement an optional operation leaves it NULL in the kernel's ops table, so the kernel's own default runs.
    /// </summary>
    public int OperationBit { get; }
    /// <summary>The C helper whose use needs this entry exported (registering a sysctl needs its handler).</summary>
    public string? RequiredBy { get; }

    public string Symbol => "kc_" + Name;
    public string Thunk => "kc_aligned_" + Name;
    /// <summary>The C macro naming <see cref="OperationBit"/> (kc_entries.h), e.g. KC_OP_kc_miscdev_read.</summary>
    public string OperationMacro => "KC_OP_" + Symbol;

    public string CPrototype(string symbol)
        => Returns.C + (Returns.C.EndsWith("*", StringComparison.Ordinal) ? "" : " ") + symbol + "("
           + (Parameters.Count == 0 ? "void" : string.Join(", ", Parameters.Select(p => p.C))) + ")";

    /// <summary>The managed function's signature, e.g. <c>nint Read(uint kind, void* state, ...)</c>.</summary>
    public string ManagedSignature(string methodName)
        => Returns.Managed + " " + methodName + "(" + string.Join(", ", Parameters.Select(p => p.Type.Managed + " " + p.Name)) + ")";

    /// <summary>The attribute and signature of the managed entry, as the generators emit it.</summary>
    public string ManagedDeclaration(string methodName, string indent)
        => indent + "[global::System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"" + Symbol + "\")]\n"
           + indent + "private static " + ManagedSignature(methodName) + "\n";

    /// <summary>The arguments, by name, in order: what a dispatch call forwards.</summary>
    public string ArgumentList => string.Join(", ", Parameters.Select(p => p.Name));
}

/// <summary>A C parameter of an entry: its type and the name both halves use.</summary>
internal sealed class CParameter
{
    private CParameter(CType type, string name) => (Type, Name) = (type, name);

    public CType Type { get; }
    public string Name { get; }
    public string C => Type.C + (Type.C.EndsWith("*", StringComparison.Ordinal) ? "" : " ") + Name;

    public static CParameter Parse(string declaration)
    {
        int split = declaration.LastIndexOfAny(new[] { ' ', '*' });
        if (split <= 0) throw new FormatException($"'{declaration}' is not a C parameter (type and name)");
        return new CParameter(CType.Parse(declaration.Substring(0, split + 1)), declaration.Substring(split + 1));
    }
}

/// <summary>
/// A C type an entry or helper may use, with the managed type of the same width. Only these: a type outside the
/// list is an error, so nothing crosses between C and C# with a width either side guessed.
/// </summary>
internal sealed class CType
{
    private static readonly Dictionary<string, (string Managed, int Width)> Known = new(StringComparer.Ordinal)
    {
        ["void"] = ("void", 0),
        ["bool"] = ("bool", 1),
        ["u8"] = ("byte", 1),
        ["char"] = ("byte", 1),
        ["u16"] = ("ushort", 2),
        ["int"] = ("int", 4),
        ["u32"] = ("uint", 4),
        ["unsigned int"] = ("uint", 4),
        ["long"] = ("nint", 8),
        ["ssize_t"] = ("nint", 8),
        ["unsigned long"] = ("nuint", 8),
        ["size_t"] = ("nuint", 8),
        ["u64"] = ("ulong", 8),
        ["s64"] = ("long", 8),
        ["loff_t"] = ("long", 8),
    };

    private CType(string c, string managed, int width) => (C, Managed, Width) = (c, managed, width);

    /// <summary>The type as C writes it, e.g. <c>loff_t *</c>.</summary>
    public string C { get; }
    public string Managed { get; }
    /// <summary>Its size in bytes on a 64-bit kernel (0 for void).</summary>
    public int Width { get; }

    public static CType Parse(string text)
    {
        string c = text.Trim();
        string bare = c.Replace("const ", "").Replace("__user", "").Trim();
        int stars = bare.Count(ch => ch == '*');
        string element = bare.TrimEnd('*', ' ');
        if (!Known.TryGetValue(element, out var known)) throw new FormatException($"'{c}' is not a C type KernelCrate passes between C and C#");
        if (stars == 0) return new CType(c, known.Managed, known.Width);
        string normalized = c.TrimEnd('*', ' ') + " " + new string('*', stars);
        return new CType(normalized, known.Managed + new string('*', stars), 8);
    }
}

/// <summary>Every entry from C into managed code, one row each. A subsystem adds its rows here, its C file and its API.</summary>
internal static class EntryPoints
{
    public static readonly EntryPoint ModuleInit = new("module_init", EntryContext.Process, "int", "void *module", alwaysInFpu: true);
    public static readonly EntryPoint ModuleExit = new("module_exit", EntryContext.Process, "void", "", alwaysInFpu: true);

    public static readonly EntryPoint SysctlHandle = new("sysctl_handle", EntryContext.Process, "int",
        "void *storage, u32 kind, int write, void *buffer, size_t *lenp, loff_t *ppos", requiredBy: "kc_sysctl_register");

    public static readonly EntryPoint MiscdevOpen = new("miscdev_open", EntryContext.Process, "int",
        "u32 kind, void *device, void *state", requiredBy: "kc_miscdev_register");
    public static readonly EntryPoint MiscdevRelease = new("miscdev_release", EntryContext.Process, "void",
        "u32 kind, void *state", requiredBy: "kc_miscdev_register");
    public static readonly EntryPoint MiscdevRead = new("miscdev_read", EntryContext.Process, "ssize_t",
        "u32 kind, void *state, u64 buffer, size_t length, loff_t *position", operationBit: 0);
    public static readonly EntryPoint MiscdevWrite = new("miscdev_write", EntryContext.Process, "ssize_t",
        "u32 kind, void *state, u64 buffer, size_t length, loff_t *position", operationBit: 1);
    public static readonly EntryPoint MiscdevIoctl = new("miscdev_ioctl", EntryContext.Process, "long",
        "u32 kind, void *state, unsigned int command, unsigned long argument", operationBit: 2);

    /// <summary>A [WorkItem] type's Run: the work's callback, on a kernel worker thread.</summary>
    public static readonly EntryPoint WorkRun = new("work_run", EntryContext.Process, "void",
        "u32 kind, void *state", requiredBy: "kc_work_alloc");
    /// <summary>A [TimerCallback] type's Run, in softirq mode: returns 0 to stop, or the period to run again after.</summary>
    public static readonly EntryPoint HrtimerFire = new("hrtimer_fire", EntryContext.Softirq, "u64",
        "u32 kind, void *state", requiredBy: "kc_hrtimer_alloc");

    /// <summary>A [PciDriver] type's Probe: binds a matching device; its state is written to <c>state</c>.</summary>
    public static readonly EntryPoint PciProbe = new("pci_probe", EntryContext.Process, "int",
        "u32 kind, void *device, u32 info, void *state", requiredBy: "kc_pci_register");
    /// <summary>A [PciDriver] type's Dispose: the device is unbound (driver unregistered or device removed).</summary>
    public static readonly EntryPoint PciRemove = new("pci_remove", EntryContext.Process, "void",
        "u32 kind, void *state", requiredBy: "kc_pci_register");

    /// <summary>An [IrqHandler] type's Handle, in hardirq context: returns IRQ_NONE (0) or IRQ_HANDLED (1).</summary>
    public static readonly EntryPoint IrqHandle = new("irq_handle", EntryContext.Hardirq, "u32",
        "u32 kind, void *state", requiredBy: "kc_pci_request_irq");

    /// <summary>A [PlatformDriver] type's Probe: <c>matched</c> is 1 when an ACPI or OF id matched (<c>info</c> is its info).</summary>
    public static readonly EntryPoint PlatformProbe = new("platform_probe", EntryContext.Process, "int",
        "u32 kind, void *device, u32 info, int matched, void *state", requiredBy: "kc_platform_register");
    public static readonly EntryPoint PlatformRemove = new("platform_remove", EntryContext.Process, "void",
        "u32 kind, void *state", requiredBy: "kc_platform_register");

    /// <summary>A [DebugfsFile] type's Show: writes the file's text through kc_seq_write; 0 or a negative errno.</summary>
    public static readonly EntryPoint DebugfsShow = new("debugfs_show", EntryContext.Process, "int",
        "u32 kind, void *state, void *seq", requiredBy: "kc_debugfs_file");
    /// <summary>A [DebugfsFile] type's Store (it implements IDebugfsStore): one write's text, NUL-terminated.</summary>
    public static readonly EntryPoint DebugfsStore = new("debugfs_store", EntryContext.Process, "int",
        "u32 kind, void *state, u8 *text, size_t length", operationBit: 3);

    /// <summary>A [SeqFile] type's Count, with its mutex held (seq_file's start and next).</summary>
    public static readonly EntryPoint ProcSeqCount = new("proc_seq_count", EntryContext.Process, "s64",
        "u32 kind, void *records", requiredBy: "kc_proc_seq_create");
    /// <summary>A [SeqFile] type's Show of one record, with its mutex held.</summary>
    public static readonly EntryPoint ProcSeqShow = new("proc_seq_show", EntryContext.Process, "int",
        "u32 kind, void *records, s64 index, void *seq", requiredBy: "kc_proc_seq_create");

    /// <summary>A [ConfigfsItem] type's Show of one attribute into a page: the length written, or a negative errno.</summary>
    public static readonly EntryPoint ConfigfsShow = new("configfs_show", EntryContext.Process, "s64",
        "u32 kind, void *state, u32 attribute, u8 *page, size_t size", requiredBy: "kc_configfs_register");
    /// <summary>A [ConfigfsItem] type's Store (it implements IConfigfsStore): one write's text, NUL-terminated.</summary>
    public static readonly EntryPoint ConfigfsStore = new("configfs_store", EntryContext.Process, "int",
        "u32 kind, void *state, u32 attribute, u8 *text, size_t length", operationBit: 4);
    /// <summary>An IConfigfsGroup type's MakeGroup (a mkdir in its directory): writes the new group to <c>group</c>.</summary>
    public static readonly EntryPoint ConfigfsMakeGroup = new("configfs_make_group", EntryContext.Process, "int",
        "u32 kind, void *state, const char *name, void **group", operationBit: 5);
    /// <summary>A [ConfigfsItem] type's Dispose: its directory is gone and its last open file closed.</summary>
    public static readonly EntryPoint ConfigfsRelease = new("configfs_release", EntryContext.Process, "void",
        "u32 kind, void *state", requiredBy: "kc_configfs_register");

    /// <summary>A [SysfsAttribute] type's Show into a page: the length written, or a negative errno.</summary>
    public static readonly EntryPoint SysfsShow = new("sysfs_show", EntryContext.Process, "s64",
        "u32 kind, void *state, u8 *page, size_t size", requiredBy: "kc_sysfs_attr_create");
    /// <summary>A [SysfsAttribute] type's Store (it implements ISysfsStore): one write's text, NUL-terminated.</summary>
    public static readonly EntryPoint SysfsStore = new("sysfs_store", EntryContext.Process, "int",
        "u32 kind, void *state, u8 *text, size_t length", operationBit: 6);

    public static readonly IReadOnlyList<EntryPoint> All = new[]
    {
        ModuleInit, ModuleExit, SysctlHandle, MiscdevOpen, MiscdevRelease, MiscdevRead, MiscdevWrite, MiscdevIoctl,
        WorkRun, HrtimerFire, PciProbe, PciRemove, IrqHandle, PlatformProbe, PlatformRemove, DebugfsShow, DebugfsStore, ProcSeqCount, ProcSeqShow,
        ConfigfsShow, ConfigfsStore, ConfigfsMakeGroup, ConfigfsRelease, SysfsShow, SysfsStore,
    };

    public static EntryPoint? Find(string symbol) => All.FirstOrDefault(e => e.Symbol == symbol);

    /// <summary>The operations mask of a type implementing <paramref name="operations"/>.</summary>
    public static uint Mask(IEnumerable<EntryPoint> operations)
        => operations.Aggregate(0u, (mask, e) => e.OperationBit < 0 ? mask : mask | (1u << e.OperationBit));
}
