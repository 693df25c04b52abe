# Runs inside the QEMU guest: rust_misc_device (samples/RustMiscDevice) driven from user space by misc-device-user.
. /kc/guest-lib.sh
dev=/dev/rust-misc-device
user=/kc/misc-device-user
echo "kc-mark: misc-begin" > /dev/kmsg
insmod /kc/rust_misc_device.ko; check misc-insmod "$?" 0
check misc-node "$(stat -c '%F %a %t' $dev)" "character special file 600 a"
check misc-in-proc-misc "$(grep -c ' rust-misc-device$' /proc/misc)" 1
$user upstream $dev; check misc-upstream-program "$?" 0
# Upstream's program, then its kernel lines with their levels, before the cycles below fill the log buffer.
echo "kc-misc-dmesg-begin"; dmesg -r | sed -n '/kc-mark: misc-begin/,$p' | grep -e 'rust_misc_device: ' -e 'misc rust-misc-device: '; echo "kc-misc-dmesg-end"
$user scenario $dev; check misc-scenario "$?" 0
# 200 cycles print 1,600 device lines: off the console (the log keeps them), so the serial port is not the bottleneck.
level=$(cut -f1 /proc/sys/kernel/printk); dmesg -n 1
$user cycles $dev 200; check misc-200-cycles "$?" 0
dmesg -n "$level"
exec 3< $dev
err=$(rmmod rust_misc_device 2>&1); check misc-rmmod-while-open-refused "$?:$(grep -c rust_misc_device /proc/modules)" 1:1
exec 3<&-
rmmod rust_misc_device; check misc-rmmod "$?" 0
check misc-node-gone "$(ls $dev 2>/dev/null | wc -l):$(grep -c rust-misc-device /proc/misc)" 0:0
# A device that implements only read: write and ioctl are NULL in its file_operations, so the kernel answers them.
insmod /kc/opsmod.ko; check misc-readonly-insmod "$?" 0
$user readonly /dev/kc-readonly; check misc-readonly-device "$?" 0
rmmod opsmod; check misc-readonly-rmmod "$?" 0
