// SPDX-License-Identifier: GPL-2.0
/*
 * Work items and workqueues. A work item is C's allocation: a delayed_work (queued at once or after a delay), the
 * kind number of its managed type (the generated dispatch compares it, no function pointer) and the type's bytes.
 * Its callback runs in process context and may sleep. Every live item is on a list: the module's exit cancels any
 * the managed side did not dispose, so no queued item can run after the module's code is gone.
 */
#include <linux/workqueue.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#ifdef KC_USES_kc_work_alloc
struct kc_work {
	struct delayed_work work;
	struct list_head live;
	/* The queue it was last queued on (NULL: the system one), for kc_workqueue_destroy. */
	struct workqueue_struct *queue;
	u32 kind;
	u64 state[];
};

static LIST_HEAD(kc_works);
static DEFINE_SPINLOCK(kc_works_lock);

static void kc_work_fn(struct work_struct *work)
{
	struct kc_work *item = container_of(to_delayed_work(work), struct kc_work, work);

	KC_ENTER(KC_FPU_kc_work_run, kc_aligned_work_run(item->kind, item->state));
}

void *kc_work_alloc(u32 kind, size_t state_size, u32 flags)
{
	gfp_t gfp = kc_gfp(flags) | __GFP_ZERO;
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct kc_work *item = kmalloc(struct_size(item, state, DIV_ROUND_UP(state_size, sizeof(u64))), gfp);

	kc_fpu_return(in_fpu);
	if (!item)
		return NULL;
	INIT_DELAYED_WORK(&item->work, kc_work_fn);
	item->kind = kind;
	spin_lock(&kc_works_lock);
	list_add(&item->live, &kc_works);
	spin_unlock(&kc_works_lock);
	return item;
}

void *kc_work_state(void *work)
{
	return ((struct kc_work *)work)->state;
}

static struct workqueue_struct *kc_queue_or_system(void *queue)
{
	return queue ? queue : system_wq;
}

int kc_work_queue(void *queue, void *work)
{
	struct kc_work *item = work;
	bool queued = queue_work(kc_queue_or_system(queue), &item->work.work);

	if (queued)
		WRITE_ONCE(item->queue, queue);
	return queued;
}

int kc_work_queue_delayed(void *queue, void *work, u64 delay_ns)
{
	struct kc_work *item = work;
	bool queued = queue_delayed_work(kc_queue_or_system(queue), &item->work, kc_jiffies_at_least(delay_ns));

	if (queued)
		WRITE_ONCE(item->queue, queue);
	return queued;
}

/* Before a queue is destroyed (kc_workqueue_destroy, when the module makes queues of its own): its delayed items whose delay is still running are queued at once, for the drain to
 * run them (destroy_workqueue waits only for queued items; a timer firing later would queue onto a freed queue). */
static void __maybe_unused kc_work_expedite(struct workqueue_struct *queue)
{
	struct kc_work *item;

	spin_lock(&kc_works_lock);
	list_for_each_entry(item, &kc_works, live)
		if (READ_ONCE(item->queue) == queue && timer_pending(&item->work.timer))
			mod_delayed_work(queue, &item->work, 0);
	spin_unlock(&kc_works_lock);
}

/* Waits for a running callback: may sleep. */
int kc_work_cancel(void *work)
{
	bool in_fpu = kc_fpu_leave();
	bool pending = cancel_delayed_work_sync(&((struct kc_work *)work)->work);

	kc_fpu_return(in_fpu);
	return pending;
}

int kc_work_flush(void *work)
{
	bool in_fpu = kc_fpu_leave();
	bool waited = flush_delayed_work(&((struct kc_work *)work)->work);

	kc_fpu_return(in_fpu);
	return waited;
}

/* After kc_work_cancel: nothing of the item runs any more. */
void kc_work_free(void *work)
{
	struct kc_work *item = work;

	spin_lock(&kc_works_lock);
	list_del(&item->live);
	spin_unlock(&kc_works_lock);
	kfree(item);
}

static void kc_work_leftovers(void)
{
	struct kc_work *item, *next;

	list_for_each_entry_safe(item, next, &kc_works, live) {
		pr_err("a work item (kind %u) was not disposed before unload: cancelled\n", item->kind);
		cancel_delayed_work_sync(&item->work);
		list_del(&item->live);
		kfree(item);
	}
}
#else
static void kc_work_leftovers(void)
{
}

static void __maybe_unused kc_work_expedite(struct workqueue_struct *queue)
{
}
#endif

#ifdef KC_USES_kc_workqueue_alloc
/* Kernel.WorkqueueFlags: KernelCrate's own bits, turned into this kernel's WQ_* here. */
#define KC_WQ_UNBOUND 0x2
#define KC_WQ_FREEZABLE 0x4
#define KC_WQ_MEM_RECLAIM 0x8
#define KC_WQ_HIGHPRI 0x10
#define KC_WQ_CPU_INTENSIVE 0x20

static unsigned int kc_wq_flags(u32 flags)
{
	return ((flags & KC_WQ_UNBOUND) ? WQ_UNBOUND : 0) | ((flags & KC_WQ_FREEZABLE) ? WQ_FREEZABLE : 0) |
	       ((flags & KC_WQ_MEM_RECLAIM) ? WQ_MEM_RECLAIM : 0) | ((flags & KC_WQ_HIGHPRI) ? WQ_HIGHPRI : 0) |
	       ((flags & KC_WQ_CPU_INTENSIVE) ? WQ_CPU_INTENSIVE : 0);
}

void *kc_workqueue_alloc(const char *name, u32 flags, int max_active)
{
	bool in_fpu = kc_fpu_leave();
	struct workqueue_struct *queue = alloc_workqueue("%s", kc_wq_flags(flags), max_active, name);

	kc_fpu_return(in_fpu);
	return queue;
}

void kc_workqueue_flush(void *queue)
{
	bool in_fpu = kc_fpu_leave();

	flush_workqueue(queue);
	kc_fpu_return(in_fpu);
}

/* Drains the queue (every item queued on it runs, a delayed one at once) and frees it. */
void kc_workqueue_destroy(void *queue)
{
	bool in_fpu = kc_fpu_leave();

	kc_work_expedite(queue);
	destroy_workqueue(queue);
	kc_fpu_return(in_fpu);
}
#endif
