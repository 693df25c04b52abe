/* A callback entered without the FPU section whose managed callee uses an xmm register. */
	.text
	.globl kc_aligned_sysctl_handle, caller
kc_aligned_sysctl_handle:
	endbr64
	call kc_sysctl_handle
	ret
caller:
	call kc_aligned_sysctl_handle
	ret
	.section __managedcode, "ax"
	.globl kc_sysctl_handle, helper
	.type kc_sysctl_handle, @function
	.type helper, @function
kc_sysctl_handle:
	call helper
	ret
helper:
	movdqu %xmm0, (%rdi)
	ret
