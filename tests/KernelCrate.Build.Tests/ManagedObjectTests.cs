using System.Linq;
using Kernel.Build;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>The object check on objdump text shaped as ilc's objects are (symbol table, then disassembly).</summary>
public sealed class ManagedObjectTests
{
    private const string Symbols = """
        SYMBOL TABLE:
        0000000000000000 g     F __managedcode	0000000000000010 kc_module_init
        0000000000000020 g     F __managedcode	0000000000000010 .hidden Mod_Mod__Handle
        0000000000000020 g     F __managedcode	0000000000000010 kc_sysctl_handle
        0000000000000000         *UND*	0000000000000000 kc_printk

        """;

    private static ManagedObject Parse(string disassembly, string relocations = "")
        => ManagedObject.Parse(Symbols + "Disassembly of section __managedcode:\n\n" + disassembly, relocations);

    private const string Clean = """
        0000000000000000 <Mod_Mod__Init>:
           0:	movdqu %xmm0,(%rdi)
           4:	call   9 <Mod_Mod__Init+0x9>
        			5: R_X86_64_PLT32	kc_printk-0x4
           9:	ret

        0000000000000020 <Mod_Mod__Handle>:
          20:	call   40 <Mod_Mod__Store_0<Mod_Mod_Storage>>
          25:	ret

        0000000000000040 <Mod_Mod__Store_0<Mod_Mod_Storage>>:
          40:	mov    %rdi,%rax
          43:	ret

        """;

    [Fact]
    public void A_callback_that_reaches_no_SIMD_runs_outside_the_FPU_section_and_init_always_inside()
    {
        ManagedObject managed = Parse(Clean);
        string header = CheckManagedObject.ConfigHeaderText(managed);
        Assert.Contains("#define KC_FPU_kc_sysctl_handle 0", header);
        Assert.Contains("#define KC_FPU_kc_module_init 1", header);
        Assert.Contains("#define KC_USES_kc_printk 1", header);
        Assert.Empty(CheckManagedObject.Findings(managed, "Mod"));
    }

    [Fact]
    public void Callees_with_generic_names_are_followed()
    {
        Assert.Contains("Mod_Mod__Store_0<Mod_Mod_Storage>", Parse(Clean).Reach("kc_sysctl_handle"));
    }

    [Fact]
    public void SIMD_in_a_callee_of_a_callback_needs_the_FPU_section()
    {
        string simdCallee = Clean.Replace("  40:	mov    %rdi,%rax", "  40:	movups %xmm1,(%rdi)");
        ManagedObject managed = Parse(simdCallee);
        Assert.Equal("Mod_Mod__Store_0<Mod_Mod_Storage>", managed.SimdReachableFrom("kc_sysctl_handle"));
        Assert.Contains("#define KC_FPU_kc_sysctl_handle 1", CheckManagedObject.ConfigHeaderText(managed));
    }

