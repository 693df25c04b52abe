// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs attributes on a device the module has (its misc device, a bound PCI or platform device): one block each
 * with the device_attribute, its name, the kind number of its managed type and the type's bytes. Removing one waits
 * for a show or store running in it (kernfs drains them), and its state is freed only after that. An attribute the
 * module leaves is removed, with an error, before its device goes (the misc device's deregistration, the driver's
 * remove) or when the module unloads (then its block is freed too).
 */
#include <linux/device.h>
#include <linux/sysfs.h>

#ifdef KC_USES_kc_sysfs_attr_create
struct kc_sysfs_attr {
	struct list_head live;
	struct device_attribute attr;
	struct device *dev;
	bool removed;
	u32 kind;
	u64 state[];		/* then the name */
};

static LIST_HEAD(kc_sysfs_attrs);
static DEFINE_MUTEX(kc_sysfs_lock);

static ssize_t kc_sysfs_attr_show(struct device *dev, struct device_attribute *attr, char *page)
{
	struct kc_sysfs_attr *a = container_of(attr, struct kc_sysfs_attr, attr);
	s64 ret;

	KC_ENTER(KC_FPU_kc_sysfs_show, ret = kc_aligned_sysfs_show(a->kind, a->state, (u8 *)page, PAGE_SIZE));
	return ret;
}

#ifdef KC_ENTRY_kc_sysfs_store
/* kernfs hands at most a page, NUL-terminated (it cuts a longer write to a page). */
static ssize_t kc_sysfs_attr_store(struct device *dev, struct device_attribute *attr, const char *text, size_t count)
{
	struct kc_sysfs_attr *a = container_of(attr, struct kc_sysfs_attr, attr);
	int ret;

	KC_ENTER(KC_FPU_kc_sysfs_store, ret = kc_aligned_sysfs_store(a->kind, a->state, (u8 *)text, count));
	return ret < 0 ? ret : count;
}
#endif

/* The attribute `name` of `device` (a struct device *) over a copy of `state`; NULL and *error on failure. */
void *kc_sysfs_attr_create(void *device, const char *name, u32 mode, u32 kind, const void *state, size_t state_size,
			   int writable, int *error)
{
	size_t state_bytes = round_up(state_size, sizeof(u64));
	bool in_fpu = kc_fpu_leave();
	struct kc_sysfs_attr *a = kzalloc(sizeof(*a) + state_bytes + strlen(name) + 1, GFP_KERNEL);
	int ret = -ENOMEM;

	if (a) {
		a->dev = device;
		a->kind = kind;
		memcpy(a->state, state, state_size);
		sysfs_attr_init(&a->attr.attr);
		a->attr.attr.name = strcpy((char *)a->state + state_bytes, name);
		a->attr.attr.mode = mode;
		a->attr.show = kc_sysfs_attr_show;
#ifdef KC_ENTRY_kc_sysfs_store
		if (writable)
			a->attr.store = kc_sysfs_attr_store;
#endif
		mutex_lock(&kc_sysfs_lock);
		ret = device_create_file(a->dev, &a->attr);
		if (!ret)
			list_add(&a->live, &kc_sysfs_attrs);
		mutex_unlock(&kc_sysfs_lock);
	}
	if (ret) {
		kfree(a);
		a = NULL;
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return a;
}

void *kc_sysfs_attr_state(void *handle)
{
	return ((struct kc_sysfs_attr *)handle)->state;
}

/* Removes the attribute, waiting for a show or store in it; the caller then disposes the state and frees it. */
void kc_sysfs_attr_remove(void *handle)
{
	struct kc_sysfs_attr *a = handle;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_sysfs_lock);
	if (!a->removed)
		device_remove_file(a->dev, &a->attr);
	a->removed = true;
	mutex_unlock(&kc_sysfs_lock);
	kc_fpu_return(in_fpu);
}

void kc_sysfs_attr_free(void *handle)
{
	struct kc_sysfs_attr *a = handle;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_sysfs_lock);
	list_del(&a->live);
	mutex_unlock(&kc_sysfs_lock);
	kfree(a);
	kc_fpu_return(in_fpu);
}

/* Before `dev` goes: the attributes the module left on it are removed, their blocks kept (marked) for the handles
 * the module still holds, whose Dispose then only frees them. */
static void kc_sysfs_remove_of(struct device *dev, const char *when)
{
	struct kc_sysfs_attr *a;

	mutex_lock(&kc_sysfs_lock);
	list_for_each_entry(a, &kc_sysfs_attrs, live) {
		if ((dev && a->dev != dev) || a->removed)
			continue;
		dev_err(a->dev, "sysfs attribute %s was not disposed before %s: removed\n", a->attr.attr.name, when);
		device_remove_file(a->dev, &a->attr);
		a->removed = true;
	}
	mutex_unlock(&kc_sysfs_lock);
}

/* At unload no handle is left to dispose: what remains is removed and freed (its managed state is not disposed). */
static void kc_sysfs_leftovers(void)
{
	struct kc_sysfs_attr *a, *next;

	kc_sysfs_remove_of(NULL, "unload");
	list_for_each_entry_safe(a, next, &kc_sysfs_attrs, live) {
		list_del(&a->live);
		kfree(a);
	}
}
#else
static inline void kc_sysfs_remove_of(struct device *dev, const char *when)
{
}

static void kc_sysfs_leftovers(void)
{
}
#endif
