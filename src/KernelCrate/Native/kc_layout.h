/* SPDX-License-Identifier: GPL-2.0 */
/* Layouts the C# mirrors in src/KernelCrate/Kernel assume; kc_helpers.c checks them against the kernel headers
 * with BUILD_BUG_ON, and a host test checks the C# structs against these numbers. */
#ifndef KC_LAYOUT_H
#define KC_LAYOUT_H

#define KC_CTL_TABLE_SIZE 64
#define KC_CTL_TABLE_PROCNAME 0
#define KC_CTL_TABLE_DATA 8
#define KC_CTL_TABLE_MAXLEN 16
#define KC_CTL_TABLE_MODE 20
#define KC_CTL_TABLE_PROC_HANDLER 32
#define KC_CTL_TABLE_EXTRA1 48
#define KC_CTL_TABLE_EXTRA2 56

/* Kernel.Gfp values */
#define KC_GFP_KERNEL 0xcc0
#define KC_GFP_ATOMIC 0xa20
#define KC_GFP_NOWAIT 0x800
#define KC_GFP_ZERO 0x100
#define KC_GFP_NOWARN 0x2000

#endif
