#!/usr/bin/env bash
# The real-kernel tests, on every kernel of eng/kernels.conf: build OxiMod, the KernelCrate test module, the
# failing-init and panic modules for it, ParamMod and the Rust-for-Linux twins; check the .ko files (IBT and FPU rules); boot that kernel under QEMU four
# times (one of them through `dotnet test` of KcTest) and assert from the serial logs. Build errors that do not depend on the kernel are checked once.
# scripts/setup.sh (run first by scripts/test.sh) installs the kernels; KC_KERNEL_SKIP names why this machine
# cannot, and then the stage skips loudly. Prints "kernel: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${KC_TEST_OUT:-$root/.work/kernel-tests}
mkdir -p "$out"
source "$root/tests/lib.sh"
source "$root/scripts/kernels.sh"
[ -z "${KC_KERNEL_SKIP:-}" ] || skip_loudly kernel "$KC_KERNEL_SKIP"
names=$(kc_kernel_names) || exit 1
bad_lines='BUG:|Oops|WARNING:|general protection|stack-protector|sleeping function called|Kernel panic'
oxi=samples/OxiMod/bin/Debug/net10.0/oximod.ko
kct=tests/KernelModules/KcTest/bin/Debug/net10.0/kctest.ko
bomb=samples/TimeBomb/bin/Debug/net10.0/timebomb.ko
fail=tests/KernelModules/FailMod/bin/Debug/net10.0/failmod.ko
par=tests/KernelModules/ParamMod/bin/Debug/net10.0/parammod.ko
rmin=samples/RustMinimal/bin/Debug/net10.0/rust_minimal.ko
rprn=samples/RustPrint/bin/Debug/net10.0/rust_print.ko
rmd=samples/RustMiscDevice/bin/Debug/net10.0/rust_misc_device.ko
ops=tests/KernelModules/OpsMod/bin/Debug/net10.0/opsmod.ko
beat=samples/Heartbeat/bin/Debug/net10.0/heartbeat.ko
forget=tests/KernelModules/ForgetMod/bin/Debug/net10.0/forgetmod.ko
rpci=samples/RustDriverPci/bin/Debug/net10.0/rust_driver_pci.ko
pcifail=tests/KernelModules/PciFailMod/bin/Debug/net10.0/pcifailmod.ko
rdma=samples/RustDma/bin/Debug/net10.0/rust_dma.ko
edu=samples/Edu/bin/Debug/net10.0/kc_edu.ko
forgetirq=tests/KernelModules/ForgetIrqMod/bin/Debug/net10.0/forgetirqmod.ko
rplat=samples/RustDriverPlatform/bin/Debug/net10.0/rust_driver_platform.ko
rdebugfs=samples/RustDebugfs/bin/Debug/net10.0/rust_debugfs.ko
procrec=samples/ProcRecords/bin/Debug/net10.0/proc_records.ko
platself=tests/KernelModules/PlatformSelfMod/bin/Debug/net10.0/platformselfmod.ko
rcfs=samples/RustConfigfs/bin/Debug/net10.0/rust_configfs.ko
sysfsmod=tests/KernelModules/SysfsMod/bin/Debug/net10.0/sysfsmod.ko
build() { dotnet build "$1" -nologo -v q -warnaserror -p:KernelDir="$kdir" "${@:2}" > "$out/$(basename "$1").build.log" 2>&1; }
boot() { scripts/qemu-boot.sh --release "$release" --timeout 240 --script "$1" --log "$2" "${@:3}"; }

first=$(awk '{print $1}' <<< "$names")
kdir=$(kc_kernel_headers "$first") release=$(kc_kernel_release "$first")
echo "build checks that do not depend on the kernel (against $release)"
expect "a GC allocation fails the build with KC9002 naming the method" \
  '! build tests/KernelModules/AllocMod && grep -q "KC9002: .AllocMod.AllocMod.Init. allocates on the GC heap" "$out/AllocMod.build.log"'
