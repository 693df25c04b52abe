/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kc_call_aligned(fn, a0, a1, a2, a3, a4): call fn(a0..a4) on a 16-byte aligned stack.
 * The kernel keeps 8-byte stack alignment; code from RyuJIT assumes 16 (movaps on stack slots), so every call
 * from C into managed code goes through here.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>

SYM_FUNC_START(kc_call_aligned)
	push	%rbp
	mov	%rsp, %rbp
	and	$-16, %rsp
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	mov	%rcx, %rdx
	mov	%r8, %rcx
	mov	%r9, %r8
	CALL_NOSPEC rax
	leave
	RET
SYM_FUNC_END(kc_call_aligned)
