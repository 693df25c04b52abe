// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt handlers of a bound PCI device (Rust-for-Linux's irq::Registration): C allocates one block per handler
 * (the irq number, the kind number of the managed type, the type's bytes), gets the device its vectors (MSI-X, MSI
 * or INTx: pci_alloc_irq_vectors) and requests the irq with kc_irq_fn, which calls the managed handler in hardirq
 * context (never inside the FPU section: the object check refuses SIMD in it, KC9011). Freeing waits for a running
 * handler. Each block is on its device's list (kc_pci.c): a handler the driver did not free by the end of its
 * remove is freed then, with an error, and the vectors go back after the last one.
 */
#include <linux/interrupt.h>

#ifdef KC_USES_kc_pci_request_irq
struct kc_irq {
	struct list_head link;
	struct kc_pci_device *device;
	int irq;
	u32 kind;
	u64 state[];
};

static irqreturn_t kc_irq_fn(int irq, void *data)
{
	struct kc_irq *handler = data;
	u32 ret;

	BUILD_BUG_ON(KC_FPU_kc_irq_handle);
	ret = kc_aligned_irq_handle(handler->kind, handler->state);
	return ret == 1 ? IRQ_HANDLED : IRQ_NONE;
}

/*
 * Requests interrupt vector `vector` of the device for a handler of `kind`; its state (state_size bytes) is copied
 * in before the irq is requested, so the first interrupt sees it. NULL and *error on failure.
 */
void *kc_pci_request_irq(void *pci_device, u32 vector, u32 kind, const void *state, size_t state_size, const char *name, int *error)
{
	struct kc_pci_device *device = pci_device;
	bool in_fpu = kc_fpu_leave();
	struct kc_irq *handler;
	int ret = 0;

	if (!device->irq_vectors) {
		ret = pci_alloc_irq_vectors(device->pdev, 1, 1, PCI_IRQ_ALL_TYPES);
		if (ret > 0)
			device->irq_vectors = ret;
	}
	handler = ret < 0 ? NULL : kzalloc(struct_size(handler, state, DIV_ROUND_UP(state_size, sizeof(u64))), GFP_KERNEL);
	if (handler) {
		handler->device = device;
		handler->kind = kind;
		memcpy(handler->state, state, state_size);
		ret = vector < device->irq_vectors ? pci_irq_vector(device->pdev, vector) : -EINVAL;
		if (ret >= 0) {
			handler->irq = ret;
			ret = request_irq(handler->irq, kc_irq_fn, IRQF_SHARED, name, handler);
		}
		if (ret) {
			kfree(handler);
			handler = NULL;
		} else {
			list_add(&handler->link, &device->irqs);
		}
	} else if (ret >= 0) {
		ret = -ENOMEM;
	}
	kc_fpu_return(in_fpu);
	*error = ret;
	return handler;
}

void *kc_irq_state(void *handler)
{
	return ((struct kc_irq *)handler)->state;
}

/* Frees the irq (waiting for a running handler); the caller then disposes the state and calls kc_irq_release. */
void kc_irq_free(void *data)
{
	struct kc_irq *handler = data;
	bool in_fpu = kc_fpu_leave();

	free_irq(handler->irq, handler);
	kc_fpu_return(in_fpu);
}

void kc_irq_release(void *data)
{
	struct kc_irq *handler = data;

	list_del(&handler->link);
	kfree(handler);
}

/* After the driver's remove: the handlers it left requested, then the vectors. */
static void kc_irq_free_leftovers(struct kc_pci_device *device)
{
	struct kc_irq *handler, *next;

	list_for_each_entry_safe(handler, next, &device->irqs, link) {
		dev_err(&device->pdev->dev, "an interrupt handler (kind %u) was not disposed before remove: freed\n", handler->kind);
		free_irq(handler->irq, handler);
		kc_irq_release(handler);
	}
	if (device->irq_vectors)
		pci_free_irq_vectors(device->pdev);
}
#elif defined(KC_USES_kc_pci_register)
static void kc_irq_free_leftovers(struct kc_pci_device *device)
{
}
#endif
