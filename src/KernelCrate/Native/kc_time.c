// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the kernel's clocks and jiffies, and the delays of Documentation/timers/delay_sleep_functions.rst. The
 * sleeps may sleep, so they leave the FPU section for the call (as every helper that may sleep does); the busy
 * delays spin where they are, and may run in atomic context.
 */
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/delay.h>

/* A jiffies timeout that lasts at least nsecs: a timeout of n jiffies can end n - 1 ticks and a bit later, since the
 * current tick is already partly over (msleep adds the same tick). */
static unsigned long __maybe_unused kc_jiffies_at_least(u64 nsecs)
{
	u64 ticks = div64_u64(nsecs + TICK_NSEC - 1, TICK_NSEC) + 1;

	return ticks >= MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)ticks;
}

#ifdef KC_USES_kc_ktime_get_ns
u64 kc_ktime_get_ns(void)
{
	return ktime_get_ns();
}
#endif

#ifdef KC_USES_kc_ktime_get_boottime_ns
u64 kc_ktime_get_boottime_ns(void)
{
	return ktime_get_boottime_ns();
}
#endif

#ifdef KC_USES_kc_jiffies
u64 kc_jiffies(void)
{
	return get_jiffies_64();
}
#endif

#ifdef KC_USES_kc_jiffies_to_nsecs
u64 kc_jiffies_to_nsecs(u64 jiffies)
{
	return jiffies64_to_nsecs(jiffies);
}
#endif

#ifdef KC_USES_kc_nsecs_to_jiffies
u64 kc_nsecs_to_jiffies(u64 nsecs)
{
	return nsecs_to_jiffies64(nsecs);
}
#endif

#ifdef KC_USES_kc_fsleep
void kc_fsleep(unsigned long usecs)
{
	bool in_fpu = kc_fpu_leave();

	fsleep(usecs);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_usleep_range
void kc_usleep_range(unsigned long min, unsigned long max)
{
	bool in_fpu = kc_fpu_leave();

	usleep_range(min, max);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_msleep
void kc_msleep(unsigned int msecs)
{
	bool in_fpu = kc_fpu_leave();

	msleep(msecs);
	kc_fpu_return(in_fpu);
}
#endif

#ifdef KC_USES_kc_ndelay
/* A busy wait of up to KC_MAX_BUSY_NS (the managed side checks): udelay's own limit is 20 ms. */
void kc_ndelay(u64 nsecs)
{
	if (nsecs >= NSEC_PER_USEC)
		udelay(div_u64(nsecs, NSEC_PER_USEC));
	ndelay(nsecs % NSEC_PER_USEC);
}
#endif
