// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/OxiMod, for benchmarks: the same hello and bye lines and the same /proc/sys/example/atom
 * behaviour (an atomic bool; "0"/"1" after trimming whitespace, EINVAL otherwise; reads "0\n"/"1\n"; a read past
 * the start is end of file), written the way a C module author would.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sysctl.h>
#include <linux/string.h>
#include <linux/atomic.h>
#include <linux/ctype.h>

static atomic_t atom = ATOMIC_INIT(0);
static struct ctl_table_header *header;

static int atom_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	const char *text;
	size_t len;

	if (*ppos != 0 && !write) {
		*lenp = 0;
		return 0;
	}
	if (write) {
		char *data = buffer;
		size_t start = 0, end = *lenp;

		while (start < end && isspace(data[start]))
			start++;
		while (end > start && isspace(data[end - 1]))
			end--;
		*ppos += *lenp;
		if (end - start == 1 && (data[start] == '0' || data[start] == '1')) {
			atomic_set(&atom, data[start] == '1');
			return 0;
		}
		return -EINVAL;
	}
	text = atomic_read(&atom) ? "1\n" : "0\n";
	len = 2;
	if (*lenp < len)
		return -EFAULT;
	memcpy(buffer, text, len);
	*lenp = len;
	*ppos += len;
	return 0;
}

static struct ctl_table atom_table[] = {
	{ .procname = "atom", .mode = 0644, .proc_handler = atom_handler },
	{ }
};

static int __init oximod_c_init(void)
{
	pr_info("Hello world, I am %s!\n", KBUILD_MODNAME);
	header = register_sysctl("example", atom_table);
	return header ? 0 : -ENOMEM;
}

static void __exit oximod_c_exit(void)
{
	unregister_sysctl_table(header);
	pr_info("Bye!\n");
}

module_init(oximod_c_init);
module_exit(oximod_c_exit);
MODULE_AUTHOR("The Man from Ox");
MODULE_DESCRIPTION("Oxidize the Kernel (C twin)");
MODULE_LICENSE("GPL");
