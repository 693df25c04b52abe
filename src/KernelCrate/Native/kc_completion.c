// SPDX-License-Identifier: GPL-2.0
/*
 * Completions. complete and complete_all may run in any context; the waits sleep, so they leave the FPU section.
 * The timed waits take nanoseconds (waiting at least that long, to the next tick) and return the nanoseconds left
 * (0: timed out), the interruptible ones
 * -ERESTARTSYS when a signal came first, as the kernel's own.
 */
#include <linux/completion.h>

#ifdef KC_USES_kc_completion_alloc
void *kc_completion_alloc(u32 flags)
{
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct completion *done = kmalloc(sizeof(*done), gfp);

	kc_fpu_return(in_fpu);
	if (done)
		init_completion(done);
	return done;
}
#endif

#ifdef KC_USES_kc_completion_wait
void kc_completion_wait(void *done)
{
	bool in_fpu = kc_fpu_leave();

	wait_for_completion(done);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_completion_wait_timeout
u64 kc_completion_wait_timeout(void *done, u64 nsecs)
{
	bool in_fpu = kc_fpu_leave();
	unsigned long left = wait_for_completion_timeout(done, kc_jiffies_at_least(nsecs));

	kc_fpu_return(in_fpu);
	return left ? jiffies_to_nsecs(left) : 0;
}
#endif

#ifdef KC_USES_kc_completion_wait_interruptible
int kc_completion_wait_interruptible(void *done)
{
	bool in_fpu = kc_fpu_leave();
	int ret = wait_for_completion_interruptible(done);

	kc_fpu_return(in_fpu);
	return ret;
}
#endif

#ifdef KC_USES_kc_completion_wait_interruptible_timeout
/* The nanoseconds left (at least 1 when it completed), 0 on timeout, or -ERESTARTSYS. */
s64 kc_completion_wait_interruptible_timeout(void *done, u64 nsecs)
{
	bool in_fpu = kc_fpu_leave();
	long left = wait_for_completion_interruptible_timeout(done, kc_jiffies_at_least(nsecs));

	kc_fpu_return(in_fpu);
	return left > 0 ? jiffies_to_nsecs(left) : left;
}
#endif

#ifdef KC_USES_kc_completion_done
int kc_completion_done(void *done)
{
	return completion_done(done);
}
#endif

#ifdef KC_USES_kc_completion_complete
void kc_completion_complete(void *done)
{
	complete(done);
}
#endif

#ifdef KC_USES_kc_completion_complete_all
void kc_completion_complete_all(void *done)
{
	complete_all(done);
}
#endif

#ifdef KC_USES_kc_completion_reinit
void kc_completion_reinit(void *done)
{
	reinit_completion(done);
}
#endif
