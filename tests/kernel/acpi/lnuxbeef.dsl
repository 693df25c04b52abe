/*
 * The ACPI device Rust-for-Linux's samples/rust/rust_driver_platform.rs and rust_debugfs.rs document for their ACPI
 * match: _HID LNUXBEEF with one fixed memory range and (rust_debugfs.rs's) a "compatible" _DSD property.
 * tests/kernel/run.sh boots with it (KC_QEMU_ACPI); the kernel makes it the platform device LNUXBEEF:00.
 */
DefinitionBlock ("", "SSDT", 2, "TEST", "VIRTACPI", 0x00000001)
{
    Scope (\_SB)
    {
        Device (T432)
        {
            Name (_HID, "LNUXBEEF")
            Name (_UID, 1)
            Name (_STA, 0x0F)
            Name (_DSD, Package () {
                ToUUID("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package() {
                    Package(2) {"compatible", "sample-debugfs"}
                }
            })
            Name (_CRS, ResourceTemplate ()
            {
                Memory32Fixed (ReadWrite, 0xFED00000, 0x1000)
            })
        }
    }
}
