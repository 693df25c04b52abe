/* C code that loads a managed function's address (the kernel would later call it indirectly). */
	.text
	.globl kc_aligned_module_init, caller
kc_aligned_module_init:
	endbr64
	call kc_module_init
	ret
caller:
	call kernel_fpu_begin_mask
	lea kc_module_init(%rip), %rax
	call kc_aligned_module_init
	call kernel_fpu_end
	ret
	.section __managedcode, "ax"
	.globl kc_module_init
	.type kc_module_init, @function
kc_module_init:
	ret
