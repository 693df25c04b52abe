// SPDX-License-Identifier: GPL-2.0
/*
 * Every C shim of KernelCrate, in one file (as Rust-for-Linux's rust/helpers.c).
 *
 * The contract with the managed code (DESIGN.md):
 *  - Managed code runs only between kernel_fpu_begin() and kernel_fpu_end(), because RyuJIT uses xmm registers
 *    for ordinary copies. Every entry from the kernel into C# goes through kc_enter(); every call from C# into a
 *    kernel function that may sleep goes through a shim here that leaves the FPU section for the call.
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
#include <asm/fpu/api.h>
#include "kc_layout.h"

long kc_call_aligned(const void *fn, long a0, long a1, long a2, long a3, long a4);

/* The managed halves of the module entry points, exported by the code the [Module] generator emits. */
int kc_module_init(struct module *module);
void kc_module_exit(void);

/* ilc's stack-cookie check (every method with stackalloc) reads this; seeded before any managed code runs. */
unsigned long __security_cookie;

static long kc_enter(const void *fn, long a0, long a1, long a2, long a3, long a4)
{
	long ret;

	kernel_fpu_begin();
	ret = kc_call_aligned(fn, a0, a1, a2, a3, a4);
	kernel_fpu_end();
	return ret;
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
	kernel_fpu_end();
	BUG();
}

void __noreturn RhpFallbackFailFast(void)
{
	static const u8 what[] = "stack cookie mismatch (stack-protector)";

	kc_panic(what, sizeof(what) - 1);
}

/* printk: the text is always an argument to "%.*s", never a format string. */
void kc_printk(int level, const u8 *text, size_t len)
{
	switch (level) {
	case 0: pr_emerg("%.*s\n", (int)len, text); break;
	case 1: pr_alert("%.*s\n", (int)len, text); break;
	case 2: pr_crit("%.*s\n", (int)len, text); break;
	case 3: pr_err("%.*s\n", (int)len, text); break;
	case 4: pr_warn("%.*s\n", (int)len, text); break;
	case 5: pr_notice("%.*s\n", (int)len, text); break;
	case 6: pr_info("%.*s\n", (int)len, text); break;
	case 7: pr_debug("%.*s\n", (int)len, text); break;
	default: pr_cont("%.*s", (int)len, text); break;
	}
}

/* Allocation: a request that may sleep leaves the FPU section for the call. */
void *kc_kmalloc(size_t size, gfp_t flags)
{
	void *p;

	if (!gfpflags_allow_blocking(flags))
		return kmalloc(size, flags);
	kernel_fpu_end();
	p = kmalloc(size, flags);
	kernel_fpu_begin();
	return p;
}

void *kc_krealloc(const void *old, size_t size, gfp_t flags)
{
	void *p;

	if (!gfpflags_allow_blocking(flags))
		return krealloc(old, size, flags);
	kernel_fpu_end();
	p = krealloc(old, size, flags);
	kernel_fpu_begin();
	return p;
}

void kc_kfree(const void *p)
{
	kfree(p);
}

/* sysctl: registration sleeps; the handler is an entry into managed code. */
static int kc_sysctl_proc_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	return (int)kc_enter(table->extra1, (long)table, write, (long)buffer, (long)lenp, (long)ppos);
}

void *kc_sysctl_register(const char *path, struct ctl_table *table)
{
	struct ctl_table *entry;
	void *header;

	for (entry = table; entry->procname; entry++)
		entry->proc_handler = kc_sysctl_proc_handler;
	kernel_fpu_end();
	header = register_sysctl(path, table);
	kernel_fpu_begin();
	return header;
}

void kc_sysctl_unregister(void *header)
{
	kernel_fpu_end();
	unregister_sysctl_table(header);
	kernel_fpu_begin();
}
