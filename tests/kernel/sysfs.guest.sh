# Runs inside the QEMU guest: tests/KernelModules/SysfsMod's attributes in /sys/class/misc/kc-sysfs (modes, show,
# store and its errors, a read-only file refusing writes), a file held open across rmmod, and an attribute the
# module forgets (forget=1) removed, with an error, before its misc device goes.
. /kc/guest-lib.sh
s=/sys/class/misc/kc-sysfs
# write FILE TEXT: one write(2) of TEXT; "ok" or the error dd gives.
write() {
  printf '%s' "$2" > /tmp/kc-write
  if dd if=/tmp/kc-write of="$1" bs=8192 count=1 2> /tmp/kc-err; then echo ok; else head -n 1 /tmp/kc-err | sed 's/.*: //'; fi
}
lines() { dmesg | grep -c "sysfsmod: $1"; }
insmod /kc/sysfsmod.ko; check attr-insmod "$?" 0
check attr-files "$(cd $s && ls greeting value left 2>/dev/null | tr '\n' ' ')" "greeting value "
check attr-modes "$(stat -c %a $s/value $s/greeting | tr '\n' ' ')" "644 444 "
check attr-value "$(cat $s/value)" "0 after 0 stores"
check attr-greeting "$(cat $s/greeting)" "hello from minor $(cut -d: -f2 $s/dev)"
check attr-store "$(write $s/value 42)" ok
check attr-stored "$(cat $s/value)" "42 after 1 stores"
check attr-store-newline "$(write $s/value "$(printf '7\n')")" ok
check attr-store-einval "$(write $s/value seven)" "Invalid argument"
check attr-store-erange "$(write $s/value 1001)" "Numerical result out of range"
check attr-store-erange-u32 "$(write $s/value 99999999999)" "Numerical result out of range"
check attr-after-errors "$(cat $s/value)" "7 after 2 stores"
check attr-readonly "$(write $s/greeting x)" "Permission denied"
# A file open across rmmod: the attribute is removed (kernfs drains and refuses it), its read then fails, not the kernel.
exec 3< $s/value
rmmod sysfsmod; check attr-rmmod "$?" 0
check attr-open-after-rmmod "$(cat <&3 2>&1 | sed 's/.*: //')" "No such device"
exec 3<&-
check attr-gone "$(ls /sys/class/misc | grep -c kc-sysfs)" 0
check attr-disposed "$(lines 'value disposed') $(lines 'greeting disposed')" "1 1"
check attr-no-leftover "$(dmesg | grep -c 'sysfs attribute .* was not disposed')" 0
# forget=1: 'left' is never disposed; the deregistration removes it with an error naming it, unload frees its
# block (its state, never disposed, prints nothing).
insmod /kc/sysfsmod.ko forget=1; check attr-insmod-forget "$?" 0
check attr-left "$(cat $s/left)" "hello from minor -1"
rmmod sysfsmod; check attr-rmmod-forget "$?" 0
check attr-left-removed "$(dmesg | grep -c 'sysfs attribute left was not disposed before its misc device.s deregistration: removed')" 1
check attr-disposed-forget "$(lines 'value disposed') $(lines 'greeting disposed')" "2 2"
insmod /kc/sysfsmod.ko && rmmod sysfsmod; check attr-again "$?" 0
