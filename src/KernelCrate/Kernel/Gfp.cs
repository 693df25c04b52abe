namespace Kernel;

/// <summary>Allocation flags (gfp_t). Values are checked against the kernel headers at build time.</summary>
public enum Gfp : uint
{
    /// <summary>GFP_KERNEL: may sleep; process context only.</summary>
    Kernel = 0xcc0,
    /// <summary>GFP_ATOMIC: never sleeps; for atomic context, may dip into reserves.</summary>
    Atomic = 0xa20,
    /// <summary>GFP_NOWAIT: never sleeps, no reserves.</summary>
    NoWait = 0x800,
    /// <summary>__GFP_ZERO: zero the memory (combine with one of the above).</summary>
    Zero = 0x100,
    /// <summary>__GFP_NOWARN: a failure is expected and handled; do not log an allocation-failure warning.</summary>
    NoWarn = 0x2000,
}
