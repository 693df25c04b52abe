#!/usr/bin/env bash
# The debug-kernel stage: every module and sample under the kernel's own bug detectors (KASAN, kmemleak, lockdep,
# DEBUG_ATOMIC_SLEEP, failslab with fail-nth, IBT), built by scripts/debug-kernel.sh from Debian's 6.12 source.
#   boot 1: the scenarios, fault injection at every fault-injectable call of every module's load, 100 load/use/unload
#           cycles, then kmemleak: the log must hold no report of any detector;
#   boot 2: the controls, each detector shown to fire on a deliberately broken module (a detector that is off must
#           not pass everything);
#   boot 3: KcTest through `dotnet test` with KernelTestImage, as a user would test under a debug kernel (a detector's
#           report inside a test fails that test).
# Prints "debug: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source tests/lib.sh
out=${KC_TEST_OUT:-$root/.work/debug-tests}
mkdir -p "$out"
[ -z "${KC_KERNEL_SKIP:-}" ] || skip_loudly debug "$KC_KERNEL_SKIP"
tree=$(bash scripts/debug-kernel.sh); status=$?
case $status in
  0) ;;
  3) skip_loudly debug "a prerequisite of scripts/debug-kernel.sh is missing (see above)" ;;
  *) expect "scripts/debug-kernel.sh builds the debug kernel" 'false'; finish debug; exit 1 ;;
esac
image=$tree/arch/x86/boot/bzImage
release=$(cat "$tree/include/config/kernel.release")
echo "debug kernel $release: $tree"
for option in KASAN DEBUG_KMEMLEAK PROVE_LOCKING DEBUG_ATOMIC_SLEEP DEBUG_OBJECTS_FREE DEBUG_OBJECTS_TIMERS DEBUG_OBJECTS_WORK FAILSLAB FAIL_FUNCTION PCI X86_KERNEL_IBT MITIGATION_RETHUNK; do
  expect "the debug kernel has CONFIG_$option" 'grep -q "^CONFIG_$option=y" "$tree/.config"'
done

# Built into an artifacts folder of this stage's own, so it can run beside the stages that build the same projects
# for the production kernels (scripts/test.sh runs it in the background).
artifacts=$out/artifacts
build() { dotnet build "$1" -nologo -v q -warnaserror -p:KernelDir="$tree" --artifacts-path "$artifacts" > "$out/$(basename "$1").build.log" 2>&1; }
ko() { echo "$artifacts/bin/$(basename "$1")/debug/$2.ko"; }
modules=(samples/OxiMod:oximod tests/KernelModules/KcTest:kctest tests/KernelModules/ParamMod:parammod
  samples/RustMinimal:rust_minimal samples/RustPrint:rust_print samples/RustMiscDevice:rust_misc_device
  tests/KernelModules/OpsMod:opsmod samples/Heartbeat:heartbeat tests/KernelModules/ForgetMod:forgetmod
  samples/RustDriverPci:rust_driver_pci tests/KernelModules/PciFailMod:pcifailmod samples/RustDma:rust_dma samples/Edu:kc_edu
  tests/KernelModules/ForgetIrqMod:forgetirqmod samples/RustDriverPlatform:rust_driver_platform
  samples/RustDebugfs:rust_debugfs samples/ProcRecords:proc_records tests/KernelModules/PlatformSelfMod:platformselfmod
  samples/RustConfigfs:rust_configfs tests/KernelModules/SysfsMod:sysfsmod)
controls=(tests/KernelModules/Controls/LockOrderMod:lockordermod tests/KernelModules/Controls/LeakMod:leakmod tests/KernelModules/Controls/SleepMod:sleepmod
  tests/KernelModules/Controls/KasanMod:kasanmod tests/KernelModules/Controls/FreeTimerMod:freetimermod
  tests/KernelModules/Controls/UncheckedMod:uncheckedmod)
