#!/usr/bin/env bash
# The main job: build samples/OxiMod into oximod.ko and boot it in QEMU (Debian's kernel, TCG), printing the
# kernel's lines about it: load, the sysctl, unload.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup-kernel.sh
kver=$(ls /boot/vmlinuz-* | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1)
dotnet build samples/OxiMod -nologo -warnaserror -p:KernelDir=/usr/src/linux-headers-$kver
ko=samples/OxiMod/bin/Debug/net10.0/oximod.ko
modinfo "$ko"
mkdir -p .work
cat > .work/run-oximod.guest.sh <<'GUEST'
insmod /kc/oximod.ko
echo "cat /proc/sys/example/atom: $(cat /proc/sys/example/atom)"
echo 1 > /proc/sys/example/atom
echo "after echo 1: $(cat /proc/sys/example/atom)"
rmmod oximod
GUEST
scripts/qemu-boot.sh --kernel-version "$kver" --script .work/run-oximod.guest.sh --log .work/run-oximod.serial.log "$ko"
echo "--- the kernel's lines (serial console):"
grep -a -E "^(cat|after)|oximod:" .work/run-oximod.serial.log | grep -a -v -E "loading out-of-tree|module verification"
