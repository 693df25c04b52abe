// SPDX-License-Identifier: GPL-2.0
/*
 * Arc<T>: a refcount_t and the value after it in one kmalloc'd block. refcount_t saturates instead of wrapping and
 * warns on an increment from zero (a use after free), as Rust-for-Linux's Arc relies on.
 */
#include <linux/refcount.h>

#ifdef KC_USES_kc_arc_alloc
struct kc_arc {
	refcount_t count;
	u64 data[];
};

void *kc_arc_alloc(size_t data_size, u32 flags)
{
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct kc_arc *arc = kmalloc(struct_size(arc, data, DIV_ROUND_UP(data_size, sizeof(u64))), gfp);

	kc_fpu_return(in_fpu);
	if (arc)
		refcount_set(&arc->count, 1);
	return arc;
}

void *kc_arc_data(void *arc)
{
	return ((struct kc_arc *)arc)->data;
}

void kc_arc_get(void *arc)
{
	refcount_inc(&((struct kc_arc *)arc)->count);
}

/* Drops one reference; true when it was the last, and then the caller must call kc_arc_free once it has read the value. */
int kc_arc_put(void *arc)
{
	return refcount_dec_and_test(&((struct kc_arc *)arc)->count);
}

void kc_arc_free(void *arc)
{
	bool in_fpu = IS_ENABLED(CONFIG_PREEMPT_RT) ? kc_fpu_leave() : false;

	kfree(arc);
	kc_fpu_return(in_fpu);
}
#endif