files=() control_files=()
for entry in "${modules[@]}" "${controls[@]}"; do
  project=${entry%%:*} name=${entry##*:}
  expect "$name builds for the debug kernel" 'build "$project" && [[ "$(modinfo -F vermagic "$(ko "$project" "$name")")" == "$release "* ]]'
done
for entry in "${modules[@]}"; do files+=("$(ko "${entry%%:*}" "${entry##*:}")"); done
for entry in "${controls[@]}"; do control_files+=("$(ko "${entry%%:*}" "${entry##*:}")"); done
expect "kc-load builds (static)" 'gcc -static -O2 -Wall -o "$out/kc-load" tests/kernel/debug/kc-load.c'
expect "misc-device-user builds (static)" 'gcc -static -O2 -Wall -o "$out/misc-device-user" tests/kernel/misc/misc-device-user.c'
# reports.ere: what a detector prints, one extended regex per line; the guest copies such lines out, none may appear
# in boot 1.
reports=tests/kernel/debug/reports.ere
helpers=("$out/kc-load" "$out/misc-device-user" "$reports" tests/kernel/guest-lib.sh tests/kernel/debug/lib.guest.sh)
scenarios=(tests/kernel/oximod.guest.sh tests/kernel/params.guest.sh tests/kernel/misc.guest.sh tests/kernel/deferred.guest.sh
  tests/kernel/pci.guest.sh tests/kernel/platform.guest.sh tests/kernel/debugfs.guest.sh
  tests/kernel/procfs.guest.sh tests/kernel/configfs.guest.sh tests/kernel/sysfs.guest.sh)

# kasan_multi_shot: every KASAN report is printed, not only the first (a report during boot must not hide ours).
qemu_boot() { KC_QEMU_MEM=1024 KC_QEMU_APPEND=kasan_multi_shot KC_QEMU_ACPI=tests/kernel/acpi/lnuxbeef.dsl scripts/qemu-boot.sh --image "$image" --timeout "$1" --script "$2" --log "$3" "${@:4}"; }
# boot TIMEOUT SCRIPT LOG FILE...: once more when the kernel never reached the test (no "kc-boot: start"): seen once
# here, the emulated CPU's early boot (arch_cpu_finalize_init) in a storm of KASAN wild-memory-access reports, then
# a hang; the next boot of the same kernel was clean. Only the kernel's own boot is retried, never a test.
boot() {
  qemu_boot "$@"
  local status=$?
  if ! grep -a -q "kc-boot: start" "$3"; then
    echo "    the kernel never reached the test (exit $status; its first reports below): booting once more"
    tr -d '\r' < "$3" | grep -a -m 3 -E "BUG:|Kernel panic" | sed 's/^/      | /'
    qemu_boot "$@"
    status=$?
  fi
  return $status
}
# boot_log RAW LOG: the serial log from the guest's "kc-boot: start" on (what the kernel does before the test starts
# is not the modules' doing; a kernel line may share the marker's line); on a time-out, where the guest was.
boot_log() {
  tr -d '\r' < "$1" | sed -n '/kc-boot: start/,$p' > "$2"
  if [ "$status" = 124 ]; then
    echo "    TIMED OUT in phase $(grep -o 'kc-phase: [^ ]*' "$2" | tail -n 1 | cut -d' ' -f2); the serial log's last lines:"
    tail -n 15 "$1" | tr -d '\r' | sed 's/^/      | /'
  fi
}

echo "boot 1: scenarios, fault injection, cycles and kmemleak"
log=$out/main.serial.log
start=$(date +%s)
# A few minutes of guest time on this kind of machine with the other stages beside it; the time-out only ends a hang.
boot 1200 tests/kernel/debug/main.guest.sh "$log.raw" "${files[@]}" "${helpers[@]}" "${scenarios[@]}"; status=$?
boot_log "$log.raw" "$log"
echo "    boot 1 took $(( $(date +%s) - start )) s; in the guest: $(grep '^kc-phase: ' "$log" | sed -E 's/^kc-phase: ([^ ]+) at ([0-9]+)\..*/\1 \2/' | tr '\n' ' ')"
checks=$(grep -c "kc-check: .* ok" "$log")
expect "the production kernels' scenarios and KcTest pass under the detectors ($checks checks)" '[ "$checks" -ge 45 ] && ! grep -q "kc-check: .* FAIL" "$log"'
grep "kc-check: .* FAIL\|kc-fi: .* rc=\|left something\|kc-cycles: cycle" "$log" | head -n 20 | sed 's/^/    /'
summary=$(grep "^kc-fi: oximod complete=" "$log")
echo "    $summary"
expect "[oximod] the whole load: N = 1, 2, ... until a load succeeds with the fault unused, after failed loads" \
  '[[ "$summary" =~ complete=yes\ loads=[0-9]+\ failed=[1-9] ]]'
expect "[oximod] the whole load: every injected failure failed with ENOMEM and left nothing behind" \
  '[[ "$summary" =~ failed=([0-9]+)\ enomem=([0-9]+)\ masked=([0-9]+)\ other=0\ absorbed=[0-9]+\ leftovers=0$ ]] && [ "${BASH_REMATCH[1]}" = "$(( BASH_REMATCH[2] + BASH_REMATCH[3] ))" ]'
# Modules main.guest.sh does not fault-inject over their init (it says why): the kernel's own irq and platform code.
no_init_faults=" kc_edu forgetirqmod platformselfmod "
for entry in "${modules[@]}"; do
  name=${entry##*:}
  [[ "$no_init_faults" == *" $name "* ]] && continue
  summary=$(grep "^kc-fi-init: $name complete=" "$log")
  echo "    $summary"
  expect "[$name] every fault-injectable call from do_init_module on failed in turn, down to the loader's" \
    '[[ "$summary" =~ complete=yes\ calls=[0-9]+\ in_init=[1-9] ]]'
  expect "[$name] each such failure failed the load with ENOMEM (EINVAL where the driver core masks it, by its log line) and left nothing behind" \
    '[[ "$summary" =~ failed=([0-9]+)\ enomem=([0-9]+)\ masked=([0-9]+)\ other=0\ absorbed=[0-9]+\ leftovers=0$ ]] && [ "${BASH_REMATCH[1]}" = "$(( BASH_REMATCH[2] + BASH_REMATCH[3] ))" ]'
done
summary=$(grep "^kc-fi-open: rust_misc_device complete=" "$log")
echo "    $summary"
expect "[rust_misc_device] the open path: N = 1, 2, ... until an open succeeds with the fault unused, failing inside the device's own open too" \
  '[[ "$summary" =~ complete=yes\ opens=[0-9]+\ in_device=([2-9]|[1-9][0-9]) ]]'
expect "[rust_misc_device] every failed open failed with ENOMEM" \
  '[[ "$summary" =~ failed=([0-9]+)\ enomem=([0-9]+)\ other=0\ absorbed=[0-9]+$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[1]}" -ge 1 ]'
summary=$(grep "^kc-fi-mkdir: rust_configfs complete=" "$log")
echo "    $summary"
expect "[rust_configfs] mkdir of a group: N = 1, 2, ... until a mkdir succeeds with the fault unused, failing inside the module's make_group too" \
  '[[ "$summary" =~ complete=yes\ mkdirs=[0-9]+\ in_module=[1-9] ]]'
expect "[rust_configfs] every failed mkdir failed with ENOMEM and left no directory" \
  '[[ "$summary" =~ failed=([0-9]+)\ enomem=([0-9]+)\ masked=0\ other=0\ absorbed=[0-9]+\ leftovers=0$ ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[1]}" -ge 1 ]'
expect "100 load/use/unload cycles" 'grep -q "^kc-cycles: passed=100 of 100$" "$log"'
expect "kmemleak reports no leak after the fault injection and the cycles" 'grep -q "^kc-leaks: 0$" "$log"'
expect "no detector reported anything (KASAN, lockdep, sleep in atomic, BUG, WARNING, kmemleak)" '! grep -E -q -f "$reports" "$log"'
grep -E -f "$reports" "$log" | head -n 10 | sed 's/^/    /'

echo "boot 2: the controls"
log=$out/controls.serial.log
boot 600 tests/kernel/debug/controls.guest.sh "$log.raw" "${control_files[@]}" "${helpers[@]}"; status=$?
boot_log "$log.raw" "$log"
# lockdep reports only its first finding, so this is the only lockdep control; it names both C# locks' classes.
expect "lockdep reports the lock-order inversion between two C# Mutex types, each its own class" \
  'sed -n "/kc-control: lockdep/,/kc-control: sleep/p" "$log" | grep -q "possible circular locking dependency detected" && sed -n "/kc-control: lockdep/,/kc-control: sleep/p" "$log" | grep -q "lockordermod.first" && sed -n "/kc-control: lockdep/,/kc-control: sleep/p" "$log" | grep -q "lockordermod.second"'
expect "the atomic-sleep checks report the sleep inside the FPU section" 'grep -E -q "BUG: (sleeping function called from invalid context|scheduling while atomic)" "$log"'
expect "KASAN reports the out-of-bounds clear" 'grep -q "BUG: KASAN: slab-out-of-bounds" "$log"'
# The leaked KBox holds 0x6c65616b ("leak"): kmemleak's hex dump of the object shows it.
expect "kmemleak reports the leaked KBox (8 bytes holding \"leak\")" 'grep -q "^kc-leaks: [1-9]" "$log" && sed -n "/kc-kmemleak-begin/,/kc-kmemleak-end/p" "$log" | grep -A3 "(size 8)" | grep -q "6b 61 65 6c"'
expect "DEBUG_OBJECTS reports the armed hrtimer freed behind KernelCrate's back" \
  'sed -n "/kc-control: debugobjects/,/kc-control: unchecked/p" "$log" | grep -q "ODEBUG: free active .*object.* type: hrtimer hint: kc_hrtimer_fn"'
expect "fault injection turns the unchecked allocation into a panic" 'grep -q "uncheckedmod: panicked at .Result.Value read on an error." "$log"'
echo "boot 3: KcTest's [KernelTest]s through dotnet test, under the detectors (KernelTestImage)"
log=$out/kctest.test.log
KC_QEMU_MEM=1024 KC_QEMU_APPEND=kasan_multi_shot dotnet test tests/KernelModules/KcTest -nologo -p:KernelDir="$tree" \
  -p:KernelTestImage="$image" --artifacts-path "$artifacts" > "$log" 2>&1
grep -E "^ *(Passed!|Failed!)|error" "$log" | head -n 20 | sed 's/^/    /'
expect "dotnet test boots the debug kernel with kctest and every [KernelTest] passes with no detector report in it" \
  'grep -E -q "Passed!  - Failed: +0, Passed: +[1-9][0-9]*, Skipped: +0" "$log"'
finish debug
