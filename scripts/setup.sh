#!/usr/bin/env bash
# The one setup step: installs with apt everything building and booting kernel modules needs, for every kernel in
# eng/kernels.conf: the kernel image and headers, QEMU, busybox for the initramfs, kbuild's tools, and Debian's
# linux-source-6.12 for the debug kernel (scripts/debug-kernel.sh), and iasl (acpica-tools) for the test boots' ACPI table. Both README
# commands and .ci/run run it first. Idempotent: it asks dpkg which packages are really installed.
# Exit status: 0 ready; 3 this machine cannot install packages (no apt-get, or neither root nor sudo); 1 failure.
set -euo pipefail
kc_root=$(cd "$(dirname "$0")/.." && pwd)
source "$kc_root/scripts/kernels.sh"

tools=(qemu-system-x86 busybox-static cpio kmod build-essential bc flex bison libelf-dev libssl-dev binutils xz-utils linux-source-6.12 acpica-tools)
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }
sudo=
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=sudo; else sudo=none; fi
fi
apt_ready=
can_apt() {
  command -v apt-get >/dev/null && [ "$sudo" != none ] || { echo "setup: cannot install $* (needs apt-get and root or passwordless sudo)" >&2; exit 3; }
}
apt_update() {
  [ -n "$apt_ready" ] && return
  echo "setup: apt-get update"; $sudo apt-get update -q >/dev/null; apt_ready=1
}
apt() {
  can_apt "$@"
  apt_update
  echo "setup: apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

missing=()
for p in "${tools[@]}"; do installed "$p" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] || apt "${missing[@]}"

names=$(kc_kernel_names)
for name in $names; do
  release=$(kc_kernel_release "$name")
  kc_kernel_installed "$release" && continue
  release=$(kc_kernel_pinned "$name")
  can_apt "linux-headers-$release"
  apt-cache show "linux-headers-$release" >/dev/null 2>&1 || apt_update
  if ! apt-cache show "linux-headers-$release" >/dev/null 2>&1; then
    pattern=$(kc_kernel_pattern "$name")
    newest=$(apt-cache pkgnames "linux-headers-${pattern%%\**}" 2>/dev/null | sed 's/^linux-headers-//' \
      | while read -r r; do [[ $r == $pattern ]] && echo "$r"; done | sort -V | tail -n 1)
    [ -n "$newest" ] || { echo "setup: kernel $name: neither $release nor any $pattern is on the archive" >&2; exit 1; }
    echo "setup: kernel $name: $release left the archive; using $newest (update eng/kernels.conf)"
    release=$newest
  fi
  apt "linux-image-$release-unsigned" "linux-headers-$release"
  kc_kernel_installed "$release" || { echo "setup: kernel $name: $release installed but /boot/vmlinuz-$release or its headers are missing" >&2; exit 1; }
done
for name in $names; do echo "setup: kernel $name = $(kc_kernel_release "$name")"; done
