// SPDX-License-Identifier: GPL-2.0
/*
 * The FPU section. RyuJIT uses xmm registers for ordinary copies, and kernel code may touch them only between
 * kernel_fpu_begin() and kernel_fpu_end(), which also disable preemption. Module init and exit always run inside
 * it; another entry point does unless the build's object check proved that no code it can reach names a SIMD
 * register (KC_FPU_<entry> in kc_config.h). Every helper that may sleep leaves the section for the call.
 * The section does not nest.
 */
#include <asm/fpu/api.h>
#include <linux/percpu.h>

/* Whether this CPU runs managed code inside the FPU section. Only ever true with preemption disabled (the section
 * disables it), so the per-CPU value is exact for the code reading it. */
static DEFINE_PER_CPU(bool, kc_in_fpu);

/* Always inlined, so every C function that enters managed code names kernel_fpu_begin_mask/kernel_fpu_end itself:
 * tests/kernel/check-entries.sh proves the bracket from the linked .ko, function by function. */

static __always_inline void kc_fpu_begin(void)
{
	kernel_fpu_begin();
	this_cpu_write(kc_in_fpu, true);
}

static __always_inline void kc_fpu_end(void)
{
	this_cpu_write(kc_in_fpu, false);
	kernel_fpu_end();
}

/* For a call that may sleep: leave the FPU section if in it; returns whether to come back. */
static bool __maybe_unused kc_fpu_leave(void)
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

/* Brackets a call into managed code when the entry needs it: KC_ENTER(KC_FPU_kc_x, ret = kc_aligned_x(...)). Every entry
 * is reached from the kernel (a file operation, a proc handler), never from inside managed code: the helpers managed
 * code calls leave the section before anything that could call back. needs_fpu is a constant, so each caller has one
 * path, bracketed or not, which tests/kernel/check-entries.sh checks in the linked .ko. Nesting would be the kernel's
 * own WARN in kernel_fpu_begin_mask, never silent. */
#define KC_ENTER(needs_fpu, call)		\
	do {					\
		if (needs_fpu)			\
			kc_fpu_begin();		\
		call;				\
		if (needs_fpu)			\
			kc_fpu_end();		\
	} while (0)
