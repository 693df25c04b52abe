// SPDX-License-Identifier: GPL-2.0
/*
 * Coherent DMA memory for a bound PCI device (Rust-for-Linux's dma::CoherentAllocation): dma_alloc_coherent on the
 * device, the CPU's address and the device's handed to managed code. Each allocation is on its device's list
 * (kc_pci.c), so one the driver did not free by the end of its remove is freed then, with an error, before the
 * device can go away under it.
 */
#include <linux/dma-mapping.h>

#ifdef KC_USES_kc_pci_register
#ifdef KC_USES_kc_dma_alloc_coherent
struct kc_dma_coherent {
	struct list_head link;
	struct device *dev;
	size_t size;
	void *cpu;
	dma_addr_t handle;
};

void *kc_dma_alloc_coherent(void *handle, size_t size, u32 flags, u64 *dma_address, void **cpu)
{
	struct kc_pci_device *device = handle;
	gfp_t gfp = kc_gfp(flags);
	bool in_fpu = kc_alloc_leaves_fpu(gfp) ? kc_fpu_leave() : false;
	struct kc_dma_coherent *block = kmalloc(sizeof(*block), gfp);

	if (block) {
		block->dev = &device->pdev->dev;
		block->size = size;
		block->cpu = dma_alloc_coherent(block->dev, size, &block->handle, gfp);
		if (!block->cpu) {
			kfree(block);
			block = NULL;
		}
	}
	kc_fpu_return(in_fpu);
	if (!block)
		return NULL;
	list_add(&block->link, &device->dma);
	*dma_address = block->handle;
	*cpu = block->cpu;
	return block;
}

void kc_dma_free_coherent(void *handle)
{
	struct kc_dma_coherent *block = handle;
	bool in_fpu = kc_fpu_leave();

	list_del(&block->link);
	dma_free_coherent(block->dev, block->size, block->cpu, block->handle);
	kfree(block);
	kc_fpu_return(in_fpu);
}

/* After the driver's remove: what it left allocated. */
static void kc_dma_free_leftovers(struct list_head *list)
{
	struct kc_dma_coherent *block, *next;

	list_for_each_entry_safe(block, next, list, link) {
		dev_err(block->dev, "a DMA allocation of %zu bytes was not disposed before remove: freed\n", block->size);
		kc_dma_free_coherent(block);
	}
}
#else
static void kc_dma_free_leftovers(struct list_head *list)
{
}
#endif

int kc_pci_dma_set_mask_and_coherent(void *handle, u32 bits)
{
	struct kc_pci_device *device = handle;

	if (bits < 1 || bits > 64)
		return -EINVAL;
	return dma_set_mask_and_coherent(&device->pdev->dev, DMA_BIT_MASK(bits));
}
#endif
