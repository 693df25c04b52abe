// The kernel backend of Kernel.Native: direct calls into the kernel and kc_helpers.c. The host tests supply a
// simulated backend with the same members.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Kernel;

internal static unsafe class Native
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_printk")]
    public static extern void Printk(int level, byte* text, nuint length, int endLine);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_panic")]
    public static extern void Panic(byte* what, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_test_first")]
    public static extern int TestFirst();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_kmalloc")]
    public static extern void* Kmalloc(nuint size, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_krealloc")]
    public static extern void* Krealloc(void* old, nuint size, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_kfree")]
    public static extern void Kfree(void* pointer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_memmove")]
    public static extern void* Memmove(void* destination, void* source, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_memset")]
    public static extern void* Memset(void* destination, int value, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_alloc")]
    public static extern void* SysctlAlloc(uint kind, nuint storageSize);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_storage")]
    public static extern void* SysctlStorage(void* sysctl);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_register")]
    public static extern int SysctlRegister(void* sysctl, byte* path, byte* name, ushort mode);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysctl_free")]
    public static extern void SysctlFree(void* sysctl);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_miscdev_register")]
    public static extern void* MiscdevRegister(uint kind, uint operations, nuint stateSize, byte* name, ushort mode, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_miscdev_deregister")]
    public static extern void MiscdevDeregister(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_miscdev_device")]
    public static extern void* MiscdevDevice(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_miscdev_minor")]
    public static extern int MiscdevMinor(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_copy_from_user")]
    public static extern nuint CopyFromUser(void* destination, ulong source, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_copy_to_user")]
    public static extern nuint CopyToUser(ulong destination, void* source, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_dev_printk")]
    public static extern void DevPrintk(int level, void* device, byte* text, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_mutex_alloc")]
    public static extern void* MutexAlloc(nuint dataSize, void* key, byte* name);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_mutex_data")]
    public static extern void* MutexData(void* mutex);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_mutex_lock")]
    public static extern void MutexLock(void* mutex);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_mutex_unlock")]
    public static extern void MutexUnlock(void* mutex);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_mutex_free")]
    public static extern void MutexFree(void* mutex);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_alloc")]
    public static extern void* SpinlockAlloc(nuint dataSize, void* key, byte* name);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_data")]
    public static extern void* SpinlockData(void* spin);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_lock")]
    public static extern void SpinlockLock(void* spin);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_unlock")]
    public static extern void SpinlockUnlock(void* spin);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_lock_irqsave")]
    public static extern nuint SpinlockLockIrqsave(void* spin);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_unlock_irqrestore")]
    public static extern void SpinlockUnlockIrqrestore(void* spin, nuint flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_spinlock_free")]
    public static extern void SpinlockFree(void* spin);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_arc_alloc")]
    public static extern void* ArcAlloc(nuint dataSize, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_arc_data")]
    public static extern void* ArcData(void* arc);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_arc_get")]
    public static extern void ArcGet(void* arc);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_arc_put")]
    public static extern int ArcPut(void* arc);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_arc_free")]
    public static extern void ArcFree(void* arc);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_ktime_get_ns")]
    public static extern ulong KtimeGetNs();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_ktime_get_boottime_ns")]
    public static extern ulong KtimeGetBoottimeNs();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_jiffies")]
    public static extern ulong Jiffies();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_jiffies_to_nsecs")]
    public static extern ulong JiffiesToNsecs(ulong jiffies);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_nsecs_to_jiffies")]
    public static extern ulong NsecsToJiffies(ulong nsecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_fsleep")]
    public static extern void Fsleep(nuint usecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_usleep_range")]
    public static extern void UsleepRange(nuint min, nuint max);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_msleep")]
    public static extern void Msleep(uint msecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_ndelay")]
    public static extern void Ndelay(ulong nsecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_alloc")]
    public static extern void* HrtimerAlloc(uint kind, nuint stateSize, uint clock, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_state")]
    public static extern void* HrtimerState(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_start")]
    public static extern void HrtimerStart(void* timer, ulong nsecs, bool absolute);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_cancel")]
    public static extern int HrtimerCancel(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_try_cancel")]
    public static extern int HrtimerTryCancel(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_is_boottime")]
    public static extern int HrtimerIsBoottime(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_active")]
    public static extern int HrtimerActive(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_hrtimer_free")]
    public static extern void HrtimerFree(void* timer);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_alloc")]
    public static extern void* WorkAlloc(uint kind, nuint stateSize, Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_state")]
    public static extern void* WorkState(void* work);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_queue")]
    public static extern int WorkQueue(void* queue, void* work);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_queue_delayed")]
    public static extern int WorkQueueDelayed(void* queue, void* work, ulong delayNs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_cancel")]
    public static extern int WorkCancel(void* work);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_flush")]
    public static extern int WorkFlush(void* work);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_work_free")]
    public static extern void WorkFree(void* work);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_workqueue_alloc")]
    public static extern void* WorkqueueAlloc(byte* name, uint flags, int maxActive);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_workqueue_flush")]
    public static extern void WorkqueueFlush(void* queue);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_workqueue_destroy")]
    public static extern void WorkqueueDestroy(void* queue);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_alloc")]
    public static extern void* CompletionAlloc(Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_wait")]
    public static extern void CompletionWait(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_wait_timeout")]
    public static extern ulong CompletionWaitTimeout(void* done, ulong nsecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_wait_interruptible")]
    public static extern int CompletionWaitInterruptible(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_wait_interruptible_timeout")]
    public static extern long CompletionWaitInterruptibleTimeout(void* done, ulong nsecs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_done")]
    public static extern int CompletionDone(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_complete")]
    public static extern void CompletionComplete(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_complete_all")]
    public static extern void CompletionCompleteAll(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_completion_reinit")]
    public static extern void CompletionReinit(void* done);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_condvar_alloc")]
    public static extern void* CondvarAlloc(Gfp flags);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_condvar_wait")]
    public static extern long CondvarWait(void* condvar, void* mutex, bool interruptible, ulong timeoutNs);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_condvar_notify")]
    public static extern void CondvarNotify(void* condvar, bool all);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_register")]
    public static extern void* PciRegister(uint kind, nuint stateSize, byte* ids, uint count, byte* name, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_unregister")]
    public static extern void PciUnregister(void* driver);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_vendor_id")]
    public static extern uint PciVendorId(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_device_id")]
    public static extern uint PciDeviceId(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_dev")]
    public static extern void* PciDev(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_enable_device_mem")]
    public static extern int PciEnableDeviceMem(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_set_master")]
    public static extern void PciSetMaster(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_iomap_region")]
    public static extern void* PciIomapRegion(void* device, int bar, byte* name, ulong* length, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_dma_set_mask_and_coherent")]
    public static extern int PciDmaSetMaskAndCoherent(void* device, uint bits);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_dma_alloc_coherent")]
    public static extern void* DmaAllocCoherent(void* device, nuint size, Gfp flags, ulong* dmaAddress, void** cpu);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_dma_free_coherent")]
    public static extern void DmaFreeCoherent(void* coherent);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_request_irq")]
    public static extern void* PciRequestIrq(void* device, uint vector, uint kind, void* state, nuint stateSize, byte* name, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_irq_state")]
    public static extern void* IrqState(void* handler);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_irq_free")]
    public static extern void IrqFree(void* handler);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_irq_release")]
    public static extern void IrqRelease(void* handler);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_platform_register")]
    public static extern void* PlatformRegister(uint kind, nuint stateSize, byte* acpi, uint acpiCount, byte* of, uint ofCount, byte* name, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_platform_unregister")]
    public static extern void PlatformUnregister(void* driver);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_platform_dev")]
    public static extern void* PlatformDev(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_dir")]
    public static extern void* DebugfsDir(byte* name, void* parent, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_dir_remove")]
    public static extern void DebugfsDirRemove(void* dir);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_file")]
    public static extern void* DebugfsFile(void* dir, byte* name, uint mode, uint kind, void* state, nuint stateSize, int writable, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_file_state")]
    public static extern void* DebugfsFileState(void* file);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_file_remove")]
    public static extern void DebugfsFileRemove(void* file);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_debugfs_file_free")]
    public static extern void DebugfsFileFree(void* file);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_seq_write")]
    public static extern void SeqWrite(void* seq, byte* text, nuint length);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_device_property_string")]
    public static extern void* DevicePropertyString(void* device, byte* name, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_proc_seq_create")]
    public static extern void* ProcSeqCreate(byte* name, uint mode, uint kind, void* mutex, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_proc_seq_remove")]
    public static extern void ProcSeqRemove(void* file);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_configfs_register")]
    public static extern void* ConfigfsRegister(byte* name, uint kind, void* state, nuint stateSize, byte* table, nuint tableLength, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_configfs_group_new")]
    public static extern void* ConfigfsGroupNew(byte* name, uint kind, void* state, nuint stateSize, byte* table, nuint tableLength, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_configfs_state")]
    public static extern void* ConfigfsState(void* item);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_configfs_unregister")]
    public static extern void ConfigfsUnregister(void* subsystem);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysfs_attr_create")]
    public static extern void* SysfsAttrCreate(void* device, byte* name, uint mode, uint kind, void* state, nuint stateSize, int writable, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysfs_attr_state")]
    public static extern void* SysfsAttrState(void* attr);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysfs_attr_remove")]
    public static extern void SysfsAttrRemove(void* attr);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_sysfs_attr_free")]
    public static extern void SysfsAttrFree(void* attr);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_pci_read_config")]
    public static extern long PciReadConfig(void* device, uint offset, uint width);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_readq")]
    public static extern ulong Readq(void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_writeq")]
    public static extern void Writeq(ulong value, void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_platform_device_register")]
    public static extern void* PlatformDeviceRegister(byte* name, int id, int* error);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_platform_device_unregister")]
    public static extern void PlatformDeviceUnregister(void* device);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_readb")]
    public static extern uint Readb(void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_readw")]
    public static extern uint Readw(void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_readl")]
    public static extern uint Readl(void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_writeb")]
    public static extern void Writeb(uint value, void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_writew")]
    public static extern void Writew(uint value, void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_writel")]
    public static extern void Writel(uint value, void* address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_in_task")]
    public static extern int InTask();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "kc_in_serving_softirq")]
    public static extern int InServingSoftirq();
}
