// SPDX-License-Identifier: GPL-2.0
/* seq_file text from managed code (a debugfs file's show, a /proc file's records): SeqWriter appends through here. */
#include <linux/seq_file.h>

#ifdef KC_USES_kc_seq_write
void kc_seq_write(void *seq, const u8 *text, size_t length)
{
	seq_write(seq, text, length);
}
#endif
