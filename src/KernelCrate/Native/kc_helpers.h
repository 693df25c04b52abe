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

#endif
