#!/usr/bin/env bash
# Boots the kernel a module was built for (its vermagic) in QEMU, loads the module, runs an optional guest script,
# unloads it, and prints the module's kernel lines. Fails on a failed load or unload, or any BUG/WARNING/Oops.
#   boot-module.sh [--script GUEST.sh] MODULE.ko|FOLDER [FILE...]
# GUEST.sh runs in the VM after insmod (the files are in /kc); the default only loads and unloads. A FOLDER must hold
# one .ko (a module project's output folder: `dotnet run` calls this so). KernelCrate's package carries this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
guest=
if [ "${1:-}" = --script ]; then guest=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: boot-module.sh [--script GUEST.sh] MODULE.ko|FOLDER [FILE...]" >&2; exit 2; }
ko=$1; shift
if [ -d "$ko" ]; then
  found=("$ko"/*.ko)
  [ ${#found[@]} -eq 1 ] && [ -f "${found[0]}" ] || { echo "boot-module: $ko holds no .ko (or several): build the module first" >&2; exit 2; }
  ko=${found[0]}
fi
[ -f "$ko" ] || { echo "boot-module: no module $ko" >&2; exit 2; }
name=$(modinfo -F name "$ko"); release=$(modinfo -F vermagic "$ko" | awk '{print $1}')
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
{
  echo "insmod /kc/$(basename "$ko") || { echo \"kc-boot: insmod failed (\$?)\"; exit 0; }"
  echo "echo \"kc-boot: $name loaded\""
  [ -z "$guest" ] || echo "sh /kc/$(basename "$guest") 2>&1 | sed 's/^/guest: /'"
  echo "rmmod $name && echo \"kc-boot: $name unloaded\" || echo \"kc-boot: rmmod failed\""
} > "$work/guest.sh"
extra=()
[ -z "$guest" ] || extra+=("$guest")
echo "boot-module: booting $release with $name in QEMU (serial log: $work/serial.log)"
# The module's lines and the kernel's bug reports as they come (the serial log is followed while QEMU runs).
shown='^guest: |kc-boot: |^\[ *[0-9.]+\] '"$name"': |BUG:|WARNING:|Oops|general protection|Kernel panic'
bash "$here/qemu-boot.sh" --release "$release" --script "$work/guest.sh" --log "$work/serial.log" "$ko" "${extra[@]}" "$@" &
qemu=$!
sleep 0.2
tail -n +1 -F --pid="$qemu" "$work/serial.log" 2>/dev/null | grep -a --line-buffered -E "$shown" \
  | grep -a --line-buffered -v -E "loading out-of-tree|module verification" | sed -u 's/\r$//' || true
wait "$qemu"; status=$?
[ "$status" != 124 ] || echo "boot-module: the boot timed out" >&2
[ "$status" -lt 3 ] || [ "$status" = 124 ] || exit "$status"
grep -a -q "kc-boot: $name unloaded" "$work/serial.log" || { echo "boot-module: the module did not load and unload cleanly" >&2; exit 1; }
! grep -a -q -E "BUG:|WARNING:|Oops|general protection|Kernel panic" "$work/serial.log" || { echo "boot-module: the kernel reported a bug" >&2; exit 1; }
