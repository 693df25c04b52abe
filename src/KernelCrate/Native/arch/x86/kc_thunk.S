/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64's thunk, the only way from C into managed code: it realigns the stack to 16 bytes (the kernel keeps 8;
 * RyuJIT's code uses movaps on stack slots) and makes a direct call. No managed address is ever in a register or
 * in data, so an IBT kernel never branches indirectly into code without ENDBR64 (SYM_FUNC_START gives the thunk
 * its own). The arguments (rdi..r9) pass through untouched. kc_thunks.S, generated, has one per exported entry.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>

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