expect "a jump table and a function pointer fail the build with KC9008 naming each method" \
  '! build tests/KernelModules/IbtMod && grep -q "KC9008: .IbtMod.IbtMod.Classify. has an indirect jump" "$out/IbtMod.build.log" && grep -q "KC9008: .IbtMod.IbtMod.Init. has an indirect call" "$out/IbtMod.build.log" && grep -q "KC9008: the address of .IbtMod.IbtMod.Twice. is taken" "$out/IbtMod.build.log" && [ ! -e tests/KernelModules/IbtMod/bin/Debug/net10.0/ibtmod.ko ]'
classify_line=$(( $(grep -n "static int Classify" tests/KernelModules/IbtMod/IbtMod.cs | cut -d: -f1) + 1 ))
expect "KC9008 points at the C# method it is in (Classify's body, line $classify_line), not at the build's targets" \
  'grep -q "IbtMod.cs($classify_line,[0-9]*): KernelCrate error KC9008: .IbtMod.IbtMod.Classify." "$out/IbtMod.build.log" && grep -q "AllocMod.cs([0-9]*,[0-9]*): KernelCrate error KC9002" "$out/AllocMod.build.log"'
expect "missing kernel headers give one KC9001 error" \
  '! dotnet build samples/OxiMod -nologo -v q -p:KernelDir=/nonexistent > "$out/noheaders.log" 2>&1 && [ "$(grep -c "error KC9001" "$out/noheaders.log")" -ge 1 ] && [ "$(grep "error" "$out/noheaders.log" | grep -v KC9001 | wc -l)" -eq 0 ]'
expect "KC9001 on Debian's -common header folder names the build tree beside it" \
  '! dotnet build samples/OxiMod -nologo -v q -p:KernelDir="${kdir%-amd64}-common" > "$out/common.log" 2>&1 && grep -q "KC9001.*common header folder: use the build tree beside it, $kdir" "$out/common.log"'
expect "OxiMod builds for $release and names the kernel" \
  'dotnet build samples/OxiMod -nologo -v n -p:KernelDir="$kdir" > "$out/names-kernel.log" 2>&1 && grep -q "KernelCrate: oximod.ko is for kernel $release ($kdir)" "$out/names-kernel.log"'
expect "a no-op rebuild runs neither ilc nor kbuild" \
  'dotnet build samples/OxiMod -nologo -v n -p:KernelDir="$kdir" > "$out/noop.log" 2>&1 && for t in _KernelCrateIlc _KernelCrateCheckObject _KernelCrateKbuild; do grep -q "Skipping target \"$t\"" "$out/noop.log" || exit 1; done && ! grep -q "Task \"RunIlc\"\|Task \"RunKbuild\"" "$out/noop.log"'
# A C error in the kbuild stage reaches MSBuild with its file and line (a broken copy of the C helpers).
bad=$out/bad-native
rm -rf "$bad" && cp -r src/KernelCrate/Native "$bad"
sed -i '12i #error kernelcrate-test-error' "$bad/kc_helpers.c"
expect "a kbuild compiler error surfaces as an MSBuild error with file and line, and leaves no .ko" \
  '! dotnet build tests/KernelModules/FailMod -nologo -v q -p:KernelDir="$kdir" -p:KernelCrateNativeDir="$bad/" -p:KernelCrateKbuildDir="$out/bad-kbuild/" > "$out/bad-native.log" 2>&1 && grep -q "kc_helpers.c(12,[0-9]*): kbuild error KC9004: #error kernelcrate-test-error" "$out/bad-native.log" && [ ! -e "$fail" ]'
expect "scripts/boot-module.sh fails when the module does not load (FailMod's Init fails)" \
  'build tests/KernelModules/FailMod && ! scripts/boot-module.sh "$fail" > "$out/boot-failmod.log" 2>&1 && grep -q "did not load and unload cleanly" "$out/boot-failmod.log"'
