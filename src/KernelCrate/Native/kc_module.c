// SPDX-License-Identifier: GPL-2.0
/*
 * init_module and cleanup_module: seed the stack cookie, then run the managed halves inside the FPU section. After a
 * failed init and after the exit, a timer or work item the managed side left alive is cancelled and freed, so none
 * runs once the module's code is gone.
 */

static void kc_cancel_leftovers(void)
{
	kc_hrtimer_leftovers();
	kc_work_leftovers();
	kc_debugfs_leftovers();
	kc_procfs_leftovers();
	kc_configfs_leftovers();
	kc_sysfs_leftovers();
}

static int __init kc_init(void)
{
	int ret;

	__security_cookie = get_random_long() | 1;
	kc_fpu_begin();
	ret = kc_aligned_module_init(THIS_MODULE);
	kc_fpu_end();
	if (ret)
		kc_cancel_leftovers();
	return ret;
}

static void __exit kc_exit(void)
{
	kc_fpu_begin();
	kc_aligned_module_exit();
	kc_fpu_end();
	kc_cancel_leftovers();
}

module_init(kc_init);
module_exit(kc_exit);
