/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only way from C into managed code: one thunk per managed entry point that realigns the stack to 16 bytes
 * (the kernel keeps 8; RyuJIT's code uses movaps on stack slots) and makes a direct call. No managed address is
 * ever in a register or in data, so an IBT kernel never branches indirectly into code without ENDBR64.
 * The arguments (rdi..r9) pass through untouched.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include "kc_config.h"

.macro KC_ALIGNED_ENTRY thunk, entry
SYM_FUNC_START(\thunk)
	push	%rbp
	mov	%rsp, %rbp
	and	$-16, %rsp
	call	\entry
	leave
	RET
SYM_FUNC_END(\thunk)
.endm

KC_ALIGNED_ENTRY kc_aligned_module_init, kc_module_init
KC_ALIGNED_ENTRY kc_aligned_module_exit, kc_module_exit
#ifdef KC_USES_kc_sysctl_register
KC_ALIGNED_ENTRY kc_aligned_sysctl_handle, kc_sysctl_handle
#endif
#ifdef KC_USES_kc_miscdev_register
KC_ALIGNED_ENTRY kc_aligned_miscdev_open, kc_miscdev_open
KC_ALIGNED_ENTRY kc_aligned_miscdev_release, kc_miscdev_release
KC_ALIGNED_ENTRY kc_aligned_miscdev_read, kc_miscdev_read
KC_ALIGNED_ENTRY kc_aligned_miscdev_write, kc_miscdev_write
KC_ALIGNED_ENTRY kc_aligned_miscdev_ioctl, kc_miscdev_ioctl
#endif
