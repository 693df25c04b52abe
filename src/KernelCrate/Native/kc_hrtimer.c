// SPDX-License-Identifier: GPL-2.0
/*
 * High-resolution timers. A timer is C's allocation: the hrtimer, the kind number of its managed type and the type's
 * bytes. It runs in softirq mode (HRTIMER_MODE_*_SOFT), also on PREEMPT_RT, where a hardirq callback could take no
 * spinlock: its callback must not sleep (KC1005), and its managed half must name no SIMD register (KC9011), since
 * kernel_fpu_begin in a softirq that interrupted another FPU user would clobber that user's registers before 6.15.
 * The managed callback returns 0 to stop or the period in nanoseconds to run again. Every live timer is on a list:
 * the module's exit cancels any the managed side did not dispose.
 */
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#ifdef KC_USES_kc_hrtimer_alloc
struct kc_hrtimer {
	struct hrtimer timer;
	struct list_head live;
	u32 kind;
	u64 state[];
};

static LIST_HEAD(kc_hrtimers);
static DEFINE_SPINLOCK(kc_hrtimers_lock);

static enum hrtimer_restart kc_hrtimer_fn(struct hrtimer *timer)
{
	struct kc_hrtimer *t = container_of(timer, struct kc_hrtimer, timer);
	u64 period;

	BUILD_BUG_ON(KC_FPU_kc_hrtimer_fire);
	period = kc_aligned_hrtimer_fire(t->kind, t->state);
	if (!period)
		return HRTIMER_NORESTART;
	hrtimer_forward_now(timer, ns_to_ktime(period));
	return HRTIMER_RESTART;
}

/* clock: 0 CLOCK_MONOTONIC, 1 CLOCK_BOOTTIME (Kernel.TimerClock). */
void *kc_hrtimer_alloc(u32 kind, size_t state_size, u32 clock, u32 flags)
{
	gfp_t gfp = kc_gfp(flags) | __GFP_ZERO;
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct kc_hrtimer *t = kmalloc(struct_size(t, state, DIV_ROUND_UP(state_size, sizeof(u64))), gfp);
	clockid_t id = clock ? CLOCK_BOOTTIME : CLOCK_MONOTONIC;

	kc_fpu_return(in_fpu);
	if (!t)
		return NULL;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
	hrtimer_setup(&t->timer, kc_hrtimer_fn, id, HRTIMER_MODE_REL_SOFT);
#else
	hrtimer_init(&t->timer, id, HRTIMER_MODE_REL_SOFT);
	t->timer.function = kc_hrtimer_fn;
#endif
	t->kind = kind;
	spin_lock(&kc_hrtimers_lock);
	list_add(&t->live, &kc_hrtimers);
	spin_unlock(&kc_hrtimers_lock);
	return t;
}

void *kc_hrtimer_state(void *timer)
{
	return ((struct kc_hrtimer *)timer)->state;
}

/* Starts (or restarts) the timer: after nsecs, or at nsecs on its clock when absolute. */
void kc_hrtimer_start(void *timer, u64 nsecs, bool absolute)
{
	hrtimer_start(&((struct kc_hrtimer *)timer)->timer, ns_to_ktime(nsecs),
		      absolute ? HRTIMER_MODE_ABS_SOFT : HRTIMER_MODE_REL_SOFT);
}

/* Stops the timer, waiting for a running callback (which may sleep on PREEMPT_RT); true when it was queued. */
int kc_hrtimer_cancel(void *timer)
{
	bool in_fpu = kc_fpu_leave();
	bool queued = hrtimer_cancel(&((struct kc_hrtimer *)timer)->timer);

	kc_fpu_return(in_fpu);
	return queued;
}

/* Stops the timer without waiting: 1 was queued, 0 was not, -1 its callback is running now. */
int kc_hrtimer_try_cancel(void *timer)
{
	return hrtimer_try_to_cancel(&((struct kc_hrtimer *)timer)->timer);
}

int kc_hrtimer_is_boottime(void *timer)
{
	return ((struct kc_hrtimer *)timer)->timer.base->clockid == CLOCK_BOOTTIME;
}

int kc_hrtimer_active(void *timer)
{
	return hrtimer_active(&((struct kc_hrtimer *)timer)->timer);
}

/* After kc_hrtimer_cancel. */
void kc_hrtimer_free(void *timer)
{
	struct kc_hrtimer *t = timer;

	spin_lock(&kc_hrtimers_lock);
	list_del(&t->live);
	spin_unlock(&kc_hrtimers_lock);
	kfree(t);
}

static void kc_hrtimer_leftovers(void)
{
	struct kc_hrtimer *t, *next;

	list_for_each_entry_safe(t, next, &kc_hrtimers, live) {
		pr_err("a timer (kind %u) was not disposed before unload: cancelled\n", t->kind);
		hrtimer_cancel(&t->timer);
		list_del(&t->live);
		kfree(t);
	}
}
#else
static void kc_hrtimer_leftovers(void)
{
}
#endif
