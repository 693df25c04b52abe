// SPDX-License-Identifier: GPL-2.0
/* dev_printk: a line prefixed with the device's driver (or class) and name, e.g. "misc rust-misc-device: ". */
#include <linux/device.h>

#ifdef KC_USES_kc_dev_printk
void kc_dev_printk(int level, void *device, const u8 *text, size_t len)
{
	char prefix[] = KERN_SOH "6";

	if (level < 0 || level > 7)
		level = 6;
	prefix[1] = '0' + level;
	/* Debug lines go through dynamic debug, as dev_dbg does; the others straight to the log. */
	if (level == 7)
		dev_dbg((struct device *)device, "%.*s\n", (int)len, text);
	else
		_dev_printk(prefix, (struct device *)device, "%.*s\n", (int)len, text);
}
#endif

#ifdef KC_USES_kc_device_property_string
#include <linux/property.h>

/* A string property of the device's firmware node (devicetree or ACPI _DSD), valid while the device is bound. */
void *kc_device_property_string(void *device, const char *name, int *error)
{
	const char *value = NULL;

	*error = device_property_read_string(device, name, &value);
	return *error ? NULL : (void *)value;
}
#endif