expect "the misc-device user program builds (static)" 'gcc -static -O2 -Wall -o "$out/misc-device-user" tests/kernel/misc/misc-device-user.c'
misc_user=$out/misc-device-user
if [ "$(wc -w <<< "$names")" -ge 2 ]; then
  second=$(awk '{print $2}' <<< "$names")
  expect "another KernelDir rebuilds the .ko for that kernel" \
    'dotnet build samples/OxiMod -nologo -v q -p:KernelDir="$(kc_kernel_headers "$second")" > "$out/switch.log" 2>&1 && [[ "$(modinfo -F vermagic $oxi)" == "$(kc_kernel_release "$second") "* ]]'
fi

for name in $names; do
release=$(kc_kernel_release "$name") kdir=$(kc_kernel_headers "$name")
if ! kc_kernel_installed "$release"; then expect "[$name] kernel $release is installed (scripts/setup.sh)" 'false'; continue; fi
ibt=; grep -q "^CONFIG_X86_KERNEL_IBT=y" "$kdir/.config" 2>/dev/null && ibt=ibt
echo "== kernel $name: $release${ibt:+ (IBT)}"
out=$root/.work/kernel-tests/$name
mkdir -p "$out"
expect "[$name] OxiMod builds clean with -warnaserror" 'build samples/OxiMod'
expect "[$name] modinfo shows license, author, description" \
  '[ "$(modinfo -F license $oxi)" = GPL ] && [ "$(modinfo -F author $oxi)" = "The Man from Ox" ] && [ "$(modinfo -F description $oxi)" = "Oxidize the Kernel" ]'
expect "[$name] vermagic is $release" '[[ "$(modinfo -F vermagic $oxi)" == "$release "* ]]'
expect "[$name] oximod.ko: managed code reached only by direct calls, no indirect branch, SIMD only inside the FPU section" 'tests/kernel/check-entries.sh $oxi $ibt'
expect "[$name] KcTest builds" 'build tests/KernelModules/KcTest'
expect "[$name] kctest.ko: managed code reached only by direct calls, no indirect branch, SIMD only inside the FPU section" 'tests/kernel/check-entries.sh $kct $ibt'
expect "[$name] TimeBomb builds" 'build samples/TimeBomb'
expect "[$name] FailMod builds" 'build tests/KernelModules/FailMod'
expect "[$name] ParamMod, RustMinimal, RustPrint and RustMiscDevice build" 'build tests/KernelModules/ParamMod && build samples/RustMinimal && build samples/RustPrint && build samples/RustMiscDevice'
expect "[$name] rust_misc_device.ko: managed code reached only by direct calls, no indirect branch, SIMD only inside the FPU section" 'tests/kernel/check-entries.sh $rmd $ibt'
# Only the entries a module uses are in its .ko (the table of entry points): no sysctl handler without a sysctl, no
# write or ioctl entry for a device that implements neither.
expect "[$name] OpsMod builds; opsmod.ko has read but no write or ioctl entry, rust_minimal.ko no sysctl handler, oximod.ko has one" \
  'build tests/KernelModules/OpsMod && tests/kernel/check-entries.sh $ops $ibt > /dev/null && nm $ops | grep -q -w kc_miscdev_read && ! nm $ops | grep -E -q -w "kc_miscdev_(write|ioctl)|kc_fop_(write|ioctl)" && ! nm $rmin | grep -q -e kc_sysctl -e SysctlDispatch && nm $oxi | grep -q -w kc_sysctl_handle'
expect "[$name] Heartbeat and ForgetMod build; heartbeat.ko: its timer callback runs outside the FPU section, managed code reached only by direct calls" \
  'build samples/Heartbeat && build tests/KernelModules/ForgetMod && tests/kernel/check-entries.sh $beat $ibt > /dev/null && grep -q "^#define KC_FPU_kc_hrtimer_fire 0" samples/Heartbeat/obj/Debug/net10.0/kbuild/kc_config.h'
