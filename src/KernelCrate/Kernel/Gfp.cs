namespace Kernel;

/// <summary>
/// Allocation flags. KernelCrate's own bits, not gfp_t: kc_alloc.c turns them into the gfp_t of the kernel it is
/// built for (the kernel's values differ between 6.1 and 6.12).
/// </summary>
public enum Gfp : uint
{
    /// <summary>GFP_KERNEL: may sleep; process context only.</summary>
    Kernel = 0x1,
    /// <summary>GFP_ATOMIC: never sleeps; for atomic context, may dip into reserves.</summary>
    Atomic = 0x2,
    /// <summary>GFP_NOWAIT: never sleeps, no reserves.</summary>
    NoWait = 0x4,
    /// <summary>__GFP_ZERO: zero the memory (combine with one of the above).</summary>
    Zero = 0x100,
    /// <summary>__GFP_NOWARN: a failure is expected and handled; do not log an allocation-failure warning.</summary>
    NoWarn = 0x200,
}
