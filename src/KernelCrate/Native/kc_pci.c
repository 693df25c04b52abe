// SPDX-License-Identifier: GPL-2.0
/*
 * PCI drivers. The pci_driver and its pci_device_id table are C's, one per registration, built from the table the
 * [PciDriver] generator wrote (seven u32 per id: vendor, device, subvendor, subdevice, class, class mask, info); the
 * managed type is named by its kind number. A bound device is C's allocation too: the pci_dev, the BARs it mapped,
 * whether it enabled the device, and the managed type's bytes. After the managed remove (the type's Dispose) C
 * frees the interrupt handlers and DMA memory the driver left (kc_irq.c, kc_dma.c), unmaps and releases each BAR
 * and disables the device, as devres would: nothing a probe took outlives the binding,
 * and a failed probe gives back what it took before returning its error. Probe and remove run in process context.
 */
#include <linux/pci.h>
#include <linux/io-64-nonatomic-lo-hi.h>

#ifdef KC_USES_kc_pci_register
#define KC_PCI_ID_WORDS 7

struct kc_pci_driver {
	struct pci_driver driver;
	u32 kind;
	size_t state_size;
	struct pci_device_id ids[]; /* and a zeroed one after the last */
};

struct kc_pci_device {
	struct pci_dev *pdev;
	u32 kind;
	void __iomem *bars[PCI_STD_NUM_BARS];
	bool enabled;
	/* The interrupt handlers (kc_irq.c), the vectors they use and the coherent DMA memory (kc_dma.c). */
	struct list_head irqs;
	int irq_vectors;
	struct list_head dma;
	u64 state[];
};

static void kc_irq_free_leftovers(struct kc_pci_device *device);
static void kc_dma_free_leftovers(struct list_head *list);

static void kc_pci_release(struct kc_pci_device *device)
{
	int bar;

	kc_sysfs_remove_of(&device->pdev->dev, "its driver's remove returned");
	kc_irq_free_leftovers(device);
	kc_dma_free_leftovers(&device->dma);
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!device->bars[bar])
			continue;
		pci_iounmap(device->pdev, device->bars[bar]);
		pci_release_region(device->pdev, bar);
	}
	if (device->enabled)
		pci_disable_device(device->pdev);
	pci_set_drvdata(device->pdev, NULL);
	kfree(device);
}

static int kc_pci_probe_fn(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct kc_pci_driver *driver = container_of(to_pci_driver(pdev->dev.driver), struct kc_pci_driver, driver);
	struct kc_pci_device *device;
	int ret;

	device = kzalloc(struct_size(device, state, DIV_ROUND_UP(driver->state_size, sizeof(u64))), GFP_KERNEL);
	if (!device)
		return -ENOMEM;
	device->pdev = pdev;
	device->kind = driver->kind;
	INIT_LIST_HEAD(&device->irqs);
	INIT_LIST_HEAD(&device->dma);
	pci_set_drvdata(pdev, device);
	KC_ENTER(KC_FPU_kc_pci_probe, ret = kc_aligned_pci_probe(driver->kind, device, (u32)id->driver_data, device->state));
	if (ret)
		kc_pci_release(device);
	return ret;
}

static void kc_pci_remove_fn(struct pci_dev *pdev)
{
	struct kc_pci_device *device = pci_get_drvdata(pdev);

	KC_ENTER(KC_FPU_kc_pci_remove, kc_aligned_pci_remove(device->kind, device->state));
	kc_pci_release(device);
}

static u32 kc_pci_any(u32 value)
{
	return value == U32_MAX ? PCI_ANY_ID : value;
}

