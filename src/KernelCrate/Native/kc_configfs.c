// SPDX-License-Identifier: GPL-2.0
/*
 * configfs: a subsystem under /sys/kernel/config and the groups mkdir makes in it. Each directory is one block: its
 * config_group (inside a configfs_subsystem, which only a root uses whole), its item type and attributes, the
 * managed type's kind and bytes, and a copy of the type's table (flags, then each attribute's mode bits and name).
 * configfs's show and store do not say which attribute they are for, so each index has a function of its own. A
 * block is freed by its item's release, when the directory is gone and its last open file closed (an open file
 * holds the item, and the module through ca_owner): the managed state is disposed there, never under a reader.
 */
#include <linux/configfs.h>

#ifdef KC_USES_kc_configfs_register
#define KC_CFS_MAX_ATTRIBUTES 16
#define KC_CFS_CHILDREN 1u	/* table flags: mkdir makes children */
#define KC_CFS_SHOW 1u		/* attribute mode bits */
#define KC_CFS_STORE 2u

struct kc_cfs_item {
	struct configfs_subsystem subsys;
	struct config_item_type type;
	struct configfs_item_operations item_ops;
	struct configfs_group_operations group_ops;
	struct configfs_attribute attribute[KC_CFS_MAX_ATTRIBUTES];
	struct configfs_attribute *attributes[KC_CFS_MAX_ATTRIBUTES + 1];
	struct list_head live;	/* a registered root, for the unload's leftovers */
	u32 kind;
	u64 state[];		/* then the table's copy */
};

static LIST_HEAD(kc_cfs_roots);
static DEFINE_MUTEX(kc_cfs_roots_lock);

static struct kc_cfs_item *kc_cfs_item_of(struct config_item *ci)
{
	return container_of(to_config_group(ci), struct kc_cfs_item, subsys.su_group);
}

static ssize_t kc_cfs_show(struct config_item *ci, u32 index, char *page)
{
	struct kc_cfs_item *item = kc_cfs_item_of(ci);
	s64 ret;

	KC_ENTER(KC_FPU_kc_configfs_show, ret = kc_aligned_configfs_show(item->kind, item->state, index, (u8 *)page, PAGE_SIZE));
	return ret;
}

#ifdef KC_ENTRY_kc_configfs_store
/* configfs hands a write of less than a page, NUL-terminated (it cuts a longer one to SIMPLE_ATTR_SIZE - 1). */
static ssize_t kc_cfs_store(struct config_item *ci, u32 index, const char *page, size_t count)
{
	struct kc_cfs_item *item = kc_cfs_item_of(ci);
	int ret;

	KC_ENTER(KC_FPU_kc_configfs_store, ret = kc_aligned_configfs_store(item->kind, item->state, index, (u8 *)page, count));
	return ret < 0 ? ret : count;
}
#define KC_CFS_STORE_FN(n) \
	static ssize_t kc_cfs_store_##n(struct config_item *ci, const char *page, size_t count) \
	{ return kc_cfs_store(ci, n, page, count); }
#define KC_CFS_STORE_REF(n) kc_cfs_store_##n,
#else
#define KC_CFS_STORE_FN(n)
#define KC_CFS_STORE_REF(n) NULL,
#endif

#define KC_CFS_ATTRIBUTE(n) \
	static ssize_t kc_cfs_show_##n(struct config_item *ci, char *page) { return kc_cfs_show(ci, n, page); } \
	KC_CFS_STORE_FN(n)
#define KC_CFS_EACH(f) f(0) f(1) f(2) f(3) f(4) f(5) f(6) f(7) f(8) f(9) f(10) f(11) f(12) f(13) f(14) f(15)
KC_CFS_EACH(KC_CFS_ATTRIBUTE)
#define KC_CFS_SHOW_REF(n) kc_cfs_show_##n,
static ssize_t (*const kc_cfs_shows[KC_CFS_MAX_ATTRIBUTES])(struct config_item *, char *) = { KC_CFS_EACH(KC_CFS_SHOW_REF) };
static ssize_t (*const kc_cfs_stores[KC_CFS_MAX_ATTRIBUTES])(struct config_item *, const char *, size_t) = {
	KC_CFS_EACH(KC_CFS_STORE_REF)
};

static void kc_cfs_release(struct config_item *ci)
{
	struct kc_cfs_item *item = kc_cfs_item_of(ci);

	KC_ENTER(KC_FPU_kc_configfs_release, kc_aligned_configfs_release(item->kind, item->state));
	kfree(item);
}

#ifdef KC_ENTRY_kc_configfs_make_group
static struct config_group *kc_cfs_make_group(struct config_group *parent, const char *name)
{
	struct kc_cfs_item *item = kc_cfs_item_of(&parent->cg_item);
	void *child = NULL;
	int ret;

	KC_ENTER(KC_FPU_kc_configfs_make_group, ret = kc_aligned_configfs_make_group(item->kind, item->state, name, &child));
	return ret ? ERR_PTR(ret) : &((struct kc_cfs_item *)child)->subsys.su_group;
}
#endif

