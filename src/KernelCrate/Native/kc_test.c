// SPDX-License-Identifier: GPL-2.0
/* A test module's first test: `dotnet test` loads it again with kc_first_test=N after a test crashed the kernel, so
 * the tests after that one still run (in a fresh boot). */

#ifdef KC_USES_kc_test_first
static int kc_first_test = 1;
module_param(kc_first_test, int, 0444);
MODULE_PARM_DESC(kc_first_test, "the number of the first [KernelTest] to run (dotnet test sets it after a crash)");

int kc_test_first(void)
{
	return kc_first_test;
}
#endif
