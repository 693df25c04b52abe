// SPDX-License-Identifier: GPL-2.0
#include <linux/kasan-checks.h>
#include <linux/string.h>

/* Span copies and clears. Through C rather than straight to the kernel's memset/memmove, which on x86 KASAN does
 * not check (GENERIC_ENTRY), and which compilers before GCC 13 do not redirect to the checked __asan_mem*: each range
 * managed code clears or copies is checked here (no-ops without KASAN). ilc's own loads and stores are not. */
#ifdef KC_USES_kc_memset
void *kc_memset(void *destination, int value, size_t length)
{
	kasan_check_write(destination, length);
	return memset(destination, value, length);
}
#endif

#ifdef KC_USES_kc_memmove
void *kc_memmove(void *destination, const void *source, size_t length)
{
	kasan_check_read(source, length);
	kasan_check_write(destination, length);
	return memmove(destination, source, length);
}
#endif