/* A block for a directory of `kind`, its state and table copied in and its item type built from the table. */
static struct kc_cfs_item *kc_cfs_item_new(const char *name, u32 kind, const void *state, size_t state_size,
					   const u8 *table, size_t table_length, int *error)
{
	size_t state_bytes = round_up(state_size, sizeof(u64));
	struct kc_cfs_item *item;
	const u8 *at, *end;
	u32 i, count;

	if (table_length < 2 || table[1] > KC_CFS_MAX_ATTRIBUTES || table[table_length - 1] != 0) {
		*error = -EINVAL;
		return NULL;
	}
	item = kzalloc(sizeof(*item) + state_bytes + table_length, GFP_KERNEL);
	if (!item) {
		*error = -ENOMEM;
		return NULL;
	}
	item->kind = kind;
	memcpy(item->state, state, state_size);
	at = memcpy((u8 *)item->state + state_bytes, table, table_length);
	end = at + table_length;
	count = at[1];
	at += 2;
	for (i = 0; i < count; i++) {
		struct configfs_attribute *attribute = &item->attribute[i];
		u8 mode = *at++;

		if (at >= end || !*at) {
			kfree(item);
			*error = -EINVAL;
			return NULL;
		}
		attribute->ca_name = (const char *)at;
		attribute->ca_owner = THIS_MODULE;
		attribute->ca_mode = S_IRUGO | (mode & KC_CFS_STORE ? S_IWUSR : 0);
		attribute->show = kc_cfs_shows[i];
		if (mode & KC_CFS_STORE)
			attribute->store = kc_cfs_stores[i];
		item->attributes[i] = attribute;
		at += strlen((const char *)at) + 1;
	}
	item->item_ops.release = kc_cfs_release;
	item->type.ct_item_ops = &item->item_ops;
#ifdef KC_ENTRY_kc_configfs_make_group
	if (((u8 *)item->state + state_bytes)[0] & KC_CFS_CHILDREN) {
		item->group_ops.make_group = kc_cfs_make_group;
		item->type.ct_group_ops = &item->group_ops;
	}
#endif
	item->type.ct_attrs = item->attributes;
	item->type.ct_owner = THIS_MODULE;
	/* A name of 20 bytes or more is allocated, and a failure leaves none (config_item_set_name's is not passed on). */
	config_group_init_type_name(&item->subsys.su_group, name, &item->type);
	if (!config_item_name(&item->subsys.su_group.cg_item)) {
		kfree(item);
		*error = -ENOMEM;
		return NULL;
	}
	*error = 0;
	return item;
}

/* /sys/kernel/config/<name> over a copy of `state`; NULL and *error on failure (the state is the caller's then). */
void *kc_configfs_register(const char *name, u32 kind, const void *state, size_t state_size, const u8 *table,
			   size_t table_length, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct kc_cfs_item *item = kc_cfs_item_new(name, kind, state, state_size, table, table_length, error);

	if (item) {
		mutex_init(&item->subsys.su_mutex);
		*error = configfs_register_subsystem(&item->subsys);
		if (*error) {
			struct config_item *ci = &item->subsys.su_group.cg_item;

			/* Not the item's put, whose release would dispose the state: it goes back to the caller. */
			if (ci->ci_name != ci->ci_namebuf)
				kfree(ci->ci_name);
			kfree(item);
			item = NULL;
		} else {
			mutex_lock(&kc_cfs_roots_lock);
			list_add(&item->live, &kc_cfs_roots);
			mutex_unlock(&kc_cfs_roots_lock);
		}
	}
	kc_fpu_return(in_fpu);
	return item;
}

#ifdef KC_USES_kc_configfs_group_new
/* A group for a mkdir in progress (the make_group entry returns it); NULL and *error on failure. */
void *kc_configfs_group_new(const char *name, u32 kind, const void *state, size_t state_size, const u8 *table,
			    size_t table_length, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct kc_cfs_item *item = kc_cfs_item_new(name, kind, state, state_size, table, table_length, error);

	kc_fpu_return(in_fpu);
	return item;
}
#endif

void *kc_configfs_state(void *item)
{
	return ((struct kc_cfs_item *)item)->state;
}

static void kc_cfs_unregister(struct kc_cfs_item *item)
{
	configfs_unregister_subsystem(&item->subsys);
	/* The registration's reference: the release runs now, or when the last open file closes. */
	config_item_put(&item->subsys.su_group.cg_item);
}

void kc_configfs_unregister(void *handle)
{
	struct kc_cfs_item *item = handle;
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&kc_cfs_roots_lock);
	list_del(&item->live);
	mutex_unlock(&kc_cfs_roots_lock);
	kc_cfs_unregister(item);
	kc_fpu_return(in_fpu);
}

static void kc_configfs_leftovers(void)
{
	struct kc_cfs_item *item, *next;

	list_for_each_entry_safe(item, next, &kc_cfs_roots, live) {
		pr_err("configfs subsystem %s was not disposed before unload: unregistered\n",
		       config_item_name(&item->subsys.su_group.cg_item));
		list_del(&item->live);
		kc_cfs_unregister(item);
	}
}
#else
static void kc_configfs_leftovers(void)
{
}
#endif
