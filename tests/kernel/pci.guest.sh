# Runs inside the QEMU guest: samples/RustDriverPci binds QEMU's pci-testdev (qemu-boot.sh adds the device), is
# unbound and bound again through sysfs, and unloads; each probe maps BAR 0 and each remove gives it back.
. /kc/guest-lib.sh
uevent=$(grep -l '^PCI_ID=1B36:0005$' /sys/bus/pci/devices/*/uevent | head -n 1)
dev=${uevent%/uevent} slot=$(basename "${uevent%/uevent}")
check pci-testdev-present "${slot:+yes}" yes
bound() { [ -e "$dev/driver" ] && basename "$(readlink "$dev/driver")" || echo none; }
insmod /kc/rust_driver_pci.ko dyndbg=+p; check pci-insmod "$?" 0
check pci-bound "$(bound)" rust_driver_pci
check pci-region "$(grep -c ' : rust_driver_pci$' /proc/iomem)" 1
check pci-enabled "$(cat "$dev/enable")" 1
echo "$slot" > /sys/bus/pci/drivers/rust_driver_pci/unbind; check pci-unbind "$?" 0
check pci-unbound "$(bound)" none
check pci-region-released "$(grep -c ' : rust_driver_pci$' /proc/iomem)" 0
check pci-disabled "$(cat "$dev/enable")" 0
echo "$slot" > /sys/bus/pci/drivers/rust_driver_pci/bind; check pci-rebind "$?" 0
check pci-rebound "$(bound)" rust_driver_pci
rmmod rust_driver_pci; check pci-rmmod "$?" 0
check pci-unbound-at-unload "$(bound)" none
check pci-nothing-left "$(grep -c ' : rust_driver_pci$' /proc/iomem)" 0
check pci-probes "$(dmesg | grep -c "rust_driver_pci $slot: pci-testdev data-match count: 1$")" 2
# Upstream's dev_dbg lines, where the kernel has dynamic debug (Debian's do; the debug kernel does not: under its
# fault injection the kernel's own dynamic debug WARNs when its allocation fails).
if [ -e /proc/dynamic_debug/control ]; then
  check pci-probe-debug "$(dmesg | grep -c "rust_driver_pci $slot: Probe Rust PCI driver sample (PCI ID: 0x1b36, 0x5).$")" 2
  check pci-remove-debug "$(dmesg | grep -c "rust_driver_pci $slot: Remove Rust PCI driver sample.$")" 2
fi
if [ -e /kc/pcifailmod.ko ]; then
  # A probe that enabled the device and mapped BAR 0, then failed: the load succeeds, the device stays unbound, and
  # C gave everything back (the managed Dispose never runs for it).
  insmod /kc/pcifailmod.ko; check pcifail-insmod "$?" 0
  check pcifail-unbound "$(bound)" none
  check pcifail-region-released "$(grep -c ' : pcifailmod$' /proc/iomem)" 0
  check pcifail-disabled "$(cat "$dev/enable")" 0
  check pcifail-errors "$(dmesg | grep -c "pcifailmod $slot: bar0 [0-9]* bytes; again: EBUSY, I/O bar: EINVAL, bar 6: EINVAL; failing$")" 1
  check pcifail-reported "$(dmesg | grep -c "pcifailmod $slot: probe with driver pcifailmod failed with error -16$\|pcifailmod: probe of $slot failed with error -16$")" 1
  rmmod pcifailmod; check pcifail-rmmod "$?" 0
  check pcifail-no-dispose "$(dmesg | grep -c 'Dispose ran for a probe that failed')" 0
  # And rust_driver_pci binds again after it.
  insmod /kc/rust_driver_pci.ko; check pci-after-fail "$(bound)" rust_driver_pci
  rmmod rust_driver_pci
fi
if [ -e /kc/rust_dma.ko ]; then
  # rust_dma on the same device: coherent memory written on probe and checked on remove (a mismatch is a BUG).
  insmod /kc/rust_dma.ko; check dma-insmod "$?" 0
  check dma-bound "$(bound)" rust_dma
  rmmod rust_dma; check dma-rmmod "$?" 0
  check dma-lines "$(dmesg | grep -c "rust_dma $slot: \(Probe\|Unload\) DMA test driver.$")" 2
fi
if [ -e /kc/kc_edu.ko ]; then
  # QEMU's edu device: its interrupt (MSI), a factorial that ends in one, DMA into the device and back.
  uevent=$(grep -l '^PCI_ID=1234:11E8$' /sys/bus/pci/devices/*/uevent | head -n 1)
  edu=$(basename "${uevent%/uevent}")
  check edu-present "${edu:+yes}" yes
  insmod /kc/kc_edu.ko; check edu-insmod "$?" 0
  check edu-irq "$(grep -c ' kc_edu$' /proc/interrupts)" 1
  echo "kc-edu-interrupt: $(grep ' kc_edu$' /proc/interrupts | tr -s ' ')"
  for line in "edu 1.0, alive" "config space: 1234:11e8" "interrupt 0x1000 handled" "10! = 3628800 (interrupt 0x1)" \
      "DMA: 256 bytes to the device and back, 256 equal; 4 interrupts"; do
    check "edu-line-$(echo "$line" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-' | cut -c1-24)" "$(dmesg | grep -c -F "kc_edu $edu: $line")" 1
  done
  rmmod kc_edu; check edu-rmmod "$?" 0
  check edu-irq-freed "$(grep -c ' kc_edu$' /proc/interrupts)" 0
  check edu-region-released "$(grep -c ' : kc_edu$' /proc/iomem)" 0
fi
if [ -e /kc/forgetirqmod.ko ]; then
  # A driver whose Dispose forgets its interrupt handler and DMA memory: the remove frees both, saying so.
  insmod /kc/forgetirqmod.ko; check forgetirq-insmod "$?" 0
  check forgetirq-irq "$(grep -c ' forgetirqmod$' /proc/interrupts)" 1
  rmmod forgetirqmod; check forgetirq-rmmod "$?" 0
  check forgetirq-irq-freed "$(grep -c ' forgetirqmod$' /proc/interrupts)" 0
  check forgetirq-said-irq "$(dmesg | grep -c "forgetirqmod $edu: an interrupt handler (kind 1) was not disposed before remove: freed$")" 1
  check forgetirq-said-dma "$(dmesg | grep -c "forgetirqmod $edu: a DMA allocation of 512 bytes was not disposed before remove: freed$")" 1
fi
echo "kc-pci-dmesg-begin"; dmesg | grep -e rust_driver_pci -e rust_dma -e kc_edu -e pcifailmod -e forgetirqmod; echo "kc-pci-dmesg-end"
