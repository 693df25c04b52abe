#!/usr/bin/env bash
# Installs what building and booting kernel modules needs (Debian): the kernel image and headers QEMU boots,
# QEMU, busybox for the initramfs, and kbuild's tools. Idempotent; exits 0 if all is there.
set -euo pipefail
packages=(linux-image-amd64 linux-headers-amd64 qemu-system-x86 busybox-static cpio kmod build-essential bc flex bison libelf-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup-kernel: installing ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
