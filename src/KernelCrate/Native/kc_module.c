// SPDX-License-Identifier: GPL-2.0
/* init_module and cleanup_module: seed the stack cookie, then run the managed halves inside the FPU section. */

static int __init kc_init(void)
{
	int ret;

	__security_cookie = get_random_long() | 1;
	kc_fpu_begin();
	ret = kc_aligned_module_init(THIS_MODULE);
	kc_fpu_end();
	return ret;
}

static void __exit kc_exit(void)
{
	kc_fpu_begin();
	kc_aligned_module_exit();
	kc_fpu_end();
}

module_init(kc_init);
module_exit(kc_exit);
