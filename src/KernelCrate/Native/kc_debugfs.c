// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs directories and files (Rust-for-Linux's debugfs::Dir and File). A file is C's allocation: its dentry,
 * the kind number of its managed type and the type's bytes, which the file's show (through seq_file) and store
 * read and write. Removing a file waits for a show or store running in it (debugfs's full proxy), and its state is
 * freed only after that, so a file never outlives its data; an open file keeps the module loaded. Removing a
 * directory removes everything in it: the files and subdirectories it held are marked removed, and their own
 * removal later only frees their blocks. What a module leaves is removed when it unloads, with an error.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#ifdef KC_USES_kc_debugfs_dir
struct kc_debugfs_dir {
	struct list_head live;
	struct dentry *dentry; /* NULL once removed with an ancestor */
	struct kc_debugfs_dir *parent;
};

struct kc_debugfs_file {
	struct list_head live;
	struct dentry *dentry;
	struct kc_debugfs_dir *dir;
	u32 kind;
	u64 state[];
};

static LIST_HEAD(kc_debugfs_dirs);
static LIST_HEAD(kc_debugfs_files);
/* Creation and removal of the module's directories and files, and the marks a removal leaves. */
static DEFINE_MUTEX(kc_debugfs_lock);

static bool kc_debugfs_within(struct kc_debugfs_dir *dir, struct kc_debugfs_dir *ancestor)
{
	for (; dir; dir = dir->parent)
		if (dir == ancestor)
			return true;
	return false;
}

/* A directory under `parent` (NULL: the debugfs root). NULL and *error on failure (-ENODEV: no debugfs). */
void *kc_debugfs_dir(const char *name, void *parent, int *error)
{
	struct kc_debugfs_dir *up = parent, *dir;
	bool in_fpu = kc_fpu_leave();
	int ret = 0;

	dir = kzalloc(sizeof(*dir), GFP_KERNEL);
	mutex_lock(&kc_debugfs_lock);
	if (!dir) {
		ret = -ENOMEM;
	} else if (up && !up->dentry) {
		ret = -ENOENT;
	} else {
		dir->dentry = debugfs_create_dir(name, up ? up->dentry : NULL);
		if (IS_ERR(dir->dentry))
			ret = PTR_ERR(dir->dentry);
	}
	if (ret) {
		kfree(dir);
		dir = NULL;
	} else {
		dir->parent = up;
		list_add(&dir->live, &kc_debugfs_dirs);
	}
	mutex_unlock(&kc_debugfs_lock);
	kc_fpu_return(in_fpu);
	*error = ret;
	return dir;
}

/* Removes the directory and all in it. Its subdirectories and files stay allocated until their own removal. */
void kc_debugfs_dir_remove(void *handle)
{
	struct kc_debugfs_dir *dir = handle, *other, *next;
	struct kc_debugfs_file *file;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_debugfs_lock);
	debugfs_remove(dir->dentry);
	list_for_each_entry(file, &kc_debugfs_files, live)
		if (kc_debugfs_within(file->dir, dir))
			file->dentry = NULL;
	list_for_each_entry(other, &kc_debugfs_dirs, live)
		if (other != dir && kc_debugfs_within(other, dir))
			other->dentry = NULL;
	/* A removed directory's children may still name it as their parent: keep it until none does. */
	dir->dentry = NULL;
	list_for_each_entry_safe(other, next, &kc_debugfs_dirs, live) {
		bool named = false;
		struct kc_debugfs_dir *child;

		if (other->dentry)
			continue;
		list_for_each_entry(child, &kc_debugfs_dirs, live)
			named |= child->parent == other;
		list_for_each_entry(file, &kc_debugfs_files, live)
			named |= file->dir == other;
		if (!named) {
			list_del(&other->live);
			kfree(other);
		}
	}
	mutex_unlock(&kc_debugfs_lock);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_debugfs_file
static int kc_debugfs_seq_show(struct seq_file *seq, void *unused)
{
	struct kc_debugfs_file *file = seq->private;
	int ret;

	KC_ENTER(KC_FPU_kc_debugfs_show, ret = kc_aligned_debugfs_show(file->kind, file->state, seq));
	return ret;
}

static int kc_debugfs_open(struct inode *inode, struct file *f)
{
	return single_open(f, kc_debugfs_seq_show, inode->i_private);
}

#ifdef KC_ENTRY_kc_debugfs_store
/* A write is one store of at most a page, NUL-terminated for the managed side: more is ENOSPC, as sysfs cuts. */
static ssize_t kc_debugfs_write(struct file *f, const char __user *buffer, size_t length, loff_t *position)
{
	struct kc_debugfs_file *file = ((struct seq_file *)f->private_data)->private;
	char *text;
	int ret;

	if (length >= PAGE_SIZE)
		return -ENOSPC;
	text = memdup_user_nul(buffer, length);
	if (IS_ERR(text))
		return PTR_ERR(text);
	KC_ENTER(KC_FPU_kc_debugfs_store, ret = kc_aligned_debugfs_store(file->kind, file->state, (u8 *)text, length));
	kfree(text);
	return ret < 0 ? ret : length;
}
#endif

static const struct file_operations kc_debugfs_read_only = {
	.owner = THIS_MODULE,
	.open = kc_debugfs_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

#ifdef KC_ENTRY_kc_debugfs_store
static const struct file_operations kc_debugfs_read_write = {
	.owner = THIS_MODULE,
	.open = kc_debugfs_open,
	.read = seq_read,
	.write = kc_debugfs_write,
	.llseek = seq_lseek,
	.release = single_release,
};
#endif

/*
 * A file in `dir` whose show (and store, when `writable`) are the managed type's; its state (state_size bytes) is
 * copied in before the file appears. NULL and *error on failure.
 */
void *kc_debugfs_file(void *dir_handle, const char *name, u32 mode, u32 kind, const void *state, size_t state_size,
		      int writable, int *error)
{
	struct kc_debugfs_dir *dir = dir_handle;
	const struct file_operations *fops = &kc_debugfs_read_only;
	bool in_fpu = kc_fpu_leave();
	struct kc_debugfs_file *file;
	int ret = 0;

#ifdef KC_ENTRY_kc_debugfs_store
	if (writable)
		fops = &kc_debugfs_read_write;
#endif
	file = kzalloc(struct_size(file, state, DIV_ROUND_UP(state_size, sizeof(u64))), GFP_KERNEL);
	mutex_lock(&kc_debugfs_lock);
	if (!file) {
		ret = -ENOMEM;
	} else if (!dir->dentry) {
		ret = -ENOENT;
	} else {
		file->kind = kind;
		file->dir = dir;
		memcpy(file->state, state, state_size);
		file->dentry = debugfs_create_file(name, mode, dir->dentry, file, fops);
		if (IS_ERR(file->dentry))
			ret = PTR_ERR(file->dentry);
	}
	if (ret) {
		kfree(file);
		file = NULL;
	} else {
		list_add(&file->live, &kc_debugfs_files);
	}
	mutex_unlock(&kc_debugfs_lock);
	kc_fpu_return(in_fpu);
	*error = ret;
	return file;
}

void *kc_debugfs_file_state(void *file)
{
	return ((struct kc_debugfs_file *)file)->state;
}

/* Removes the file, waiting for a show or store running in it; the caller then disposes the state and frees it. */
void kc_debugfs_file_remove(void *handle)
{
	struct kc_debugfs_file *file = handle;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_debugfs_lock);
	debugfs_remove(file->dentry);
	file->dentry = NULL;
	mutex_unlock(&kc_debugfs_lock);
	kc_fpu_return(in_fpu);
}

void kc_debugfs_file_free(void *handle)
{
	struct kc_debugfs_file *file = handle;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_debugfs_lock);
	list_del(&file->live);
	kfree(file);
	mutex_unlock(&kc_debugfs_lock);
	kc_fpu_return(in_fpu);
}

#endif

#ifdef KC_USES_kc_debugfs_dir
static void kc_debugfs_leftovers(void)
{
	struct kc_debugfs_dir *dir, *next;

	list_for_each_entry_safe(dir, next, &kc_debugfs_dirs, live) {
		if (dir->dentry)
			pr_err("a debugfs directory was not disposed before unload: removed\n");
		debugfs_remove(dir->dentry);
	}
	/* Every file is in a directory, so its dentry is gone with it. */
#ifdef KC_USES_kc_debugfs_file
	{
		struct kc_debugfs_file *file, *next_file;

		list_for_each_entry_safe(file, next_file, &kc_debugfs_files, live) {
			list_del(&file->live);
			kfree(file);
		}
	}
#endif
	list_for_each_entry_safe(dir, next, &kc_debugfs_dirs, live) {
		list_del(&dir->live);
		kfree(dir);
	}
}
#else
static void kc_debugfs_leftovers(void)
{
}
#endif
