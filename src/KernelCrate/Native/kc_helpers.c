// SPDX-License-Identifier: GPL-2.0
/*
 * Every C shim of KernelCrate, in one file (as Rust-for-Linux's rust/helpers.c).
 *
 * The contract with the managed code (DESIGN.md):
 *  - RyuJIT uses xmm registers for ordinary copies, and kernel code may touch them only between
 *    kernel_fpu_begin() and kernel_fpu_end(). Module init and exit always run in that FPU section (kc_enter).
 *    Managed callbacks (sysctl handlers...) run in it unless kc_fpu_scan.awk proved at build time that no code
 *    they can reach uses a SIMD register (kc_config.h); entering the section saves the user's FPU state, which
 *    costs more than a small handler.
 *  - Every call from C# into a kernel function that may sleep goes through a shim here that leaves the FPU
 *    section for the call, if it is in one.
 *  - Managed code is always called on a 16-byte aligned stack (kc_call_aligned in kc_entry.S).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/random.h>
#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/percpu.h>
#include <asm/fpu/api.h>
#include "kc_layout.h"
#include "kc_config.h"

long kc_call_aligned(const void *fn, long a0, long a1, long a2, long a3, long a4);

/* The managed halves of the module entry points, exported by the code the [Module] generator emits. */
int kc_module_init(struct module *module);
void kc_module_exit(void);

/* ilc's stack-cookie check (every method with stackalloc) reads this; seeded before any managed code runs. */
unsigned long __security_cookie;

/* Whether this CPU runs managed code inside the FPU section. Only ever true with preemption disabled (the section
 * disables it), so the per-CPU value is exact for the code reading it. */
static DEFINE_PER_CPU(bool, kc_in_fpu);

static void kc_fpu_begin(void)
{
	kernel_fpu_begin();
	this_cpu_write(kc_in_fpu, true);
}

static void kc_fpu_end(void)
{
	this_cpu_write(kc_in_fpu, false);
	kernel_fpu_end();
}

/* For a call that may sleep: leave the FPU section if in it; returns whether to come back. */
static bool kc_fpu_leave(void)
{
	bool in_fpu = this_cpu_read(kc_in_fpu);

	if (in_fpu)
		kc_fpu_end();
	return in_fpu;
}

static void __maybe_unused kc_fpu_return(bool in_fpu)
{
	if (in_fpu)
		kc_fpu_begin();
}

static long kc_enter(const void *fn, long a0, long a1, long a2, long a3, long a4)
{
	long ret;

	kc_fpu_begin();
	ret = kc_call_aligned(fn, a0, a1, a2, a3, a4);
	kc_fpu_end();
	return ret;
}

/* The entry for managed callbacks registered with the kernel. */
static noinline __maybe_unused long kc_callback(const void *fn, long a0, long a1, long a2, long a3, long a4)
{
#if KC_CALLBACKS_USE_FPU
	return kc_enter(fn, a0, a1, a2, a3, a4);
#else
	return kc_call_aligned(fn, a0, a1, a2, a3, a4);
#endif
}

static int __init kc_init(void)
{
	BUILD_BUG_ON(sizeof(struct ctl_table) != KC_CTL_TABLE_SIZE);
	BUILD_BUG_ON(offsetof(struct ctl_table, procname) != KC_CTL_TABLE_PROCNAME);
	BUILD_BUG_ON(offsetof(struct ctl_table, data) != KC_CTL_TABLE_DATA);
	BUILD_BUG_ON(offsetof(struct ctl_table, maxlen) != KC_CTL_TABLE_MAXLEN);
	BUILD_BUG_ON(offsetof(struct ctl_table, mode) != KC_CTL_TABLE_MODE);
	BUILD_BUG_ON(offsetof(struct ctl_table, proc_handler) != KC_CTL_TABLE_PROC_HANDLER);
	BUILD_BUG_ON(offsetof(struct ctl_table, extra1) != KC_CTL_TABLE_EXTRA1);
	BUILD_BUG_ON(offsetof(struct ctl_table, extra2) != KC_CTL_TABLE_EXTRA2);
	BUILD_BUG_ON((__force unsigned int)GFP_KERNEL != KC_GFP_KERNEL);
	BUILD_BUG_ON((__force unsigned int)GFP_ATOMIC != KC_GFP_ATOMIC);
	BUILD_BUG_ON((__force unsigned int)GFP_NOWAIT != KC_GFP_NOWAIT);
	BUILD_BUG_ON((__force unsigned int)__GFP_ZERO != KC_GFP_ZERO);
	BUILD_BUG_ON((__force unsigned int)__GFP_NOWARN != KC_GFP_NOWARN);

	__security_cookie = get_random_long() | 1;
	return (int)kc_enter(kc_module_init, (long)THIS_MODULE, 0, 0, 0, 0);
}

