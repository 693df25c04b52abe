# Runs inside the QEMU guest: module parameters from insmod and sysfs (ParamMod), and the two Rust-for-Linux twins.
. /kc/guest-lib.sh
p=/sys/module/parammod/parameters
insmod /kc/parammod.ko; check insmod-defaults "$?" 0
check sysfs-flag "$(cat $p/flag)" Y
check sysfs-flag-mode "$(stat -c %a $p/flag)" 644
check sysfs-short-mode "$(stat -c %a $p/short)" 444
check sysfs-label "$(cat $p/label)" dflt
check sysfs-levels "$(cat $p/levels)" 1,2,3
check not-in-sysfs "$(ls $p | grep -c -x -e small -e delta -e size -e extra)" 0
echo 0 > $p/flag; check sysfs-write-flag "$?" 0
echo 42 > $p/count; check sysfs-write-count "$?" 0
err=$( (echo x > $p/count) 2>&1 ); check sysfs-write-bad-refused "$(echo "$err" | grep -c 'Invalid argument')" 1
err=$( (echo 1 > $p/short) 2>&1 ); check sysfs-readonly-refused "$?" 1
rmmod parammod; check rmmod-defaults "$?" 0
insmod /kc/parammod.ko flag=n small=1 short=-7 wide=0 count=-3 mask=0x10 offset=9223372036854775807 limit=5 delta=-9 size=0 label=hello levels=4,5 extra=18446744073709551615; check insmod-set "$?" 0
check sysfs-levels-set "$(cat $p/levels)" 4,5
rmmod parammod
# busybox insmod exits with the errno: EINVAL (22) for a value that is not a number, ERANGE (34) for one out of range.
err=$(insmod /kc/parammod.ko small=abc 2>&1); check not-a-number-refused-EINVAL "$?:$(echo "$err" | grep -c 'Invalid argument')" 22:1
err=$(insmod /kc/parammod.ko small=256 2>&1); check out-of-range-refused-ERANGE "$?" 34
err=$(insmod /kc/parammod.ko levels=1,2,3,4,5 2>&1); check too-many-values-refused-EINVAL "$?" 22
check refused-not-loaded "$(grep -c parammod /proc/modules)" 0

m=/sys/module/rust_minimal/parameters/test_parameter
insmod /kc/rust_minimal.ko; check rust-minimal-insmod "$?" 0
check rust-minimal-default "$(cat $m)" 1
rmmod rust_minimal
insmod /kc/rust_minimal.ko test_parameter=7; check rust-minimal-insmod-7 "$?" 0
check rust-minimal-set "$(cat $m)" 7
rmmod rust_minimal
insmod /kc/rust_print.ko; check rust-print-insmod "$?" 0
rmmod rust_print; check rust-print-rmmod "$?" 0
echo "kc-dmesg-begin"; dmesg -r | grep -e parammod -e rust_minimal -e rust_print -e 'message (level' -e 'A line that' -e 'says' -e 'hello, world'; echo "kc-dmesg-end"