expect "[$name] RustDriverPci, PciFailMod, RustDma, Edu, ForgetIrqMod, RustDriverPlatform and PlatformSelfMod build; rust_driver_pci.ko: upstream's alias, managed code reached only by direct calls" \
  'build samples/RustDriverPci && build tests/KernelModules/PciFailMod && build samples/RustDma && build samples/Edu && build tests/KernelModules/ForgetIrqMod && build samples/RustDriverPlatform && build tests/KernelModules/PlatformSelfMod && tests/kernel/check-entries.sh $rpci $ibt > /dev/null && modinfo -F alias $rpci | grep -q -x "pci:v00001B36d00000005sv\*sd\*bc\*sc\*i\*"'
expect "[$name] RustDebugfs builds; its debugfs store is compiled in" \
  'build samples/RustDebugfs && [ "$(nm $rdebugfs | grep -c -w kc_debugfs_store)" -ge 1 ]'
expect "[$name] RustConfigfs builds; its configfs store and make_group are compiled in" \
  'build samples/RustConfigfs && [ "$(nm $rcfs | grep -c -w -e kc_configfs_store -e kc_configfs_make_group)" -ge 2 ]'
expect "[$name] SysfsMod builds; its sysfs store is compiled in" \
  'build tests/KernelModules/SysfsMod && [ "$(nm $sysfsmod | grep -c -w kc_sysfs_store)" -ge 1 ]'
# Debian builds configfs as a module: the guest loads the kernel package's own (decompressed here for busybox's insmod).
configfs=()
if grep -q "^CONFIG_CONFIGFS_FS=m" "$kdir/.config"; then
  configfs_ko=/lib/modules/$release/kernel/fs/configfs/configfs.ko
  expect "[$name] the kernel package's configfs.ko is here" \
    '{ [ -f $configfs_ko ] && cp $configfs_ko "$out/configfs.ko"; } || { [ -f $configfs_ko.xz ] && xz -dc $configfs_ko.xz > "$out/configfs.ko"; }'
  configfs=("$out/configfs.ko")
fi
# Grow.Run returns from inside a using block, so ilc calls a finally funclet in it: without its symbol objtool stops,
# and on 6.12 (objtool run once on the linked module) the module would have no return sites: the kernel WARNs
# "Unpatched return thunk in use" at the first return through the C helpers.
expect "[$name] ProcRecords builds; its funclet has a symbol and the module its return sites" \
  'build samples/ProcRecords && [ "$(nm $procrec | grep -c " t kc_funclet_")" -ge 1 ] && [ "$(readelf -S $procrec | grep -c "\.return_sites")" -ge 1 ]'
expect "[$name] kc_edu.ko: its interrupt handler runs outside the FPU section, managed code reached only by direct calls" \
  'tests/kernel/check-entries.sh $edu $ibt > /dev/null && grep -q "^#define KC_FPU_kc_irq_handle 0" samples/Edu/obj/Debug/net10.0/kbuild/kc_config.h'
expect "[$name] modinfo shows each parameter with its description and type" \
  '[ "$(modinfo -F parm $rmin)" = "test_parameter:This parameter has a default of 1 (long)" ] && modinfo -F parm $par | grep -q -x "label:A string (charp)" && modinfo -F parm $par | grep -q -x "levels: (array of int)" && modinfo -F parm $par | grep -q -x "flag:A bool root may change (bool)"'
# The managed object of the module that uses every API needs nothing but kernel exports and KernelCrate's helpers.
undefined=$(nm -u tests/KernelModules/KcTest/obj/Debug/net10.0/kbuild/managed.ilc.o | awk '{print $2}' | sort -u)
echo "    kctest managed.ilc.o undefined symbols: $(echo $undefined)"
expect "[$name] managed object imports only kernel functions and KernelCrate's C helpers" \
  'for s in $undefined; do case $s in kc_*|RhpReversePInvoke|RhpReversePInvokeReturn|RhpFallbackFailFast|__security_cookie) ;; *) grep -q -w "$s" "$kdir/Module.symvers" || { echo "    not a kernel export: $s"; exit 1; } ;; esac; done'
