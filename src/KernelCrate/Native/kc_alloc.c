// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation. A request that may sleep leaves the FPU section for the call; on PREEMPT_RT every slab call does,
 * since the slab allocator's locks sleep there and the FPU section disables preemption.
 */
#include <linux/slab.h>

static bool __maybe_unused kc_alloc_leaves_fpu(gfp_t flags)
{
	return IS_ENABLED(CONFIG_PREEMPT_RT) || gfpflags_allow_blocking(flags);
}

/* Kernel.Gfp: KernelCrate's own bits, turned into this kernel's gfp_t here. */
#define KC_GFP_KERNEL 0x1
#define KC_GFP_ATOMIC 0x2
#define KC_GFP_NOWAIT 0x4
#define KC_GFP_ZERO 0x100
#define KC_GFP_NOWARN 0x200

static gfp_t __maybe_unused kc_gfp(u32 flags)
{
	gfp_t gfp = (flags & KC_GFP_ATOMIC) ? GFP_ATOMIC : (flags & KC_GFP_NOWAIT) ? GFP_NOWAIT : GFP_KERNEL;

	if (flags & KC_GFP_ZERO)
		gfp |= __GFP_ZERO;
	if (flags & KC_GFP_NOWARN)
		gfp |= __GFP_NOWARN;
	return gfp;
}

#ifdef KC_USES_kc_kmalloc
void *kc_kmalloc(size_t size, u32 flags)
{
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = false;
	void *p;

	if (kc_alloc_leaves_fpu(gfp))
		in_fpu = kc_fpu_leave();
	p = kmalloc(size, gfp);
	kc_fpu_return(in_fpu);
	return p;
}
#endif

#ifdef KC_USES_kc_krealloc
void *kc_krealloc(const void *old, size_t size, u32 flags)
{
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = false;
	void *p;

	if (kc_alloc_leaves_fpu(gfp))
		in_fpu = kc_fpu_leave();
	p = krealloc(old, size, gfp);
	kc_fpu_return(in_fpu);
	return p;
}
#endif

#ifdef KC_USES_kc_kfree
void kc_kfree(const void *p)
{
	bool in_fpu = false;

	if (IS_ENABLED(CONFIG_PREEMPT_RT))
		in_fpu = kc_fpu_leave();
	kfree(p);
	kc_fpu_return(in_fpu);
}
#endif
