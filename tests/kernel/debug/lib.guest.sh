# Shared by the debug kernel's guest scripts (busybox sh): checks, debugfs, the fault-injection loop, kmemleak.
. /kc/guest-lib.sh
mount -t debugfs none /sys/kernel/debug
fs=/sys/kernel/debug/failslab
km=/sys/kernel/debug/kmemleak
# GFP_KERNEL allocations fail too (the default skips every allocation that may sleep), one line per injected fault.
echo N > $fs/ignore-gfp-wait
echo 1 > $fs/verbose

# phase NAME: when each part of a boot starts, so the host can say where the time goes.
phase() { echo "kc-phase: $1 at $(cut -d' ' -f1 /proc/uptime) s"; }

# The loops print thousands of lines, which the emulated serial port would take minutes to carry: while they run
# only KERN_EMERG reaches the console (a panic still does), and the kernel log is read and cleared after each load,
# a detector's line (one of reports.ere's patterns) copied to the console as "kc-report: ...".
quiet() { dmesg -c > /dev/null; dmesg -n 1; }
loud() { drain; dmesg -n 7; }
drain() { dmesg -c | grep -E -f /kc/reports.ere | sed 's/^/kc-report: /'; }
load() { /kc/kc-load /kc/reports.ere "$@"; }

# fault_loop NAME MODULE PARAMS [PATH]: the whole load, N = 1, 2, ... until a load succeeds with the fault unused.
fault_loop() {
  quiet
  load loop "$1" "$2" "$3" "${4:--}" 600
  loud
}

# init_fault_loop NAME MODULE PARAMS [PATH]: every fault-injectable call from do_init_module on, each failed in turn
# (kc-load init-loop; failslab's verbose=2 prints each injected fault's stack, which tells the module's init from
# the loader). The loader's own calls are the kernel's; fault_loop covers them for one module.
init_fault_loop() {
  quiet
  echo 2 > $fs/verbose
  load init-loop "$1" "$2" "$3" "${4:--}"
  echo 1 > $fs/verbose
  loud
}

# leak_scan: kmemleak needs time and two scans to report an object (DESIGN.md); prints how many it reports.
leak_scan() {
  sleep 8; echo scan > $km; sleep 8; echo scan > $km
  echo "kc-kmemleak-begin"; cat $km; echo "kc-kmemleak-end"
  echo "kc-leaks: $(grep -c '^unreferenced object' $km)"
}
