// SPDX-License-Identifier: GPL-2.0
/*
 * User memory. A copy may fault in a page and sleep, so it leaves the FPU section; each returns the number of
 * bytes NOT copied, as copy_{from,to}_user do (0 is a whole copy), so managed code reports a partial copy exactly.
 */
#include <linux/uaccess.h>

#ifdef KC_USES_kc_copy_from_user
size_t kc_copy_from_user(void *destination, u64 source, size_t length)
{
	bool in_fpu = kc_fpu_leave();
	size_t left = copy_from_user(destination, (const void __user *)(uintptr_t)source, length);

	kc_fpu_return(in_fpu);
	return left;
}
#endif

#ifdef KC_USES_kc_copy_to_user
size_t kc_copy_to_user(u64 destination, const void *source, size_t length)
{
	bool in_fpu = kc_fpu_leave();
	size_t left = copy_to_user((void __user *)(uintptr_t)destination, source, length);

	kc_fpu_return(in_fpu);
	return left;
}
#endif
