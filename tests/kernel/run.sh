#!/usr/bin/env bash
# The real-kernel tests: build OxiMod, the KernelCrate test module and the panic module; check the .ko files;
# boot Debian's kernel under QEMU three times and assert from the serial logs. Prints "kernel: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${KC_TEST_OUT:-$root/.work/kernel-tests}
mkdir -p "$out"
source "$root/tests/lib.sh"
skip_loudly() {
  echo "############################################################"
  echo "## SKIPPED: kernel tests cannot run on this machine: $1"
  echo "############################################################"
  echo "kernel: 0 passed, 0 failed, 1 skipped"
  exit 0
}

if ! scripts/setup-kernel.sh; then skip_loudly "installing kernel, headers and QEMU with apt failed"; fi
kver=$(ls /boot/vmlinuz-* 2>/dev/null | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1)
[ -n "$kver" ] || skip_loudly "no kernel image in /boot"
kdir=/usr/src/linux-headers-$kver
[ -f "$kdir/Module.symvers" ] || skip_loudly "no headers for $kver"
echo "kernel tests against $kver"

build() { dotnet build "$1" -nologo -v q -warnaserror -p:KernelDir="$kdir" "${@:2}" > "$out/$(basename "$1").build.log" 2>&1; }
bad_lines='BUG:|Oops|WARNING:|general protection|stack-protector'

echo "build"
expect "OxiMod builds clean with -warnaserror" 'build samples/OxiMod'
expect "KcTest builds" 'build tests/KernelModules/KcTest'
expect "PanicMod builds" 'build tests/KernelModules/PanicMod'
expect "FailMod builds" 'build tests/KernelModules/FailMod'
oxi=samples/OxiMod/bin/Debug/net10.0/oximod.ko
kct=tests/KernelModules/KcTest/bin/Debug/net10.0/kctest.ko
pan=tests/KernelModules/PanicMod/bin/Debug/net10.0/panicmod.ko
fail=tests/KernelModules/FailMod/bin/Debug/net10.0/failmod.ko
expect "a no-op rebuild runs neither ilc nor kbuild" \
  'dotnet build samples/OxiMod -nologo -v n -p:KernelDir="$kdir" > "$out/noop.log" 2>&1 && for t in _KernelCrateIlc _KernelCrateCheckObject _KernelCrateKbuild; do grep -q "Skipping target \"$t\"" "$out/noop.log" || exit 1; done && ! grep -q "Task \"RunIlc\"\|Task \"RunKbuild\"" "$out/noop.log"'
expect "modinfo shows license, author, description" \
  '[ "$(modinfo -F license $oxi)" = GPL ] && [ "$(modinfo -F author $oxi)" = "The Man from Ox" ] && [ "$(modinfo -F description $oxi)" = "Oxidize the Kernel" ]'
expect "vermagic matches the booted kernel" '[[ "$(modinfo -F vermagic $oxi)" == "$kver "* ]]'
expect "oximod.ko: managed code entered only inside the FPU bracket" 'tests/kernel/check-entries.sh $oxi'
expect "kctest.ko: managed code entered only inside the FPU bracket" 'tests/kernel/check-entries.sh $kct'
# The managed object of the module that uses every API needs nothing but kernel exports and KernelCrate's helpers.
undefined=$(nm -u tests/KernelModules/KcTest/obj/Debug/net10.0/kbuild/managed.ilc.o | awk '{print $2}' | sort -u)
echo "    kctest managed.ilc.o undefined symbols: $(echo $undefined)"
expect "managed object imports only kernel functions and KernelCrate's C helpers" \
  'for s in $undefined; do case $s in kc_*|RhpReversePInvoke|RhpReversePInvokeReturn|RhpFallbackFailFast|__security_cookie) ;; *) grep -q -w "$s" "$kdir/Module.symvers" || { echo "    not a kernel export: $s"; exit 1; } ;; esac; done'
expect "a GC allocation fails the build with KC9002 naming the method" \
  '! build tests/KernelModules/AllocMod && grep -q "KC9002: .AllocMod.AllocMod.Init. allocates on the GC heap" "$out/AllocMod.build.log"'
expect "missing kernel headers give one KC9001 error" \
  '! dotnet build samples/OxiMod -nologo -v q -p:KernelDir=/nonexistent > "$out/noheaders.log" 2>&1 && [ "$(grep -c "error KC9001" "$out/noheaders.log")" -ge 1 ] && [ "$(grep "error" "$out/noheaders.log" | grep -v KC9001 | wc -l)" -eq 0 ]'