expect "[$name] kbuild printed no warning" '! grep -h "kbuild warning" "$out"/*.build.log'

echo "boot 1: OxiMod"
log=$out/oximod.serial.log
boot tests/kernel/oximod.guest.sh "$log" "$oxi" tests/kernel/guest-lib.sh
checks=$(grep -a -c "kc-check: .* ok" "$log")
expect "[$name] all OxiMod guest checks pass ($checks)" '[ "$checks" -ge 18 ] && ! grep -a -q "kc-check: .* FAIL" "$log"'
grep -a "kc-check: .* FAIL" "$log" | sed 's/^/    /'
expect "[$name] hello line" 'grep -a -q "oximod: Hello world, I am oximod!" "$log"'
expect "[$name] Bye line" 'grep -a -q "oximod: Bye!" "$log"'
expect "[$name] 21 loads and unloads logged" '[ "$(grep -a -c "oximod: Bye!" "$log")" -ge 21 ]'
expect "[$name] no BUG/Oops/WARNING/GPF/stack-protector" '! grep -a -E -q "$bad_lines" "$log"'

echo "boot 2: KernelCrate's [KernelTest]s, through dotnet test as a user runs them (KcTest is a KernelTestProject)"
log=$out/kctest.test.log
dotnet test tests/KernelModules/KcTest -nologo -p:KernelDir="$kdir" > "$log" 2>&1
grep -E "^ *(Passed!|Failed!)|error" "$log" | head -n 20 | sed 's/^/    /'
expect "[$name] dotnet test boots kctest and every [KernelTest] passes, each reported" \
  'grep -E -q "Passed!  - Failed: +0, Passed: +[1-9][0-9]*, Skipped: +0" "$log" && [ "$(grep -c "^ *Passed KcTest\." "$log")" -ge 20 ]'
grep -E -q "Passed!  - Failed: +0" "$log" || { echo "    the last boot's serial log ends:"; tail -n 25 "$(grep -o -m 1 "serial log [^)]*" "$log" | cut -d' ' -f3)" | sed 's/^/    | /'; }
expect "[$name] every printk level reached the log" 'for l in emerg alert crit err warning notice info; do grep -a -q "kctest: level $l" "$log" || exit 1; done'
expect "[$name] formatting in the kernel" 'grep -a -q "kctest: format 42 -42 beef true EIO cstr bytes" "$log"'