/* Registers the driver; the kernel probes every matching device before this returns. NULL and *error on failure. */
void *kc_pci_register(u32 kind, size_t state_size, const u8 *ids, u32 count, const char *name, int *error)
{
	bool in_fpu = kc_fpu_leave();
	struct kc_pci_driver *driver;
	u32 i, words[KC_PCI_ID_WORDS];
	int ret = -ENOMEM;

	driver = kzalloc(struct_size(driver, ids, count + 1), GFP_KERNEL);
	if (driver) {
		driver->kind = kind;
		driver->state_size = state_size;
		for (i = 0; i < count; i++) {
			memcpy(words, ids + i * sizeof(words), sizeof(words));
			driver->ids[i].vendor = kc_pci_any(words[0]);
			driver->ids[i].device = kc_pci_any(words[1]);
			driver->ids[i].subvendor = kc_pci_any(words[2]);
			driver->ids[i].subdevice = kc_pci_any(words[3]);
			driver->ids[i].class = words[4];
			driver->ids[i].class_mask = words[5];
			driver->ids[i].driver_data = words[6];
		}
		driver->driver.name = name;
		driver->driver.id_table = driver->ids;
		driver->driver.probe = kc_pci_probe_fn;
		driver->driver.remove = kc_pci_remove_fn;
		ret = pci_register_driver(&driver->driver);
		if (ret) {
			kfree(driver);
			driver = NULL;
		}
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return driver;
}

/* Unbinds every device (each remove runs) and frees the driver. */
void kc_pci_unregister(void *driver)
{
	bool in_fpu = kc_fpu_leave();

	pci_unregister_driver(&((struct kc_pci_driver *)driver)->driver);
	kfree(driver);
	kc_fpu_return(in_fpu);
}

/* A config-space read of 1, 2 or 4 bytes at `offset` (its width's multiple, below 4096): the value, or a negative errno. */
s64 kc_pci_read_config(void *device, u32 offset, u32 width)
{
	struct pci_dev *pdev = ((struct kc_pci_device *)device)->pdev;
	u8 byte;
	u16 word;
	u32 dword;
	int ret;

	if ((width != 1 && width != 2 && width != 4) || offset % width || offset + width > (u32)pdev->cfg_size)
		return -EINVAL;
	if (width == 1) {
		ret = pci_read_config_byte(pdev, offset, &byte);
		dword = byte;
	} else if (width == 2) {
		ret = pci_read_config_word(pdev, offset, &word);
		dword = word;
	} else {
		ret = pci_read_config_dword(pdev, offset, &dword);
	}
	return ret ? -EIO : dword;
}

u32 kc_pci_vendor_id(void *device)
{
	return ((struct kc_pci_device *)device)->pdev->vendor;
}

u32 kc_pci_device_id(void *device)
{
	return ((struct kc_pci_device *)device)->pdev->device;
}

void *kc_pci_dev(void *device)
{
	return &((struct kc_pci_device *)device)->pdev->dev;
}

int kc_pci_enable_device_mem(void *handle)
{
	struct kc_pci_device *device = handle;
	bool in_fpu;
	int ret;

	if (device->enabled)
		return 0;
	in_fpu = kc_fpu_leave();
	ret = pci_enable_device_mem(device->pdev);
	kc_fpu_return(in_fpu);
	if (!ret)
		device->enabled = true;
	return ret;
}

void kc_pci_set_master(void *device)
{
	pci_set_master(((struct kc_pci_device *)device)->pdev);
}

/*
 * Requests memory BAR `bar` for `name` and maps it whole: the mapping, with its length in *length, or NULL with
 * -EINVAL (no such BAR, not memory, or empty), -EBUSY (mapped already, or another driver holds the region) or the
 * kernel's error in *error. Unmapped and released by C once the device is removed.
 */
void *kc_pci_iomap_region(void *handle, int bar, const char *name, u64 *length, int *error)
{
	struct kc_pci_device *device = handle;
	struct pci_dev *pdev = device->pdev;
	void __iomem *mapped;
	bool in_fpu;
	int ret;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !(pci_resource_flags(pdev, bar) & IORESOURCE_MEM) ||
	    !pci_resource_len(pdev, bar)) {
		*error = -EINVAL;
		return NULL;
	}
	if (device->bars[bar]) {
		*error = -EBUSY;
		return NULL;
	}
	in_fpu = kc_fpu_leave();
	ret = pci_request_region(pdev, bar, name);
	mapped = ret ? NULL : pci_iomap(pdev, bar, 0);
	if (!ret && !mapped) {
		pci_release_region(pdev, bar);
		ret = -ENOMEM;
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	if (!mapped)
		return NULL;
	device->bars[bar] = mapped;
	*length = pci_resource_len(pdev, bar);
	return (void __force *)mapped;
}
#endif

#ifdef KC_USES_kc_pci_iomap_region
u32 kc_readb(const void *address)
{
	return readb((const void __iomem __force *)address);
}

u32 kc_readw(const void *address)
{
	return readw((const void __iomem __force *)address);
}

u32 kc_readl(const void *address)
{
	return readl((const void __iomem __force *)address);
}

void kc_writeb(u32 value, void *address)
{
	writeb(value, (void __iomem __force *)address);
}

void kc_writew(u32 value, void *address)
{
	writew(value, (void __iomem __force *)address);
}

void kc_writel(u32 value, void *address)
{
	writel(value, (void __iomem __force *)address);
}

/* 64-bit MMIO: one access on 64-bit machines (readq), two 32-bit halves, low first, elsewhere. */
u64 kc_readq(const void *address)
{
	return readq((const void __iomem __force *)address);
}

void kc_writeq(u64 value, void *address)
{
	writeq(value, (void __iomem __force *)address);
}
#endif
