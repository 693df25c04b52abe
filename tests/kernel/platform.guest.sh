# Runs inside the QEMU guest: samples/RustDriverPlatform binds the ACPI device LNUXBEEF (KC_QEMU_ACPI gives QEMU
# tests/kernel/acpi/lnuxbeef.dsl), is unbound and bound again through sysfs, and unloads.
. /kc/guest-lib.sh
dev=/sys/bus/platform/devices/LNUXBEEF:00
check platform-device-present "$([ -e $dev ] && echo yes)" yes
bound() { [ -e "$dev/driver" ] && basename "$(readlink "$dev/driver")" || echo none; }
insmod /kc/rust_driver_platform.ko dyndbg=+p; check platform-insmod "$?" 0
check platform-bound "$(bound)" rust_driver_platform
echo LNUXBEEF:00 > /sys/bus/platform/drivers/rust_driver_platform/unbind; check platform-unbind "$?" 0
check platform-unbound "$(bound)" none
echo LNUXBEEF:00 > /sys/bus/platform/drivers/rust_driver_platform/bind; check platform-rebind "$?" 0
check platform-rebound "$(bound)" rust_driver_platform
rmmod rust_driver_platform; check platform-rmmod "$?" 0
check platform-unbound-at-unload "$(bound)" none
check platform-probes "$(dmesg | grep -c "rust_driver_platform LNUXBEEF:00: Probed with info: '0'.$")" 2
if [ -e /proc/dynamic_debug/control ]; then
  check platform-probe-debug "$(dmesg | grep -c "rust_driver_platform LNUXBEEF:00: Probe Rust Platform driver sample.$")" 2
  check platform-remove-debug "$(dmesg | grep -c "rust_driver_platform LNUXBEEF:00: Remove Rust Platform driver sample.$")" 2
fi
echo "kc-platform-dmesg-begin"; dmesg | grep rust_driver_platform; echo "kc-platform-dmesg-end"
if [ -e /kc/platformselfmod.ko ]; then
  # A device of the module's own, bound by name: no firmware entry needed.
  insmod /kc/platformselfmod.ko; check platself-insmod "$?" 0
  check platself-bound "$(basename "$(readlink /sys/bus/platform/devices/platformselfmod/driver)")" platformselfmod
  check platself-no-info "$(dmesg | grep -c 'platformselfmod platformselfmod: bound by name, no id info$')" 1
  rmmod platformselfmod; check platself-rmmod "$?" 0
  check platself-unbound "$(dmesg | grep -c 'platformselfmod platformselfmod: unbound$')" 1
  check platself-gone "$([ -e /sys/bus/platform/devices/platformselfmod ] && echo present || echo gone)" gone
fi