echo "boot 3: module parameters, the misc device, the Rust-for-Linux twins, timers and work, the PCI driver, then a failing Init"
log=$out/params.serial.log
cat > "$out/failmod.guest.sh" <<'GUEST'
err=$(insmod /kc/failmod.ko 2>&1); echo "kc-failmod: insmod status $? ($err)"
echo "kc-failmod: sysctl left: $(ls /proc/sys/failmod 2>/dev/null | wc -l), loaded: $(grep -c failmod /proc/modules)"
err=$(insmod /kc/failmod.ko 2>&1); echo "kc-failmod: second insmod status $? ($err)"
dmesg | grep failmod
GUEST
printf 'sh /kc/params.guest.sh\nsh /kc/misc.guest.sh\nsh /kc/deferred.guest.sh\nsh /kc/pci.guest.sh\nsh /kc/platform.guest.sh\nsh /kc/debugfs.guest.sh\nsh /kc/procfs.guest.sh\nsh /kc/configfs.guest.sh\nsh /kc/sysfs.guest.sh\nsh /kc/failmod.guest.sh\n' > "$out/boot3.guest.sh"
KC_QEMU_ACPI=tests/kernel/acpi/lnuxbeef.dsl boot "$out/boot3.guest.sh" "$log" "$par" "$rmin" "$rprn" "$rmd" "$ops" "$beat" "$forget" "$rpci" "$pcifail" "$rdma" "$edu" "$forgetirq" "$rplat" "$rdebugfs" "$procrec" "$platself" "$rcfs" "${configfs[@]}" "$sysfsmod" "$misc_user" "$fail" tests/kernel/guest-lib.sh tests/kernel/params.guest.sh tests/kernel/misc.guest.sh tests/kernel/deferred.guest.sh tests/kernel/pci.guest.sh tests/kernel/platform.guest.sh tests/kernel/debugfs.guest.sh tests/kernel/procfs.guest.sh tests/kernel/configfs.guest.sh tests/kernel/sysfs.guest.sh "$out/failmod.guest.sh"
tr -d '\r' < "$log" > "$out/params.clean.log" && log=$out/params.clean.log
checks=$(grep -a -c "kc-check: .* ok" "$log")
expect "[$name] all parameter guest checks pass ($checks)" '[ "$checks" -ge 24 ] && ! grep -a -q "kc-check: .* FAIL" "$log"'
grep -a "kc-check: .* FAIL" "$log" | sed 's/^/    /'
expect "[$name] defaults reach C#: every type, at its limits" \
  'grep -a -q "parammod: init flag=true small=200 short=-5 wide=65535 count=-2147483648 mask=0xffffffff$" "$log" && grep -a -q "parammod: init offset=-9223372036854775808 limit=18446744073709551615 delta=-1 size=7 label=\"dflt\" levels=\[1, 2, 3\] extra=\[\]$" "$log"'
expect "[$name] insmod values reach C#" \
  'grep -a -q "parammod: init flag=false small=1 short=-7 wide=0 count=-3 mask=0x10$" "$log" && grep -a -q "parammod: init offset=9223372036854775807 limit=5 delta=-9 size=0 label=\"hello\" levels=\[4, 5\] extra=\[18446744073709551615\]$" "$log"'
expect "[$name] sysfs writes reach C# while the module runs" 'grep -a -q "parammod: exit flag=false small=200 .* count=42 " "$log"'
# The twins' lines with their levels (dmesg -r), timestamps dropped, against upstream's (tests/kernel/rust-samples.expected).
sed -n '/kc-dmesg-begin/,/kc-dmesg-end/p' "$log" | grep -a -E '^<[0-7]>\[[^]]*\] rust_(minimal|print): ' \
  | sed -E 's/^(<[0-7]>)\[[^]]*\] /\1/; s/\[[^]]*RustPrint\.cs:[0-9]+\]/[RustPrint.cs:LINE]/' > "$out/rust-samples.log"
expect "[$name] rust_minimal and rust_print print upstream's lines at upstream's levels" 'diff -u tests/kernel/rust-samples.expected "$out/rust-samples.log"'
misc_checks=$(grep -a -c "kc-check: misc-" "$log") scenario_checks=$(sed -n '/kc-check: misc-upstream-program/,/kc-scenario:/p' "$log" | grep -a -c "kc-check: .* ok")
expect "[$name] rust_misc_device: node, upstream's program, the scenario, 200 cycles, rmmod refused while open, nothing left ($misc_checks + $scenario_checks checks)" \
  '[ "$misc_checks" -ge 9 ] && [ "$scenario_checks" -ge 25 ] && ! grep -a -q "kc-check: .* FAIL" "$log" && grep -a -q "kc-cycles: 200 done" "$log"'
expect "[$name] opsmod: a device with only read reads, and the kernel answers write with EINVAL and ioctl with ENOTTY" \
  '[ "$(grep -a -c "kc-check: readonly-\(open\|read\|write-EINVAL\|ioctl-ENOTTY\) ok" "$log")" -eq 4 ] && grep -a -q "kc-check: misc-readonly-rmmod ok" "$log"'
