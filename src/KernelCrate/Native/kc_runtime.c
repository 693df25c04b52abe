// SPDX-License-Identifier: GPL-2.0
/* What the code ilc emits needs from a runtime: no GC to tell about transitions, a stack cookie, a fail-fast. */
#include <linux/random.h>

/* ilc's stack-cookie check (every method with stackalloc) reads this; seeded before any managed code runs. */
unsigned long __security_cookie;

void RhpReversePInvoke(void *frame) { }
void RhpReversePInvokeReturn(void *frame) { }

/* The panic path, as Rust-for-Linux's panic handler: a message, then BUG(). */
void __noreturn kc_panic(const u8 *what, size_t len)
{
	pr_emerg("panicked at '%.*s'\n", (int)len, what);
	kc_fpu_leave();
	BUG();
}

void __noreturn RhpFallbackFailFast(void)
{
	static const u8 what[] = "stack cookie mismatch (stack-protector)";

	kc_panic(what, sizeof(what) - 1);
}
