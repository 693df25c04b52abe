/* A C caller that brackets its call, a thunk, and managed code without SIMD outside init. */
	.text
	.globl kc_aligned_module_init, caller
kc_aligned_module_init:
	endbr64
	call kc_module_init
	ret
caller:
	call kernel_fpu_begin_mask
	call kc_aligned_module_init
	call kernel_fpu_end
	ret
	.section __managedcode, "ax"
	.globl kc_module_init
	.type kc_module_init, @function
kc_module_init:
	movdqu %xmm0, (%rdi)
	ret
