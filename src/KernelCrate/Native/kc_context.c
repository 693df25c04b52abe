// SPDX-License-Identifier: GPL-2.0
/* The calling context, as preempt_count (or, on PREEMPT_RT, the task's softirq count) says. */
#include <linux/preempt.h>

#ifdef KC_USES_kc_in_task
/* Process context proper: on PREEMPT_RT a softirq runs in a task (ktimers, ksoftirqd) and in_task() is true there. */
int kc_in_task(void)
{
	return in_task() && !in_serving_softirq();
}
#endif

#ifdef KC_USES_kc_in_serving_softirq
int kc_in_serving_softirq(void)
{
	return in_serving_softirq();
}
#endif
