#!/usr/bin/env bash
# The main job: build samples/OxiMod into oximod.ko for the default kernel and boot it in QEMU, printing the
# kernel's lines about it: load, the sysctl, unload.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
source scripts/kernels.sh
kernel=${1:-$(kc_default_kernel)}
dotnet build samples/OxiMod -nologo -warnaserror -p:KernelDir="$(kc_kernel_headers "$kernel")"
ko=samples/OxiMod/bin/Debug/net10.0/oximod.ko
modinfo "$ko"
mkdir -p .work
cat > .work/run-oximod.guest.sh <<'GUEST'
echo "cat /proc/sys/example/atom: $(cat /proc/sys/example/atom)"
echo 1 > /proc/sys/example/atom
echo "after echo 1: $(cat /proc/sys/example/atom)"
GUEST
scripts/boot-module.sh --script .work/run-oximod.guest.sh "$ko"