# Upstream's program's kernel lines with their levels against upstream's (the taint notices of a first load dropped).
sed -n '/kc-misc-dmesg-begin/,/kc-misc-dmesg-end/p' "$log" | grep -a -E '^<[0-7]>' | grep -a -v -e 'taint' \
  | sed -E 's/^(<[0-7]>)\[[^]]*\] /\1/' > "$out/rust-misc-device.log"
expect "[$name] rust_misc_device prints upstream's lines at upstream's levels" 'diff -u tests/kernel/rust-misc-device.expected "$out/rust-misc-device.log"'
beats=$(grep -a -o -E '\[ *[0-9]+\.[0-9]+\] heartbeat: beat [1-5]$' "$log" | sed -E 's/^\[ *([0-9.]+)\] heartbeat: beat ([1-5])$/\2 \1/')
expect "[$name] heartbeat: the periodic timer's five beats reach the work item in order, over at least 4 periods by the kernel's clock" \
  '[ "$(cut -d" " -f1 <<< "$beats" | tr -d "\n")" = 12345 ] && awk "NR==1{first=\$2} NR==5{exit !(\$2 - first >= 0.35)}" <<< "$beats"'
expect "[$name] heartbeat: init waited on the completion the last beat's work completed, then unload stopped everything" \
  'ms=$(grep -a -o -E "heartbeat: 5 beats in [0-9]+ ms" "$log" | grep -o -E "[0-9]+ ms" | cut -d" " -f1) && [ "$ms" -ge 400 ] && [ "$ms" -lt 10000 ] && grep -a -q "heartbeat: stopped" "$log" && [ "$(grep -a -c "kc-check: heartbeat-[a-z]* ok" "$log")" -eq 3 ]'
expect "[$name] forgetmod: unload cancels the timer and the work item and removes the debugfs directory its Dispose left alive, says so, and the kernel goes on" \
  'grep -a -q "forgetmod: a timer (kind 1) was not disposed before unload: cancelled" "$log" && grep -a -q "forgetmod: a work item (kind 1) was not disposed before unload: cancelled" "$log" && grep -a -q "forgetmod: a debugfs directory was not disposed before unload: removed" "$log" && [ "$(grep -a -c "kc-check: forget-[a-z-]* ok" "$log")" -eq 5 ]'
expect "[$name] rust_driver_pci binds pci-testdev (data-match count 1, upstream's debug lines), unbinds, binds again and unloads, giving back BAR 0 and the device each time" \
  '[ "$(grep -a -c "kc-check: pci-[a-z-]* ok" "$log")" -eq 18 ] && ! grep -a -q "kc-check: pci.* FAIL" "$log"'
expect "[$name] pcifailmod: a probe that fails after taking the device and BAR 0 is reported by the kernel, gives both back, never runs Dispose" \
  '[ "$(grep -a -c "kc-check: pcifail-[a-z-]* ok" "$log")" -eq 8 ]'
expect "[$name] rust_dma writes its coherent memory on probe and finds it unchanged on remove, with upstream's lines" \
  '[ "$(grep -a -c "kc-check: dma-[a-z-]* ok" "$log")" -eq 4 ]'
expect "[$name] kc_edu: its ids in config space, its interrupt (its own line in /proc/interrupts), a factorial ending in one, 256 bytes by DMA into the device and back through 64-bit registers; all freed at unload" \
  '[ "$(grep -a -c "kc-check: edu-[a-z0-9-]* ok" "$log")" -eq 11 ]'
expect "[$name] forgetirqmod: the remove frees the interrupt handler and the DMA memory its Dispose forgot, and says so" \
  '[ "$(grep -a -c "kc-check: forgetirq-[a-z-]* ok" "$log")" -eq 6 ]'
expect "[$name] rust_driver_platform binds the ACPI device LNUXBEEF with upstream's line (info 0) and debug lines, unbinds, binds again, unloads" \
  '[ "$(grep -a -c "kc-check: platform-[a-z-]* ok" "$log")" -eq 12 ]'
