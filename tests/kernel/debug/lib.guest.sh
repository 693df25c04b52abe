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

# What a detector prints (tests/kernel/debug.sh looks for the same in the serial log).
reports='BUG:|WARNING:|KASAN|circular locking|sleeping function called|scheduling while atomic|Oops|general protection|panicked at|Kernel panic'
# The loops print thousands of lines, which the emulated serial port would take minutes to carry: while they run
# only KERN_EMERG reaches the console (a panic still does), and after each load the kernel log is read and cleared
# here, detector reports copied to the console.
quiet() { dmesg -c > /dev/null; dmesg -n 1; }
loud() { drain; dmesg -n 7; }
drain() { dmesg -c | grep -E "$reports" | sed 's/^/kc-report: /'; }

# One load with its N-th fault-injectable call failing (kc-insmod-nth); sets rc, injected, left and trace (the kernel
# log of the load, detector reports copied to the console). A failed load must leave nothing: no module, no
# /sys/module/NAME, no PATH (a /proc/sys entry).
load_nth() {
  out=$(/kc/kc-insmod-nth "$1" "$ko" "$params")
  rc=${out#rc=}; rc=${rc%% *}; injected=${out#*injected=}; injected=${injected%% *}; left=${out##*left=}
  trace=$(dmesg -c)
  echo "$trace" | grep -E "$reports" | sed 's/^/kc-report: /'
  if [ "$rc" = 0 ]; then
    rmmod "$name" || echo "kc-fi: $name N=$1 rmmod failed"
    [ "$injected" = 1 ] && absorbed=$((absorbed + 1))
  else
    failures=$((failures + 1))
    if [ "$rc" = 12 ]; then enomem=$((enomem + 1)); else other=$((other + 1)); echo "kc-fi: $name N=$1 rc=$rc injected=$injected"; fi
    if grep -q "^$name " /proc/modules || [ -e "/sys/module/$name" ] || { [ -n "$extra" ] && [ -e "$extra" ]; }; then
      leftovers=$((leftovers + 1)); echo "kc-fi: $name N=$1 left something behind"
    fi
  fi
}

# fault_loop NAME MODULE PARAMS [PATH]: the whole load, the loop: N = 1, 2, ... until a load succeeds with
# the fault unused, inside kc-insmod-nth (one process for every load; detector lines copied out as kc-report).
fault_loop() {
  quiet
  /kc/kc-insmod-nth loop "$1" "$2" "$3" "${4:--}" 600
  loud
}

# init_fault_loop NAME MODULE PARAMS [PATH]: every fault-injectable call from do_init_module on (the module's init
# and what the kernel does after it), each failed in turn: one load counts the calls (C), then N = C, C-1, ... until
# the failed call is one of the loader's before do_init_module (its stack, printed by failslab, shows load_module
# but not do_init_module). The
# loader's own calls are the kernel's; fault_loop covers them for one module.
init_fault_loop() {
  name=$1 ko=$2 params=$3 extra=${4:-}
  failures=0 enomem=0 other=0 absorbed=0 leftovers=0 done=no in_init=0
  quiet
  echo 2 > $fs/verbose
  load_nth 1000000
  n=$((1000000 - left))
  total=$n
  while [ $n -ge 1 ]; do
    load_nth $n
    # A call outside the load (kc-insmod-nth's own read of fail-nth) is neither: go on past it.
    if [ "$injected" = 1 ]; then
      if echo "$trace" | grep -q do_init_module; then in_init=$((in_init + 1))
      elif echo "$trace" | grep -q load_module; then done=yes; break; fi
    fi
    n=$((n - 1))
  done
  echo 1 > $fs/verbose
  loud
  echo "kc-fi-init: $name complete=$done calls=$total in_init=$in_init failed=$failures enomem=$enomem other=$other absorbed=$absorbed leftovers=$leftovers"
}

# leak_scan: kmemleak needs time and two scans to report an object (DESIGN.md); prints how many it reports.
leak_scan() {
  sleep 8; echo scan > $km; sleep 8; echo scan > $km
  echo "kc-kmemleak-begin"; cat $km; echo "kc-kmemleak-end"
  echo "kc-leaks: $(grep -c '^unreferenced object' $km)"
}
