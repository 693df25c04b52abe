// SPDX-License-Identifier: GPL-2.0
#include <linux/printk.h>

#ifdef KC_USES_kc_printk
/* printk: the text is always an argument to "%.*s", never a format string. Levels 0-6 share one call with the
 * level digit patched into the format; debug goes through pr_debug (dynamic debug, as in C); 8 is KERN_CONT.
 * A record without its newline stays open, so the next KERN_CONT of this task joins it (pr_cont). */
void kc_printk(int level, const u8 *text, size_t len, int end_line)
{
	char format[] = KERN_SOH "6" pr_fmt("%.*s%s");
	const char *end = end_line ? "\n" : "";

	if (level == 7) {
		pr_debug("%.*s%s", (int)len, text, end);
	} else if (level >= 0 && level < 7) {
		format[1] = '0' + level;
		printk(format, (int)len, text, end);
	} else {
		pr_cont("%.*s%s", (int)len, text, end);
	}
}
#endif
