// SPDX-License-Identifier: GPL-2.0
/*
 * sysctl files. The ctl_table is C's: allocated, filled and registered here for whichever kernel this is built for
 * (the handler's table became const in 6.11; the table's size is passed since 6.6). Managed code holds a handle and
 * a pointer to its storage, and handles reads and writes in kc_sysctl_handle, told the storage's kind.
 */
#include <linux/sysctl.h>
#include <linux/overflow.h>

#ifdef KC_USES_kc_sysctl_register
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define KC_CTL_TABLE const struct ctl_table
#else
#define KC_CTL_TABLE struct ctl_table
#endif

struct kc_sysctl {
	struct ctl_table_header *header;
	u32 kind;
	struct ctl_table table[2];	/* the file, and the terminator kernels before 6.6 look for */
	u64 storage[];
};

static int kc_sysctl_proc_handler(KC_CTL_TABLE *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	struct kc_sysctl *sysctl = table->extra1;
	int ret;

	KC_ENTER(KC_FPU_kc_sysctl_handle,
		 ret = kc_aligned_sysctl_handle(sysctl->storage, sysctl->kind, write, buffer, lenp, ppos));
	return ret;
}

void *kc_sysctl_alloc(u32 kind, size_t storage_size)
{
	struct kc_sysctl *sysctl;
	bool in_fpu = kc_fpu_leave();

	sysctl = kzalloc(struct_size(sysctl, storage, DIV_ROUND_UP(storage_size, sizeof(u64))), GFP_KERNEL);
	kc_fpu_return(in_fpu);
	if (sysctl)
		sysctl->kind = kind;
	return sysctl;
}

void *kc_sysctl_storage(void *sysctl)
{
	return ((struct kc_sysctl *)sysctl)->storage;
}

int kc_sysctl_register(void *handle, const char *path, const char *name, u16 mode)
{
	struct kc_sysctl *sysctl = handle;
	bool in_fpu;

	sysctl->table[0].procname = name;
	sysctl->table[0].data = sysctl->storage;
	sysctl->table[0].mode = mode;
	sysctl->table[0].proc_handler = kc_sysctl_proc_handler;
	sysctl->table[0].extra1 = sysctl;
	in_fpu = kc_fpu_leave();
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
	sysctl->header = register_sysctl_sz(path, sysctl->table, 1);
#else
	sysctl->header = register_sysctl(path, sysctl->table);
#endif
	kc_fpu_return(in_fpu);
	return sysctl->header ? 0 : -ENOMEM;
}

void kc_sysctl_free(void *handle)
{
	struct kc_sysctl *sysctl = handle;
	bool in_fpu = kc_fpu_leave();

	if (sysctl->header)
		unregister_sysctl_table(sysctl->header);
	kfree(sysctl);
	kc_fpu_return(in_fpu);
}
#endif
