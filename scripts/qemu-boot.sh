#!/usr/bin/env bash
# Boots one of Debian's kernels under QEMU (KVM where it works, else TCG) with a busybox initramfs that runs a test
# script.
#   qemu-boot.sh --script init.sh --log serial.log [--release RELEASE | --kernel NAME | --image PATH] [--timeout SEC] FILE...
# RELEASE is a `uname -r` string, NAME one of eng/kernels.conf (default: its first), PATH a bzImage (the debug
# kernel). The machine has QEMU's pci-testdev (1b36:0005) and edu (1234:11e8, DMA to 32 address bits), which the PCI driver samples bind. KC_QEMU_MEM sets the guest's memory in MB (default 512), KC_QEMU_APPEND adds to the kernel command line, KC_QEMU_ACPI names an ACPI table source (.dsl) that iasl
# compiles and QEMU adds to the machine's tables (the platform driver samples' LNUXBEEF device).
# FILEs (modules, helpers) are copied into /kc in the initramfs; the script runs as /kc/test.sh after proc, sys and
# a tmpfs are mounted, and the machine powers off when it ends. Exit status: QEMU's (124 on time-out).
set -euo pipefail

script= log= kver= image= timeout_s=120
# kernels.sh (the repository's kernel list) is needed only to name a kernel; the package's copy of this script is
# always given --release.
kernels() { source "$(dirname "$0")/kernels.sh" && "$@"; }
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --script) script=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --release) kver=$2; shift 2 ;;
    --kernel) kver=$(kernels kc_kernel_release "$2"); shift 2 ;;
    --image) image=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ -n "$script" ] && [ -n "$log" ] || { echo "usage: qemu-boot.sh --script S --log L [FILE...]" >&2; exit 2; }
if [ -n "$image" ]; then
  kernel=$image
  [ -r "$kernel" ] || { echo "qemu-boot: no kernel image $kernel" >&2; exit 3; }
else
  if [ -z "$kver" ]; then kver=$(kernels kc_kernel_release "$(kernels kc_default_kernel)"); fi
  kernel=/boot/vmlinuz-$kver
  [ -r "$kernel" ] || { echo "qemu-boot: no kernel image $kernel (bash scripts/setup.sh installs the supported kernels; or apt-get install linux-image-$kver-unsigned)" >&2; exit 3; }
fi
command -v qemu-system-x86_64 >/dev/null || { echo "qemu-boot: qemu-system-x86_64 is missing (apt-get install qemu-system-x86)" >&2; exit 3; }
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
acpi_table=()
if [ -n "${KC_QEMU_ACPI:-}" ]; then
  command -v iasl >/dev/null || { echo "qemu-boot: iasl is missing for KC_QEMU_ACPI (apt-get install acpica-tools)" >&2; exit 3; }
  cp "$KC_QEMU_ACPI" "$work/table.dsl"
  iasl -p "$work/table" "$work/table.dsl" > "$work/iasl.log" 2>&1 || { cat "$work/iasl.log" >&2; exit 3; }
  acpi_table=(-acpitable "file=$work/table.aml")
fi
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

qemu() { # qemu TIMEOUT ACCEL INITRD LOG
  timeout "$1" qemu-system-x86_64 -machine q35,accel=$2 -cpu max -m "${KC_QEMU_MEM:-512}" -smp 1 \
    -kernel "$kernel" -initrd "$3" -device pci-testdev -device edu,dma_mask=0xffffffff "${acpi_table[@]}" \
    -append "console=ttyS0 panic=-1 oops=panic loglevel=7 ${KC_QEMU_APPEND:-}" \
    -nographic -no-reboot -serial "file:$4" -monitor none -display none
}

# KVM where it works, TCG otherwise. Nested KVM was seen to hang at boot on this kind of machine, so the first boot
# on a machine with /dev/kvm boots a do-nothing initramfs under KVM (30 s at most) and the answer is kept for the
# host's kernel in ~/.cache/kernelcrate (one probe at a time). KC_QEMU_ACCEL=tcg or kvm decides instead.
choose_accel() {
  [ -w /dev/kvm ] || { echo tcg; return; }
  local base=${KC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kernelcrate}
  local answer=$base/qemu-accel.$(uname -r)
  mkdir -p "$base"
  {
    flock 8
    if [ ! -s "$answer" ]; then
      mkdir -p "$work/probe"
      cp -a "$root/bin" "$work/probe/"
      printf '#!/bin/sh\necho "kc-probe: up"\npoweroff -f\n' > "$work/probe/init"
      chmod +x "$work/probe/init"
      (cd "$work/probe" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/probe.gz"
      if qemu 30 kvm "$work/probe.gz" "$work/probe.log" > /dev/null 2>&1 && grep -a -q "kc-probe: up" "$work/probe.log"; then
        echo kvm > "$answer"
      else
        echo tcg > "$answer"
        echo "qemu-boot: KVM did not boot a kernel within 30 s here: TCG from now on ($answer)" >&2
      fi
    fi
  } 8> "$answer.lock"
  cat "$answer"
}
accel=${KC_QEMU_ACCEL:-$(choose_accel)}
qemu "$timeout_s" "$accel" "$work/initrd.gz" "$log"
status=$?
set -e
exit $status
