/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The prototype of every KernelCrate helper: the managed entry points and the thunks that reach them, the runtime
 * symbols ilc's code needs, and what managed code calls (RuntimeImport in src/KernelCrate/Backend).
 * Managed code sees handles and plain values; every kernel struct stays on this side.
 */
#ifndef KC_HELPERS_H
#define KC_HELPERS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>

/* Managed entry points ([UnmanagedCallersOnly(EntryPoint = ...)]), each reached from C only through its
 * kc_aligned_* thunk in kc_thunks.S: a direct call on a 16-byte aligned stack. */
int kc_module_init(void *module);
void kc_module_exit(void);
int kc_sysctl_handle(void *storage, u32 kind, int write, void *buffer, size_t *lenp, loff_t *ppos);
int kc_aligned_module_init(void *module);
void kc_aligned_module_exit(void);
int kc_aligned_sysctl_handle(void *storage, u32 kind, int write, void *buffer, size_t *lenp, loff_t *ppos);
int kc_miscdev_open(u32 kind, void *device, void *state);
void kc_miscdev_release(u32 kind, void *state);
ssize_t kc_miscdev_read(u32 kind, void *state, u64 buffer, size_t length, loff_t *position);
ssize_t kc_miscdev_write(u32 kind, void *state, u64 buffer, size_t length, loff_t *position);
long kc_miscdev_ioctl(u32 kind, void *state, unsigned int command, unsigned long argument);
int kc_aligned_miscdev_open(u32 kind, void *device, void *state);
void kc_aligned_miscdev_release(u32 kind, void *state);
ssize_t kc_aligned_miscdev_read(u32 kind, void *state, u64 buffer, size_t length, loff_t *position);
ssize_t kc_aligned_miscdev_write(u32 kind, void *state, u64 buffer, size_t length, loff_t *position);
long kc_aligned_miscdev_ioctl(u32 kind, void *state, unsigned int command, unsigned long argument);

/* Runtime symbols the code ilc emits refers to. */
extern unsigned long __security_cookie;
void RhpReversePInvoke(void *frame);
void RhpReversePInvokeReturn(void *frame);
void __noreturn RhpFallbackFailFast(void);

/* Called by managed code. */
void __noreturn kc_panic(const u8 *what, size_t len);
void kc_printk(int level, const u8 *text, size_t len, int end_line);
void *kc_kmalloc(size_t size, u32 flags);
void *kc_krealloc(const void *old, size_t size, u32 flags);
void kc_kfree(const void *p);
void *kc_memset(void *destination, int value, size_t length);
void *kc_memmove(void *destination, const void *source, size_t length);
void *kc_sysctl_alloc(u32 kind, size_t storage_size);
void *kc_sysctl_storage(void *sysctl);
int kc_sysctl_register(void *sysctl, const char *path, const char *name, u16 mode);
void kc_sysctl_free(void *sysctl);
void *kc_miscdev_register(u32 kind, size_t state_size, const char *name, u16 mode, int *error);
void kc_miscdev_deregister(void *device);
void *kc_miscdev_device(void *device);
int kc_miscdev_minor(void *device);
size_t kc_copy_from_user(void *destination, u64 source, size_t length);
size_t kc_copy_to_user(u64 destination, const void *source, size_t length);
void kc_dev_printk(int level, void *device, const u8 *text, size_t len);
void *kc_mutex_alloc(size_t data_size, void *key, const char *name);
void *kc_mutex_data(void *mutex);
void kc_mutex_lock(void *mutex);
void kc_mutex_unlock(void *mutex);
void kc_mutex_free(void *mutex);
void *kc_spinlock_alloc(size_t data_size, void *key, const char *name);
void *kc_spinlock_data(void *spin);
void kc_spinlock_lock(void *spin);
void kc_spinlock_unlock(void *spin);
unsigned long kc_spinlock_lock_irqsave(void *spin);
void kc_spinlock_unlock_irqrestore(void *spin, unsigned long flags);
void kc_spinlock_free(void *spin);
void *kc_arc_alloc(size_t data_size, u32 flags);
void *kc_arc_data(void *arc);
void kc_arc_get(void *arc);
bool kc_arc_put(void *arc);
void kc_arc_free(void *arc);
int kc_test_first(void);

#endif