# A C error in the kbuild stage reaches MSBuild with its file and line (a broken copy of the C helpers).
bad=$out/bad-native
rm -rf "$bad" && cp -r src/KernelCrate/Native "$bad"
sed -i '40i #error kernelcrate-test-error' "$bad/kc_helpers.c"
expect "a kbuild compiler error surfaces as an MSBuild error with file and line" \
  '! dotnet build tests/KernelModules/FailMod -nologo -v q -p:KernelDir="$kdir" -p:KernelCrateNativeDir="$bad/" -p:KernelCrateKbuildDir="$out/bad-kbuild/" > "$out/bad-native.log" 2>&1 && grep -q "kc_helpers.c(40,[0-9]*): kbuild error KC9004: #error kernelcrate-test-error" "$out/bad-native.log"'

if ! command -v qemu-system-x86_64 >/dev/null; then skip_loudly "qemu-system-x86_64 is not installed"; fi

boot() { scripts/qemu-boot.sh --kernel-version "$kver" --timeout 240 --script "$1" --log "$2" "${@:3}"; }

echo "boot 1: OxiMod"
log=$out/oximod.serial.log
boot tests/kernel/oximod.guest.sh "$log" "$oxi"
checks=$(grep -a -c "kc-check: .* ok" "$log")
expect "all OxiMod guest checks pass ($checks)" '[ "$checks" -ge 18 ] && ! grep -a -q "kc-check: .* FAIL" "$log"'
grep -a "kc-check: .* FAIL" "$log" | sed 's/^/    /'
expect "hello line" 'grep -a -q "oximod: Hello world, I am oximod!" "$log"'
expect "Bye line" 'grep -a -q "oximod: Bye!" "$log"'
expect "21 loads and unloads logged" '[ "$(grep -a -c "oximod: Bye!" "$log")" -ge 21 ]'
expect "no BUG/Oops/WARNING/GPF/stack-protector" '! grep -a -E -q "$bad_lines" "$log"'

echo "boot 2: KernelCrate in-kernel tests"
log=$out/kctest.serial.log
cat > "$out/kctest.guest.sh" <<'GUEST'
insmod /kc/kctest.ko && rmmod kctest
dmesg | grep kctest
err=$(insmod /kc/failmod.ko 2>&1); echo "kc-failmod: insmod status $? ($err)"
echo "kc-failmod: sysctl left: $(ls /proc/sys/failmod 2>/dev/null | wc -l), loaded: $(grep -c failmod /proc/modules)"
err=$(insmod /kc/failmod.ko 2>&1); echo "kc-failmod: second insmod status $? ($err)"
dmesg | grep failmod
GUEST
boot "$out/kctest.guest.sh" "$log" "$kct" "$fail"
summary=$(grep -a -o "kctest: [0-9]* passed, [0-9]* failed" "$log" | tail -n 1)
echo "    $summary"
grep -a "kctest: FAIL" "$log" | sed 's/^/    /'
expect "in-kernel tests ran and none failed" '[[ "$summary" =~ kctest:\ ([1-9][0-9]*)\ passed,\ 0\ failed ]]'
expect "every printk level reached the log" 'for l in emerg alert crit err warning notice info; do grep -a -q "kctest: level $l" "$log" || exit 1; done'
expect "formatting in the kernel" 'grep -a -q "kctest: format 42 -42 beef true EIO cstr bytes" "$log"'
expect "a failed Init: insmod reports ENODEV" 'grep -a -q "kc-failmod: insmod status 19 (.*No such device" "$log"'
expect "a failed Init leaves nothing registered or loaded" 'grep -a -q "kc-failmod: sysctl left: 0, loaded: 0" "$log" && grep -a -q "kc-failmod: second insmod status 19 (.*No such device" "$log"'
expect "Dispose never runs after a failed Init" 'grep -a -q "failmod: registered, now failing with ENODEV" "$log" && ! grep -a -q "Dispose ran after a failed Init" "$log"'
expect "no BUG/Oops/WARNING in the test boot" '! grep -a -E -q "$bad_lines" "$log"'

echo "boot 3: a bounds-check panic"
log=$out/panicmod.serial.log
printf 'insmod /kc/panicmod.ko\necho "kc-test: survived"\n' > "$out/panicmod.guest.sh"
boot "$out/panicmod.guest.sh" "$log" "$pan"
expect "panicked at" 'grep -a -q "panicmod: panicked at .index out of bounds." "$log"'
expect "kernel BUG" 'grep -a -q "kernel BUG at" "$log"'
expect "a C# frame in the stack trace" 'grep -a -E -q "PanicMod_PanicMod_PanicMod__Init\+0x" "$log"'

finish kernel