static void __exit kc_exit(void)
{
	kc_enter(kc_module_exit, 0, 0, 0, 0, 0);
}

module_init(kc_init);
module_exit(kc_exit);

/* Runtime symbols every [UnmanagedCallersOnly] method calls; there is no GC to tell. */
void RhpReversePInvoke(void *frame) { }
void RhpReversePInvokeReturn(void *frame) { }

/* The panic path, as Rust-for-Linux's panic handler: a message, then BUG(). */
void __noreturn kc_panic(const u8 *what, size_t len)
{
	pr_emerg("panicked at '%.*s'\n", (int)len, what);
	kc_fpu_leave();
	BUG();
}

void __noreturn RhpFallbackFailFast(void)
{
	static const u8 what[] = "stack cookie mismatch (stack-protector)";

	kc_panic(what, sizeof(what) - 1);
}

#ifdef KC_USES_kc_printk
/* printk: the text is always an argument to "%.*s", never a format string. Levels 0-6 share one call with the
 * level digit patched into the format; debug goes through pr_debug (dynamic debug, as in C); 8 is KERN_CONT. */
void kc_printk(int level, const u8 *text, size_t len)
{
	char format[] = KERN_SOH "6" pr_fmt("%.*s\n");

	if (level == 7) {
		pr_debug("%.*s\n", (int)len, text);
	} else if (level >= 0 && level < 7) {
		format[1] = '0' + level;
		printk(format, (int)len, text);
	} else {
		pr_cont("%.*s", (int)len, text);
	}
}
#endif

/* Allocation: a request that may sleep leaves the FPU section for the call. */
#ifdef KC_USES_kc_kmalloc
void *kc_kmalloc(size_t size, gfp_t flags)
{
	void *p;

	bool in_fpu;

	if (!gfpflags_allow_blocking(flags))
		return kmalloc(size, flags);
	in_fpu = kc_fpu_leave();
	p = kmalloc(size, flags);
	kc_fpu_return(in_fpu);
	return p;
}
#endif

#ifdef KC_USES_kc_krealloc
void *kc_krealloc(const void *old, size_t size, gfp_t flags)
{
	void *p;

	bool in_fpu;

	if (!gfpflags_allow_blocking(flags))
		return krealloc(old, size, flags);
	in_fpu = kc_fpu_leave();
	p = krealloc(old, size, flags);
	kc_fpu_return(in_fpu);
	return p;
}
#endif

#ifdef KC_USES_kc_kfree
void kc_kfree(const void *p)
{
	kfree(p);
}
#endif

#ifdef KC_USES_kc_sysctl_register
/* sysctl: registration sleeps; the handler is an entry into managed code. */
static int kc_sysctl_proc_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	return (int)kc_callback(table->extra1, (long)table, write, (long)buffer, (long)lenp, (long)ppos);
}

void *kc_sysctl_register(const char *path, struct ctl_table *table)
{
	struct ctl_table *entry;
	void *header;
	bool in_fpu;

	for (entry = table; entry->procname; entry++)
		entry->proc_handler = kc_sysctl_proc_handler;
	in_fpu = kc_fpu_leave();
	header = register_sysctl(path, table);
	kc_fpu_return(in_fpu);
	return header;
}

void kc_sysctl_unregister(void *header)
{
	bool in_fpu = kc_fpu_leave();

	unregister_sysctl_table(header);
	kc_fpu_return(in_fpu);
}
#endif
