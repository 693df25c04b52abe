#!/usr/bin/env bash
# Boots Debian's kernel under QEMU (TCG) with a busybox initramfs that runs a test script.
#   qemu-boot.sh --script init.sh --log serial.log [--kernel-version VER] [--timeout SEC] FILE...
# FILEs (modules, helpers) are copied into /kc in the initramfs; the script runs as /kc/test.sh after proc, sys and
# a tmpfs are mounted, and the machine powers off when it ends. Exit status: QEMU's (124 on time-out).
set -euo pipefail

script= log= kver= timeout_s=120
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --script) script=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --kernel-version) kver=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ -n "$script" ] && [ -n "$log" ] || { echo "usage: qemu-boot.sh --script S --log L [FILE...]" >&2; exit 2; }
if [ -z "$kver" ]; then
  kver=$(ls /boot/vmlinuz-* 2>/dev/null | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1)
fi
kernel=/boot/vmlinuz-$kver
[ -r "$kernel" ] || { echo "qemu-boot: no kernel image $kernel (apt-get install linux-image-amd64)" >&2; exit 3; }
busybox=$(command -v busybox || echo /bin/busybox)
[ -x "$busybox" ] || { echo "qemu-boot: busybox-static is not installed" >&2; exit 3; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{bin,sbin,proc,sys,dev,tmp,kc,etc}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"; done
printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
for f in "${files[@]}"; do cp "$f" "$root/kc/"; done
cp "$script" "$root/kc/test.sh"
cat > "$root/init" <<'INIT'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
echo "kc-boot: start"
sh /kc/test.sh
echo "kc-boot: end"
poweroff -f
INIT
chmod +x "$root/init" "$root/kc/test.sh"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"

: > "$log"
set +e
timeout "$timeout_s" qemu-system-x86_64 -machine q35,accel=tcg -cpu max -m 512 -smp 1 \
  -kernel "$kernel" -initrd "$work/initrd.gz" \
  -append "console=ttyS0 panic=-1 oops=panic loglevel=7" \
  -nographic -no-reboot -serial "file:$log" -monitor none -display none
status=$?
set -e
exit $status
