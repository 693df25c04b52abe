/*
 * The ACPI device Rust-for-Linux's samples/rust/rust_driver_platform.rs documents for its ACPI match: _HID
 * LNUXBEEF with one fixed memory range. tests/kernel/run.sh boots with it (KC_QEMU_ACPI); the kernel makes it the
 * platform device LNUXBEEF:00.
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
            Name (_CRS, ResourceTemplate ()
            {
                Memory32Fixed (ReadWrite, 0xFED00000, 0x1000)
            })
        }
    }
}
