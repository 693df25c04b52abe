// SPDX-License-Identifier: GPL-2.0
/*
 * CondVar: a wait queue waited on with a Mutex<T> held (Rust-for-Linux's CondVar). The wait releases the mutex
 * while it sleeps and takes it again before it returns; it may wake without a notification, so callers wait in a
 * loop on their condition. It sleeps, so it leaves the FPU section.
 */
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#ifdef KC_USES_kc_condvar_alloc
void *kc_condvar_alloc(u32 flags)
{
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct wait_queue_head *queue = kmalloc(sizeof(*queue), gfp);

	kc_fpu_return(in_fpu);
	if (queue)
		init_waitqueue_head(queue);
	return queue;
}

/*
 * Waits for a notification with the mutex (kc_mutex_alloc's) held: interruptible (then -ERESTARTSYS when a signal
 * came), and up to timeout_ns when it is not 0. Returns the nanoseconds left of the timeout (at least 1 when
 * notified in time; 0: timed out), or 1 without a timeout.
 */
s64 kc_condvar_wait(void *condvar, void *mutex, bool interruptible, u64 timeout_ns)
{
	bool in_fpu = kc_fpu_leave();
	long left = timeout_ns ? (long)kc_jiffies_at_least(timeout_ns) : MAX_SCHEDULE_TIMEOUT;
	DEFINE_WAIT(wait);
	s64 ret;

	prepare_to_wait_exclusive(condvar, &wait, interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE);
	kc_mutex_unlock(mutex);
	left = schedule_timeout(left);
	finish_wait(condvar, &wait);
	kc_mutex_lock(mutex);
	if (interruptible && signal_pending(current))
		ret = -ERESTARTSYS;
	else if (!timeout_ns)
		ret = 1;
	else
		ret = left ? max_t(s64, jiffies_to_nsecs(left), 1) : 0;
	kc_fpu_return(in_fpu);
	return ret;
}

void kc_condvar_notify(void *condvar, bool all)
{
	if (all)
		wake_up_all((struct wait_queue_head *)condvar);
	else
		wake_up((struct wait_queue_head *)condvar);
}
#endif
