// SPDX-License-Identifier: GPL-2.0
/*
 * The C twin of samples/RustMiscDevice, for benchmarks: /dev/rust-misc-device-c with the same per-open state (a
 * mutex, a value, a buffer), the same dev_info lines and the same read/write semantics (a write replaces the buffer
 * and rewinds; a read follows the file position), written the way a C driver author would.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

struct rmd_file {
	struct mutex lock;
	int value;
	char *buffer;
	size_t length, capacity;
	struct device *dev;
};

static struct miscdevice rmd_misc;

static int rmd_open(struct inode *inode, struct file *file)
{
	struct rmd_file *me;

	dev_info(rmd_misc.this_device, "Opening Rust Misc Device Sample\n");
	me = kzalloc(sizeof(*me), GFP_KERNEL);
	if (!me)
		return -ENOMEM;
	mutex_init(&me->lock);
	me->dev = rmd_misc.this_device;
	file->private_data = me;
	return 0;
}

static int rmd_release(struct inode *inode, struct file *file)
{
	struct rmd_file *me = file->private_data;

	dev_info(me->dev, "Exiting the Rust Misc Device Sample\n");
	kfree(me->buffer);
	kfree(me);
	return 0;
}

static ssize_t rmd_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct rmd_file *me = file->private_data;
	ssize_t ret;

	dev_info(me->dev, "Reading from Rust Misc Device Sample\n");
	mutex_lock(&me->lock);
	ret = simple_read_from_buffer(buf, count, pos, me->buffer, me->length);
	mutex_unlock(&me->lock);
	return ret;
}

static ssize_t rmd_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct rmd_file *me = file->private_data;
	ssize_t ret = count;

	dev_info(me->dev, "Writing to Rust Misc Device Sample\n");
	mutex_lock(&me->lock);
	me->length = 0;
	if (count > me->capacity) {
		char *grown = krealloc(me->buffer, count, GFP_KERNEL);

		if (!grown) {
			ret = -ENOMEM;
			goto out;
		}
		me->buffer = grown;
		me->capacity = count;
	}
	if (copy_from_user(me->buffer, buf, count)) {
		ret = -EFAULT;
		goto out;
	}
	me->length = count;
	*pos = 0;
out:
	mutex_unlock(&me->lock);
	return ret;
}

static const struct file_operations rmd_fops = {
	.owner = THIS_MODULE,
	.open = rmd_open,
	.release = rmd_release,
	.read = rmd_read,
	.write = rmd_write,
};

static struct miscdevice rmd_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rust-misc-device-c",
	.fops = &rmd_fops,
};

static int __init rmd_init(void)
{
	pr_info("Initialising Rust Misc Device Sample\n");
	return misc_register(&rmd_misc);
}

static void __exit rmd_exit(void)
{
	misc_deregister(&rmd_misc);
}

module_init(rmd_init);
module_exit(rmd_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("C twin of the Rust misc device sample");
