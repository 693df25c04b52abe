// SPDX-License-Identifier: GPL-2.0
#include <linux/string.h>

/* Span copies and clears. Through C rather than straight to the kernel's memset/memmove: this file is compiled
 * with the kernel's sanitizer flags, so on a KASAN kernel every range managed code copies or clears is checked
 * (ilc's own loads and stores are not instrumented). */
#ifdef KC_USES_kc_memset
void *kc_memset(void *destination, int value, size_t length)
{
	return memset(destination, value, length);
}
#endif

#ifdef KC_USES_kc_memmove
void *kc_memmove(void *destination, const void *source, size_t length)
{
	return memmove(destination, source, length);
}
#endif
