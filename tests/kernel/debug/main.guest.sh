# Runs inside the debug kernel: the modules' scenarios, the fault-injection loop over every module's init, load/use
# cycles, then kmemleak. tests/kernel/debug.sh asserts the log holds no detector report.
. /kc/lib.guest.sh
echo clear > $km
atom=/proc/sys/example/atom

# The same scenarios as on the production kernels (tests/kernel/run.sh's guest scripts), then KcTest's test module
# (its KTAP totals line).
phase scenarios
sh /kc/oximod.guest.sh
sh /kc/params.guest.sh
sh /kc/misc.guest.sh
sh /kc/deferred.guest.sh
sh /kc/pci.guest.sh
sh /kc/platform.guest.sh
sh /kc/debugfs.guest.sh
sh /kc/procfs.guest.sh
sh /kc/configfs.guest.sh
sh /kc/sysfs.guest.sh
insmod /kc/kctest.ko; check kctest-insmod "$?" 0
rmmod kctest
dmesg | grep -q "kctest: # totals: pass:[1-9][0-9]* fail:0 skip:0"; check kctest-none-failed "$?" 0

phase whole-load-fault-loop
fault_loop oximod /kc/oximod.ko "" /proc/sys/example
phase init-fault-loops
init_fault_loop oximod /kc/oximod.ko "" /proc/sys/example
init_fault_loop kctest /kc/kctest.ko ""
init_fault_loop parammod /kc/parammod.ko "label=fault levels=3,4"
init_fault_loop rust_minimal /kc/rust_minimal.ko "test_parameter=2"
init_fault_loop rust_print /kc/rust_print.ko ""
init_fault_loop rust_misc_device /kc/rust_misc_device.ko "" /dev/rust-misc-device
init_fault_loop opsmod /kc/opsmod.ko "" /dev/kc-readonly
init_fault_loop heartbeat /kc/heartbeat.ko ""
init_fault_loop forgetmod /kc/forgetmod.ko ""
init_fault_loop rust_driver_pci /kc/rust_driver_pci.ko "" /sys/bus/pci/drivers/rust_driver_pci
init_fault_loop pcifailmod /kc/pcifailmod.ko "" /sys/bus/pci/drivers/pcifailmod
init_fault_loop rust_dma /kc/rust_dma.ko "" /sys/bus/pci/drivers/rust_dma
# kc_edu and forgetirqmod are not fault-injected over their init: failed allocations inside the kernel's own irq
# setup (irq_pin_list, /proc/irq/N, the irq's kobject) leave its state so that remove_proc_entry WARNs and
# interrupts stop arriving, which is the kernel's, not the driver's, and makes each later load wait out a timeout.
# platformselfmod neither: platform_device_add ignores dev_set_name's failed allocation and device_add then returns
# EINVAL for the nameless device, without a line to tell it from a real EINVAL. Their scenarios run above under
# every detector.
init_fault_loop rust_driver_platform /kc/rust_driver_platform.ko "" /sys/bus/platform/drivers/rust_driver_platform
init_fault_loop rust_debugfs /kc/rust_debugfs.ko "" /sys/kernel/debug/sample_debugfs
init_fault_loop proc_records /kc/proc_records.ko "" /proc/kc_squares
init_fault_loop rust_configfs /kc/rust_configfs.ko "" /sys/kernel/config/rust_configfs
init_fault_loop sysfsmod /kc/sysfsmod.ko "" /sys/class/misc/kc-sysfs

phase open-fault-loop
# The misc device's open path, as fault_loop does for a load: every failed open must fail with ENOMEM, and some of the
# faults must fall inside the device's own open (C's file state and the C# Open's Mutex).
insmod /kc/rust_misc_device.ko
quiet
echo 2 > $fs/verbose
load open-loop rust_misc_device /dev/rust-misc-device 200
echo 1 > $fs/verbose
loud
rmmod rust_misc_device; check open-fault-loop-rmmod "$?" 0

phase mkdir-fault-loop
# A configfs group's creation, as the open path: configfs's own allocations and the module's (the C block, the
# C# MakeGroup's state), each failed in turn.
insmod /kc/rust_configfs.ko
quiet
echo 2 > $fs/verbose
load mkdir-loop rust_configfs /sys/kernel/config/rust_configfs/child 200
echo 1 > $fs/verbose
loud
rmmod rust_configfs; check mkdir-fault-loop-rmmod "$?" 0

phase cycles
quiet
load cycles 100 insmod:/kc/oximod.ko put:$atom:1 get:$atom:1 rmmod:oximod insmod:/kc/rust_minimal.ko rmmod:rust_minimal \
  insmod:/kc/rust_misc_device.ko run:/kc/misc-device-user:cycles:/dev/rust-misc-device:1 rmmod:rust_misc_device
loud
phase kmemleak
leak_scan
phase end