expect "[$name] platformselfmod: a platform device of the module's own binds its driver by name (no id info), and unloading unbinds and removes it" \
  '[ "$(grep -a -c "kc-check: platself-[a-z-]* ok" "$log")" -eq 6 ]'
expect "[$name] rust_debugfs: upstream's three files with upstream's values, stores, EINVAL/ERANGE/ENOSPC for bad writes, rmmod refused while a file is open, nothing left after" \
  '[ "$(grep -a -c "kc-check: debugfs-[a-z-]* ok" "$log")" -eq 21 ]'
expect "[$name] proc_records: /proc/kc_squares read 20 times while it grows, every read whole and gapless, seekable, gone after unload" \
  '[ "$(grep -a -c "kc-check: proc-[a-z-]* ok" "$log")" -eq 11 ]'
expect "[$name] rust_configfs: upstream's attributes, values and lines, mkdir two levels deep and EPERM at the third, a page's store, rmmod refused while a group exists or a file is open, rmdir while open, nothing left after" \
  '[ "$(grep -a -c "kc-check: configfs-[a-z-]* ok" "$log")" -eq 30 ]'
expect "[$name] sysfsmod: a misc device's attributes with their modes, shows, stores and their EINVAL/ERANGE, EACCES on a read-only one, ENODEV for a file open across rmmod, a forgotten one removed with an error before its device goes" \
  '[ "$(grep -a -c "kc-check: attr-[a-z0-9-]* ok" "$log")" -eq 24 ]'
expect "[$name] a failed Init: insmod reports ENODEV" 'grep -a -q "kc-failmod: insmod status 19 (.*No such device" "$log"'
expect "[$name] a failed Init leaves nothing registered or loaded" 'grep -a -q "kc-failmod: sysctl left: 0, loaded: 0" "$log" && grep -a -q "kc-failmod: second insmod status 19 (.*No such device" "$log"'
expect "[$name] Dispose never runs after a failed Init" 'grep -a -q "failmod: registered, now failing with ENODEV" "$log" && ! grep -a -q "Dispose ran after a failed Init" "$log"'
expect "[$name] no BUG/Oops/WARNING in the parameter, misc-device and failing-Init boot" '! grep -a -E -q "$bad_lines" "$log"'

echo "boot 4: TimeBomb, the seed's countdown 0.5 s apart, then a bounds-check panic"
log=$out/timebomb.serial.log
printf 'insmod /kc/timebomb.ko\necho "kc-test: survived"\n' > "$out/timebomb.guest.sh"
boot "$out/timebomb.guest.sh" "$log" "$bomb"
# The kernel's own timestamps of the four lines: each after the one before by 0.5 s or more (and under 3 s on TCG).
stamps=$(tr -d '\r' < "$log" | grep -a -o -E '\[ *[0-9]+\.[0-9]+\] timebomb: (countdown \.\.\.|\.\. [210])$' | sed -E 's/^\[ *([0-9.]+)\].*/\1/')
echo "    countdown timestamps: $(echo $stamps)"
expect "[$name] timebomb prints countdown, .. 2, .. 1, .. 0, each 0.5 s after the last by the kernel's clock" \
  '[ "$(wc -l <<< "$stamps")" -eq 4 ] && awk "NR > 1 { d = \$1 - p; if (d < 0.5 || d > 3) exit 1 } { p = \$1 }" <<< "$stamps"'
expect "[$name] panicked at" 'grep -a -q "timebomb: panicked at .index out of bounds." "$log"'
expect "[$name] kernel BUG" 'grep -a -q "kernel BUG at" "$log"'
expect "[$name] a C# frame in the stack trace" 'grep -a -E -q "TimeBomb_TimeBomb_TimeBomb__Init\+0x" "$log"'
expect "[$name] the module never printed past the bad read" '! grep -a -q "timebomb: boom" "$log"'
done

finish kernel
