// SPDX-License-Identifier: GPL-2.0
/*
 * Misc devices (/dev/<name>, dynamic minor). The miscdevice and its file_operations are C's, one per registration:
 * it names its managed type by a kind number (the generated dispatch in the module compares it, no function
 * pointer) and the optional operations the type implements (a mask of KC_OP_* bits); an operation it leaves out
 * stays NULL, so the kernel's own default answers (read and write: -EINVAL, ioctl: -ENOTTY), as Rust-for-Linux's
 * HAS_* constants do. An open file's state is C's allocation too: a header and the managed type's bytes,
 * kzalloc'd before the managed open runs, so a failed allocation is -ENOMEM before C# sees the file.
 * Every callback runs in process context and may sleep: the managed half runs inside the FPU section only when
 * the object check says its code names a SIMD register, and every helper that may sleep leaves the section.
 */
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/compat.h>

#ifdef KC_USES_kc_miscdev_register
struct kc_miscdev {
	struct miscdevice misc;
	struct file_operations fops;
	u32 kind;
	size_t state_size;
};

struct kc_miscdev_file {
	struct kc_miscdev *device;
	u64 state[];
};

static int kc_fop_open(struct inode *inode, struct file *file)
{
	/* misc_open leaves the registered miscdevice in private_data. */
	struct kc_miscdev *device = container_of(file->private_data, struct kc_miscdev, misc);
	struct kc_miscdev_file *open;
	int ret;

	open = kzalloc(struct_size(open, state, DIV_ROUND_UP(device->state_size, sizeof(u64))), GFP_KERNEL);
	if (!open)
		return -ENOMEM;
	open->device = device;
	KC_ENTER(KC_FPU_kc_miscdev_open, ret = kc_aligned_miscdev_open(device->kind, device, open->state));
	if (ret) {
		kfree(open);
		return ret;
	}
	file->private_data = open;
	return 0;
}

static int kc_fop_release(struct inode *inode, struct file *file)
{
	struct kc_miscdev_file *open = file->private_data;

	KC_ENTER(KC_FPU_kc_miscdev_release, kc_aligned_miscdev_release(open->device->kind, open->state));
	kfree(open);
	return 0;
}

#ifdef KC_ENTRY_kc_miscdev_read
static ssize_t kc_fop_read(struct file *file, char __user *buffer, size_t length, loff_t *position)
{
	struct kc_miscdev_file *open = file->private_data;
	ssize_t ret;

	KC_ENTER(KC_FPU_kc_miscdev_read,
		 ret = kc_aligned_miscdev_read(open->device->kind, open->state, (u64)(uintptr_t)buffer, length, position));
	return ret;
}
#endif

#ifdef KC_ENTRY_kc_miscdev_write
static ssize_t kc_fop_write(struct file *file, const char __user *buffer, size_t length, loff_t *position)
{
	struct kc_miscdev_file *open = file->private_data;
	ssize_t ret;

	KC_ENTER(KC_FPU_kc_miscdev_write,
		 ret = kc_aligned_miscdev_write(open->device->kind, open->state, (u64)(uintptr_t)buffer, length, position));
	return ret;
}
#endif

#ifdef KC_ENTRY_kc_miscdev_ioctl
static long kc_fop_ioctl(struct file *file, unsigned int command, unsigned long argument)
{
	struct kc_miscdev_file *open = file->private_data;
	long ret;

	KC_ENTER(KC_FPU_kc_miscdev_ioctl, ret = kc_aligned_miscdev_ioctl(open->device->kind, open->state, command, argument));
	return ret;
}

#ifdef CONFIG_COMPAT
/* A 32-bit process's ioctl: the same handler with the argument as a 64-bit user address (compat_ptr_ioctl). */
static long kc_fop_compat_ioctl(struct file *file, unsigned int command, unsigned long argument)
{
	return kc_fop_ioctl(file, command, (unsigned long)compat_ptr(argument));
}
#endif
#endif

static void kc_miscdev_fill_fops(struct file_operations *fops, u32 operations)
{
	fops->owner = THIS_MODULE;
	fops->open = kc_fop_open;
	fops->release = kc_fop_release;
#ifdef KC_ENTRY_kc_miscdev_read
	if (operations & KC_OP_kc_miscdev_read)
		fops->read = kc_fop_read;
#endif
#ifdef KC_ENTRY_kc_miscdev_write
	if (operations & KC_OP_kc_miscdev_write)
		fops->write = kc_fop_write;
#endif
#ifdef KC_ENTRY_kc_miscdev_ioctl
	if (operations & KC_OP_kc_miscdev_ioctl) {
		fops->unlocked_ioctl = kc_fop_ioctl;
#ifdef CONFIG_COMPAT
		fops->compat_ioctl = kc_fop_compat_ioctl;
#endif
	}
#endif
}

void *kc_miscdev_register(u32 kind, u32 operations, size_t state_size, const char *name, u16 mode, int *error)
{
	struct kc_miscdev *device;
	bool in_fpu = kc_fpu_leave();
	int ret = -ENOMEM;

	device = kzalloc(sizeof(*device), GFP_KERNEL);
	if (device) {
		device->kind = kind;
		device->state_size = state_size;
		device->misc.minor = MISC_DYNAMIC_MINOR;
		device->misc.name = name;
		device->misc.mode = mode;
		kc_miscdev_fill_fops(&device->fops, operations);
		device->misc.fops = &device->fops;
		ret = misc_register(&device->misc);
		if (ret) {
			kfree(device);
			device = NULL;
		}
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return device;
}

void kc_miscdev_deregister(void *handle)
{
	struct kc_miscdev *device = handle;
	bool in_fpu = kc_fpu_leave();

	kc_sysfs_remove_of(device->misc.this_device, "its misc device's deregistration");
	misc_deregister(&device->misc);
	kfree(device);
	kc_fpu_return(in_fpu);
}

void *kc_miscdev_device(void *handle)
{
	return ((struct kc_miscdev *)handle)->misc.this_device;
}

int kc_miscdev_minor(void *handle)
{
	return ((struct kc_miscdev *)handle)->misc.minor;
}
#endif
