# Runs inside the QEMU guest: samples/RustDebugfs binds the ACPI device LNUXBEEF (with its "compatible" _DSD) and
# exports /sys/kernel/debug/sample_debugfs: upstream's values, stores, the kernel's errors for bad writes, an open
# file keeping the module loaded, nothing left after unload.
. /kc/guest-lib.sh
grep -q ' /sys/kernel/debug debugfs' /proc/mounts || mount -t debugfs debugfs /sys/kernel/debug
d=/sys/kernel/debug/sample_debugfs
# write FILE TEXT: one write(2) of TEXT (dd from a file, so even 5000 bytes go in one call); "ok" or dd's error.
write() {
  printf '%s' "$2" > /tmp/kc-write
  if dd if=/tmp/kc-write of="$1" bs=8192 count=1 2> /tmp/kc-err; then echo ok; else head -n 1 /tmp/kc-err | sed 's/.*: //'; fi
}
insmod /kc/rust_debugfs.ko; check debugfs-insmod "$?" 0
check debugfs-bound "$(basename "$(readlink /sys/bus/platform/devices/LNUXBEEF:00/driver)")" rust_debugfs
check debugfs-files "$(ls $d | tr '\n' ' ')" "compatible counter pair "
check debugfs-modes "$(stat -c %a $d/compatible $d/counter $d/pair | tr '\n' ' ')" "444 644 644 "
check debugfs-compatible "$(cat $d/compatible)" '"sample-debugfs"'
check debugfs-counter "$(cat $d/counter)" 91
check debugfs-pair "$(cat $d/pair)" "Inner { x: 10, y: 42 }"
check debugfs-counter-store "$(write $d/counter 5)" ok
check debugfs-counter-stored "$(cat $d/counter)" 5
check debugfs-pair-store "$(write $d/pair '1 2')" ok
check debugfs-pair-stored "$(cat $d/pair)" "Inner { x: 1, y: 2 }"
check debugfs-counter-garbage "$(write $d/counter five)" "Invalid argument"
check debugfs-counter-range "$(write $d/counter 99999999999999999999)" "Numerical result out of range"
check debugfs-pair-three "$(write $d/pair '1 2 3')" "Invalid argument"
check debugfs-oversized "$(write $d/counter "$(head -c 5000 /dev/zero | tr '\0' '7')")" "No space left on device"
check debugfs-unchanged "$(cat $d/counter) / $(cat $d/pair)" "5 / Inner { x: 1, y: 2 }"
check debugfs-huge-offset "$(dd if=$d/counter bs=1 skip=1000000 count=1 2>/dev/null | wc -c)" 0
exec 3< $d/counter
rmmod rust_debugfs 2>/dev/null; check debugfs-rmmod-while-open "$?" 1
check debugfs-still-reads "$(cat $d/counter)" 5
exec 3<&-
rmmod rust_debugfs; check debugfs-rmmod "$?" 0
check debugfs-gone "$([ -e $d ] && echo present || echo gone)" gone
