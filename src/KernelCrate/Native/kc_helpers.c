// SPDX-License-Identifier: GPL-2.0
/*
 * KernelCrate's C side, one translation unit built by kbuild against the chosen kernel's headers (as
 * Rust-for-Linux's rust/helpers/helpers.c): each subsystem in a file of its own, included in order. Only the helpers
 * the managed object calls are compiled (KC_USES_* in kc_config.h, written by the build's object check).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/version.h>
#include "kc_helpers.h"
#include "kc_config.h"

#include "kc_fpu.c"
#include "kc_runtime.c"
#include "kc_printk.c"
#include "kc_alloc.c"
#include "kc_memory.c"
#include "kc_sysctl.c"
#include "kc_uaccess.c"
#include "kc_device.c"
#include "kc_sysfs.c"
#include "kc_lock.c"
#include "kc_refcount.c"
#include "kc_miscdev.c"
#include "kc_time.c"
#include "kc_hrtimer.c"
#include "kc_workqueue.c"
#include "kc_completion.c"
#include "kc_condvar.c"
#include "kc_context.c"
#include "kc_pci.c"
#include "kc_irq.c"
#include "kc_dma.c"
#include "kc_platform.c"
#include "kc_seq.c"
#include "kc_debugfs.c"
#include "kc_procfs.c"
#include "kc_configfs.c"
#include "kc_test.c"
#include "kc_module.c"
