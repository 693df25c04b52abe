// SPDX-License-Identifier: GPL-2.0
/*
 * Mutex<T> and SpinLock<T>: the lock is C's (its size depends on the kernel and its config: lockdep, PREEMPT_RT),
 * allocated with the protected data after it. The lockdep class key is the managed side's static storage, one per
 * Mutex<T>/SpinLock<T> instantiation, as C has one per init site. Taking a mutex may sleep, and so does a spinlock on
 * PREEMPT_RT (an rtmutex there): both leave the FPU section for the call. A non-RT spinlock disables preemption
 * itself, so managed code under it may run inside the section, and nothing it calls may sleep (KC1005).
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>

#if defined(KC_USES_kc_mutex_alloc) || defined(KC_USES_kc_spinlock_alloc)
/* The managed key storage must be able to hold the kernel's key. */
#define KC_LOCK_KEY_SIZE 32

/* A lock and the data it protects (sizeof(T), a managed struct's size), in one zeroed allocation; GFP_KERNEL may
 * sleep, so outside the FPU section. */
static void *kc_lock_alloc(size_t lock_size, size_t data_size)
{
	bool in_fpu = kc_fpu_leave();
	void *lock;

	BUILD_BUG_ON(sizeof(struct lock_class_key) > KC_LOCK_KEY_SIZE);
	lock = kzalloc(size_add(lock_size, round_up(data_size, sizeof(u64))), GFP_KERNEL);
	kc_fpu_return(in_fpu);
	return lock;
}
#endif

#ifdef KC_USES_kc_mutex_alloc
struct kc_mutex {
	struct mutex lock;
	u64 data[];
};

void *kc_mutex_alloc(size_t data_size, void *key, const char *name)
{
	struct kc_mutex *mutex = kc_lock_alloc(sizeof(*mutex), data_size);

	if (mutex)
		__mutex_init(&mutex->lock, name, (struct lock_class_key *)key);
	return mutex;
}

void *kc_mutex_data(void *mutex)
{
	return ((struct kc_mutex *)mutex)->data;
}

void kc_mutex_lock(void *mutex)
{
	bool in_fpu = kc_fpu_leave();

	mutex_lock(&((struct kc_mutex *)mutex)->lock);
	kc_fpu_return(in_fpu);
}

void kc_mutex_unlock(void *mutex)
{
	bool in_fpu = kc_fpu_leave();

	mutex_unlock(&((struct kc_mutex *)mutex)->lock);
	kc_fpu_return(in_fpu);
}

void kc_mutex_free(void *mutex)
{
	bool in_fpu = kc_fpu_leave();

	mutex_destroy(&((struct kc_mutex *)mutex)->lock);
	kfree(mutex);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_spinlock_alloc
/* spin_lock_init with the caller's key: the macro would make one static key for every KernelCrate spinlock. */
static void kc_spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
#if defined(CONFIG_PREEMPT_RT)
	__rt_spin_lock_init(lock, name, key, false);
#elif defined(CONFIG_DEBUG_SPINLOCK)
	__raw_spin_lock_init(spinlock_check(lock), name, key, LD_WAIT_CONFIG);
#else
	spin_lock_init(lock);
#endif
}

struct kc_spinlock {
	spinlock_t lock;
	u64 data[];
};

void *kc_spinlock_alloc(size_t data_size, void *key, const char *name)
{
	struct kc_spinlock *spin = kc_lock_alloc(sizeof(*spin), data_size);

	if (spin)
		kc_spin_lock_init(&spin->lock, name, (struct lock_class_key *)key);
	return spin;
}

void *kc_spinlock_data(void *spin)
{
	return ((struct kc_spinlock *)spin)->data;
}

/* On PREEMPT_RT a spinlock is a sleeping lock: leave the FPU section for it, and run what it guards outside. */
void kc_spinlock_lock(void *spin)
{
	bool in_fpu = IS_ENABLED(CONFIG_PREEMPT_RT) ? kc_fpu_leave() : false;

	spin_lock(&((struct kc_spinlock *)spin)->lock);
	kc_fpu_return(in_fpu);
}

void kc_spinlock_unlock(void *spin)
{
	bool in_fpu = IS_ENABLED(CONFIG_PREEMPT_RT) ? kc_fpu_leave() : false;

	spin_unlock(&((struct kc_spinlock *)spin)->lock);
	kc_fpu_return(in_fpu);
}

unsigned long kc_spinlock_lock_irqsave(void *spin)
{
	bool in_fpu = IS_ENABLED(CONFIG_PREEMPT_RT) ? kc_fpu_leave() : false;
	unsigned long flags;

	spin_lock_irqsave(&((struct kc_spinlock *)spin)->lock, flags);
	kc_fpu_return(in_fpu);
	return flags;
}

void kc_spinlock_unlock_irqrestore(void *spin, unsigned long flags)
{
	bool in_fpu = IS_ENABLED(CONFIG_PREEMPT_RT) ? kc_fpu_leave() : false;

	spin_unlock_irqrestore(&((struct kc_spinlock *)spin)->lock, flags);
	kc_fpu_return(in_fpu);
}

void kc_spinlock_free(void *spin)
{
	kfree(spin);
}
#endif
