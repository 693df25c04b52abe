using System.Linq;
using Kernel.Entries;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>The C side generated from the table of entry points: prototypes, operation bits and thunks, only for what the object exports.</summary>
public sealed class EntrySourcesTests
{
    [Fact]
    public void The_header_declares_each_exported_entry_and_its_thunk_with_the_table_s_C_types()
    {
        var entries = EntrySources.Exported(["kc_module_init", "kc_miscdev_read", "Mod_Mod__Helper"]);
        Assert.Equal(["kc_module_init", "kc_miscdev_read"], entries.Select(e => e.Symbol).ToArray());
        string header = EntrySources.HeaderText(entries);
        Assert.Contains("#define KC_ENTRY_kc_module_init 1\nint kc_module_init(void *module);\nint kc_aligned_module_init(void *module);\n", header);
        Assert.Contains("#define KC_OP_kc_miscdev_read (1u << 0)\n", header);
        Assert.Contains("ssize_t kc_aligned_miscdev_read(u32 kind, void *state, u64 buffer, size_t length, loff_t *position);", header);
        Assert.DoesNotContain("kc_module_exit", header);
        Assert.DoesNotContain("KC_OP_kc_module_init", header);
    }

    [Fact]
    public void The_thunks_use_the_architecture_s_macro_once_per_exported_entry()
    {
        string thunks = EntrySources.ThunksText(EntrySources.Exported(["kc_module_exit", "kc_module_init"]), "x86");
        Assert.Contains("#include \"arch/x86/kc_thunk.S\"\n", thunks);
        Assert.Equal(["KC_ALIGNED_ENTRY kc_aligned_module_init, kc_module_init", "KC_ALIGNED_ENTRY kc_aligned_module_exit, kc_module_exit"],
            thunks.Split('\n').Where(l => l.StartsWith("KC_ALIGNED_ENTRY")).ToArray());
    }

    [Fact]
    public void A_void_entry_without_parameters_is_void_in_C_and_empty_in_CSharp()
    {
        Assert.Equal("void kc_aligned_module_exit(void)", EntryPoints.ModuleExit.CPrototype(EntryPoints.ModuleExit.Thunk));
        Assert.Equal("void Exit()", EntryPoints.ModuleExit.ManagedSignature("Exit"));
    }

    [Fact]
    public void Managed_types_have_the_C_types_widths()
    {
        Assert.Equal("int Handle(void* storage, uint kind, int write, void* buffer, nuint* lenp, long* ppos)",
            EntryPoints.SysctlHandle.ManagedSignature("Handle"));
        Assert.Equal("nint Ioctl(uint kind, void* state, uint command, nuint argument)", EntryPoints.MiscdevIoctl.ManagedSignature("Ioctl"));
    }

    [Fact]
    public void A_C_type_outside_the_list_is_refused_rather_than_guessed()
    {
        var error = Assert.Throws<System.FormatException>(() => CType.Parse("struct file *"));
        Assert.Contains("'struct file *' is not a C type KernelCrate passes", error.Message);
    }

    [Fact]
    public void An_entry_parameter_narrower_than_int_is_refused()
    {
        var error = Assert.Throws<System.FormatException>(() => new EntryPoint("probe", EntryContext.Process, "int", "void *state, bool hot"));
        Assert.Equal("probe: parameter 'bool hot' is narrower than int: C may leave the rest of its register undefined and managed code reads all of it; pass int or u32", error.Message);
    }

    [Fact]
    public void Every_row_has_a_unique_name_and_optional_operations_unique_bits()
    {
        Assert.Equal(EntryPoints.All.Count, EntryPoints.All.Select(e => e.Symbol).Distinct().Count());
        var bits = EntryPoints.All.Where(e => e.OperationBit >= 0).Select(e => e.OperationBit).ToArray();
        Assert.Equal(bits.Length, bits.Distinct().Count());
        Assert.All(EntryPoints.All, e => Assert.True(e.AlwaysInFpu || e.OperationBit >= 0 || e.RequiredBy is not null,
            $"{e.Symbol}: neither always present (init/exit), optional, nor required by a helper"));
    }
}