    [Fact]
    public void A_jump_table_is_KC9008_naming_the_method()
    {
        string jumpTable = Clean.Replace("  40:	mov    %rdi,%rax", "  40:	jmp    *%rax");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(Parse(jumpTable), "Mod"));
        Assert.Equal("KC9008", id);
        Assert.Contains("'Mod.Store_0<Mod_Mod_Storage>' has an indirect jump (jmp *%rax)", message);
        Assert.Contains("jump table", message);
    }

    [Fact]
    public void An_indirect_call_is_KC9008()
    {
        string indirect = Clean.Replace("  20:	call   40 <Mod_Mod__Store_0<Mod_Mod_Storage>>", "  20:	call   *-0x2(%rax)");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(Parse(indirect), "Mod"));
        Assert.Equal("KC9008", id);
        Assert.Contains("'Mod.Handle' has an indirect call (call *-0x2(%rax))", message);
    }

    [Fact]
    public void Taking_a_managed_address_in_code_or_data_is_KC9008()
    {
        string lea = Clean.Replace("   9:	ret", "   9:	lea    0x16(%rip),%rax        # 20 <Mod_Mod__Handle>\n  10:	ret");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(Parse(lea), "Mod"));
        Assert.Equal("KC9008", id);
        Assert.Contains("the address of 'Mod.Handle' is taken (in 'Mod.Init')", message);

        const string vtable = "RELOCATION RECORDS FOR [.data]:\nOFFSET           TYPE              VALUE\n0000000000000008 R_X86_64_64       __managedcode+0x40\n";
        (_, string data) = Assert.Single(CheckManagedObject.Findings(Parse(Clean, vtable), "Mod"));
        Assert.Contains("the address of 'Mod.Store_0<Mod_Mod_Storage>' is taken (data in .data)", data);
    }

    [Fact]
    public void A_GC_allocation_is_KC9002_naming_the_method()
    {
        string allocates = Symbols.Replace("kc_printk\n", "kc_printk\n0000000000000000         *UND*	0000000000000000 RhpNewFast\n")
            + "Disassembly of section __managedcode:\n\n" + Clean.Replace("kc_printk-0x4", "RhpNewFast-0x4");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(ManagedObject.Parse(allocates, ""), "Mod"));
        Assert.Equal("KC9002", id);
        Assert.StartsWith("'Mod.Init' allocates on the GC heap (RhpNewFast)", message);
    }

    [Fact]
    public void Helpers_the_runtime_provides_are_not_findings()
    {
        string provided = Clean.Replace("kc_printk-0x4", "RhpReversePInvoke-0x4");
        Assert.DoesNotContain(CheckManagedObject.Findings(Parse(provided), "Mod"), f => f.Id == "KC9002");
    }

    [Fact]
    public void Entry_points_are_the_exported_names_mapped_to_ilc_functions()
    {
        ManagedObject managed = Parse(Clean);
        Assert.Equal(["kc_module_init", "kc_sysctl_handle"], managed.EntryPoints.Keys.ToArray());
        Assert.Equal("Mod_Mod__Handle", managed.EntryPoints["kc_sysctl_handle"]);
    }

    [Fact]
    public void Registering_a_sysctl_without_its_handler_is_KC9010_at_the_registering_method()
    {
        string withHandler = Symbols.Replace("kc_printk\n", "kc_printk\n0000000000000000         *UND*	0000000000000000 kc_sysctl_register\n");
        string code = "Disassembly of section __managedcode:\n\n" + Clean.Replace("kc_printk-0x4", "kc_sysctl_register-0x4");
        Assert.Empty(CheckManagedObject.Findings(ManagedObject.Parse(withHandler + code, ""), "Mod"));
        string withoutHandler = withHandler.Replace("kc_sysctl_handle", "Mod_Mod__Unused");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(ManagedObject.Parse(withoutHandler + code, ""), "Mod"));
        Assert.Equal("KC9010", id);
        Assert.StartsWith("'Mod.Init' calls kc_sysctl_register, whose kernel object calls back into 'kc_sysctl_handle', but the module does not export it", message);
    }

    [Fact]
    public void An_exported_kc_entry_the_table_does_not_know_is_KC9010()
    {
        string symbols = Symbols.Replace("kc_sysctl_handle", "kc_sysctl_handel");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(
            ManagedObject.Parse(symbols + "Disassembly of section __managedcode:\n\n" + Clean, ""), "Mod"));
        Assert.Equal("KC9010", id);
        Assert.StartsWith("the object exports 'kc_sysctl_handel', which is not in KernelCrate's table of entry points", message);
    }

    [Fact]
    public void A_softirq_entry_that_reaches_SIMD_is_KC9011_at_the_function_with_it()
    {
        string timer = Symbols.Replace("kc_sysctl_handle", "kc_hrtimer_fire");
        string clean = "Disassembly of section __managedcode:\n\n" + Clean;
        Assert.Empty(CheckManagedObject.Findings(ManagedObject.Parse(timer + clean, ""), "Mod"));
        string simd = clean.Replace("  40:	mov    %rdi,%rax", "  40:	movups %xmm1,(%rdi)");
        (string id, string message) = Assert.Single(CheckManagedObject.Findings(ManagedObject.Parse(timer + simd, ""), "Mod"));
        Assert.Equal("KC9011", id);
        Assert.StartsWith("'Mod.Store_0<Mod_Mod_Storage>' names a SIMD register and is reached from 'kc_hrtimer_fire', which runs in softirq context", message);
        Assert.Empty(CheckManagedObject.Findings(ManagedObject.Parse(Symbols + simd, ""), "Mod")); // the same code in a process-context entry
    }

    /// <summary>An early return from inside a using block: ilc calls the finally funclet at the end of the function.</summary>
    private const string WithFunclet = """
        0000000000000000 <Mod_Mod__Init>:
           0:	call   5 <Mod_Mod__Init+0x5>
        			1: R_X86_64_PLT32	kc_printk-0x4
           5:	call   10 <Mod_Mod__Init+0x10>
           a:	ret
           b:	nop
          10:	push   %rax
          11:	add    $0x8,%rsp
          15:	ret

        0000000000000020 <Mod_Mod__Handle>:
          20:	ret

        """;

    [Fact]
    public void A_call_into_its_own_function_is_a_funclet_up_to_the_next_function_and_an_unlinked_call_is_not()
    {
        ManagedObject managed = Parse(WithFunclet);
        Assert.Equal([(0x10L, 0x10L)], managed.Funclets.Select(f => (f.Key, f.Value)));
        Assert.Equal(["--add-symbol", "kc_funclet_10=__managedcode:0x10,local,function", "managed.o"],
            FuncletSymbols.ObjcopyArguments(managed.Funclets, "managed.o"));
        Assert.Empty(Parse(Clean).Funclets);
    }
}
