// SPDX-License-Identifier: GPL-2.0
/*
 * /proc files of records through seq_file. The records are a managed type's, inside a Mutex<T> (kc_lock.c's
 * block); start takes that mutex and stop releases it, so each chunk of a read sees the records as one consistent
 * state, and the positions between chunks are plain indexes (a record added or removed between two reads moves
 * the rest, as with any seq_file over a list). The iterator C hands seq_file is the index plus one, never a
 * pointer into managed data. Removal waits for a read running in the file; what a module leaves is removed when
 * it unloads, with an error.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#ifdef KC_USES_kc_proc_seq_create
struct kc_proc_seq {
	struct list_head live;
	struct proc_dir_entry *entry;
	void *mutex;
	u32 kind;
};

static LIST_HEAD(kc_proc_seqs);
static DEFINE_MUTEX(kc_proc_seqs_lock);

static struct kc_proc_seq *kc_proc_seq_of(struct seq_file *m)
{
	return pde_data(file_inode(m->file));
}

static void *kc_proc_seq_at(struct kc_proc_seq *file, loff_t index)
{
	s64 count;

	KC_ENTER(KC_FPU_kc_proc_seq_count, count = kc_aligned_proc_seq_count(file->kind, kc_mutex_data(file->mutex)));
	return index >= 0 && index < count ? (void *)(uintptr_t)(index + 1) : NULL;
}

static void *kc_proc_seq_start(struct seq_file *m, loff_t *pos)
{
	struct kc_proc_seq *file = kc_proc_seq_of(m);

	kc_mutex_lock(file->mutex);
	return kc_proc_seq_at(file, *pos);
}

static void *kc_proc_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return kc_proc_seq_at(kc_proc_seq_of(m), *pos);
}

static void kc_proc_seq_stop(struct seq_file *m, void *v)
{
	kc_mutex_unlock(kc_proc_seq_of(m)->mutex);
}

static int kc_proc_seq_show_fn(struct seq_file *m, void *v)
{
	struct kc_proc_seq *file = kc_proc_seq_of(m);
	int ret;

	KC_ENTER(KC_FPU_kc_proc_seq_show,
		 ret = kc_aligned_proc_seq_show(file->kind, kc_mutex_data(file->mutex), (s64)(uintptr_t)v - 1, m));
	return ret;
}

static const struct seq_operations kc_proc_seq_ops = {
	.start = kc_proc_seq_start,
	.next = kc_proc_seq_next,
	.stop = kc_proc_seq_stop,
	.show = kc_proc_seq_show_fn,
};

/* /proc/<name>, read-only, over the records in `mutex` (kc_mutex_alloc's). NULL and *error on failure. */
void *kc_proc_seq_create(const char *name, u32 mode, u32 kind, void *mutex, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct kc_proc_seq *file = kzalloc(sizeof(*file), GFP_KERNEL);
	int ret = -ENOMEM;

	if (file) {
		file->kind = kind;
		file->mutex = mutex;
		file->entry = proc_create_seq_data(name, mode, NULL, &kc_proc_seq_ops, file);
		/* NULL says neither which: an allocation failed, or the name is in use (the kernel logs that one). */
		ret = file->entry ? 0 : -ENOMEM;
	}
	if (ret) {
		kfree(file);
		file = NULL;
	} else {
		mutex_lock(&kc_proc_seqs_lock);
		list_add(&file->live, &kc_proc_seqs);
		mutex_unlock(&kc_proc_seqs_lock);
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return file;
}

/* Removes the file, waiting for a read running in it; the records' mutex is the caller's to free after. */
void kc_proc_seq_remove(void *handle)
{
	struct kc_proc_seq *file = handle;
	bool in_fpu = kc_fpu_leave();

	proc_remove(file->entry);
	mutex_lock(&kc_proc_seqs_lock);
	list_del(&file->live);
	mutex_unlock(&kc_proc_seqs_lock);
	kfree(file);
	kc_fpu_return(in_fpu);
}

static void kc_procfs_leftovers(void)
{
	struct kc_proc_seq *file, *next;

	list_for_each_entry_safe(file, next, &kc_proc_seqs, live) {
		pr_err("a /proc file (kind %u) was not disposed before unload: removed\n", file->kind);
		proc_remove(file->entry);
		list_del(&file->live);
		kfree(file);
	}
}
#else
static void kc_procfs_leftovers(void)
{
}
#endif
