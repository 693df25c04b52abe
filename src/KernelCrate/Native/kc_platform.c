// SPDX-License-Identifier: GPL-2.0
/*
 * Platform drivers. The platform_driver and its ACPI and OF match tables are C's, one per registration, built from
 * the tables the [PlatformDriver] generator wrote (an ACPI id: 16 bytes of _HID and a u32 info; an OF id: 128 bytes
 * of compatible and a u32 info); the managed type is named by its kind number. A bound device is C's allocation
 * too: the platform_device and the managed type's bytes. The probe is told the matching id's info, if a table
 * matched (a device bound by its name has none). Probe and remove run in process context.
 */
#include <linux/platform_device.h>
#include <linux/acpi.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/mod_devicetable.h>

#ifdef KC_USES_kc_platform_register
#define KC_ACPI_ID_BYTES (ACPI_ID_LEN + 4)
#define KC_OF_ID_BYTES (128 + 4)

struct kc_platform_driver {
	struct platform_driver driver;
	u32 kind;
	size_t state_size;
	struct acpi_device_id *acpi_ids; /* count + 1, the last zeroed; NULL for none */
	struct of_device_id *of_ids;
};

struct kc_platform_device {
	struct platform_device *pdev;
	u32 kind;
	u64 state[];
};

static int kc_platform_probe_fn(struct platform_device *pdev)
{
	struct kc_platform_driver *driver = container_of(to_platform_driver(pdev->dev.driver), struct kc_platform_driver, driver);
	const struct acpi_device_id *acpi = driver->acpi_ids ? acpi_match_device(driver->acpi_ids, &pdev->dev) : NULL;
	const struct of_device_id *of = driver->of_ids ? of_match_device(driver->of_ids, &pdev->dev) : NULL;
	u32 info = acpi ? (u32)acpi->driver_data : of ? (u32)(uintptr_t)of->data : 0;
	struct kc_platform_device *device;
	int ret;

	device = kzalloc(struct_size(device, state, DIV_ROUND_UP(driver->state_size, sizeof(u64))), GFP_KERNEL);
	if (!device)
		return -ENOMEM;
	device->pdev = pdev;
	device->kind = driver->kind;
	platform_set_drvdata(pdev, device);
	KC_ENTER(KC_FPU_kc_platform_probe,
		 ret = kc_aligned_platform_probe(driver->kind, device, info, acpi || of, device->state));
	if (ret) {
		kc_sysfs_remove_of(&pdev->dev, "its failed probe returned");
		platform_set_drvdata(pdev, NULL);
		kfree(device);
	}
	return ret;
}

static void kc_platform_remove_fn(struct platform_device *pdev)
{
	struct kc_platform_device *device = platform_get_drvdata(pdev);

	KC_ENTER(KC_FPU_kc_platform_remove, kc_aligned_platform_remove(device->kind, device->state));
	kc_sysfs_remove_of(&pdev->dev, "its driver's remove returned");
	platform_set_drvdata(pdev, NULL);
	kfree(device);
}

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 11, 0)
/* Before 6.11 remove returned int (remove_new took void). */
static int kc_platform_remove_int(struct platform_device *pdev)
{
	kc_platform_remove_fn(pdev);
	return 0;
}
#endif

static struct acpi_device_id *kc_acpi_ids(const u8 *table, u32 count)
{
	struct acpi_device_id *ids = kcalloc(count + 1, sizeof(*ids), GFP_KERNEL);
	u32 i, info;

	for (i = 0; ids && i < count; i++) {
		memcpy(ids[i].id, table + i * KC_ACPI_ID_BYTES, ACPI_ID_LEN - 1);
		memcpy(&info, table + i * KC_ACPI_ID_BYTES + ACPI_ID_LEN, sizeof(info));
		ids[i].driver_data = info;
	}
	return ids;
}

static struct of_device_id *kc_of_ids(const u8 *table, u32 count)
{
	struct of_device_id *ids = kcalloc(count + 1, sizeof(*ids), GFP_KERNEL);
	u32 i, info;

	for (i = 0; ids && i < count; i++) {
		memcpy(ids[i].compatible, table + i * KC_OF_ID_BYTES, sizeof(ids[i].compatible) - 1);
		memcpy(&info, table + i * KC_OF_ID_BYTES + 128, sizeof(info));
		ids[i].data = (const void *)(uintptr_t)info;
	}
	return ids;
}

static void kc_platform_free(struct kc_platform_driver *driver)
{
	kfree(driver->acpi_ids);
	kfree(driver->of_ids);
	kfree(driver);
}

/* Registers the driver; the kernel probes every matching device before this returns. NULL and *error on failure. */
void *kc_platform_register(u32 kind, size_t state_size, const u8 *acpi, u32 acpi_count, const u8 *of, u32 of_count,
			   const char *name, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct kc_platform_driver *driver = kzalloc(sizeof(*driver), GFP_KERNEL);
	int ret = -ENOMEM;

	if (driver) {
		driver->kind = kind;
		driver->state_size = state_size;
		driver->acpi_ids = acpi_count ? kc_acpi_ids(acpi, acpi_count) : NULL;
		driver->of_ids = of_count ? kc_of_ids(of, of_count) : NULL;
		if ((acpi_count && !driver->acpi_ids) || (of_count && !driver->of_ids)) {
			kc_platform_free(driver);
			driver = NULL;
		}
	}
	if (driver) {
		driver->driver.driver.name = name;
		driver->driver.driver.acpi_match_table = driver->acpi_ids;
		driver->driver.driver.of_match_table = driver->of_ids;
		driver->driver.probe = kc_platform_probe_fn;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 11, 0)
		driver->driver.remove = kc_platform_remove_int;
#else
		driver->driver.remove = kc_platform_remove_fn;
#endif
		ret = platform_driver_register(&driver->driver);
		if (ret) {
			kc_platform_free(driver);
			driver = NULL;
		}
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return driver;
}

void kc_platform_unregister(void *driver)
{
	bool in_fpu = kc_fpu_leave();

	platform_driver_unregister(&((struct kc_platform_driver *)driver)->driver);
	kc_platform_free(driver);
	kc_fpu_return(in_fpu);
}

void *kc_platform_dev(void *device)
{
	return &((struct kc_platform_device *)device)->pdev->dev;
}
#endif

#ifdef KC_USES_kc_platform_device_register
/* A platform device of the module's own (no firmware entry), named `name`.`id` (id -1: just `name`): a driver of that
 * name binds it. NULL and *error on failure. */
void *kc_platform_device_register(const char *name, int id, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct platform_device *pdev = platform_device_register_simple(name, id, NULL, 0);

	kc_fpu_return(in_fpu);
	*error = IS_ERR(pdev) ? PTR_ERR(pdev) : 0;
	return IS_ERR(pdev) ? NULL : pdev;
}

/* Unbinds the device (its driver's remove runs) and removes it. */
void kc_platform_device_unregister(void *pdev)
{
	bool in_fpu = kc_fpu_leave();

	platform_device_unregister(pdev);
	kc_fpu_return(in_fpu);
}
#endif
