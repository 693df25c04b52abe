// SPDX-License-Identifier: GPL-2.0
/* A control for the debug stage: takes two mutexes in both orders, which lockdep must report. */
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(kc_first);
static DEFINE_MUTEX(kc_second);

static int __init kc_lockdep_init(void)
{
	mutex_lock(&kc_first);
	mutex_lock(&kc_second);
	mutex_unlock(&kc_second);
	mutex_unlock(&kc_first);

	mutex_lock(&kc_second);
	mutex_lock(&kc_first);
	mutex_unlock(&kc_first);
	mutex_unlock(&kc_second);
	return 0;
}

static void __exit kc_lockdep_exit(void)
{
}

module_init(kc_lockdep_init);
module_exit(kc_lockdep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("lockdep control: a lock-order inversion");
