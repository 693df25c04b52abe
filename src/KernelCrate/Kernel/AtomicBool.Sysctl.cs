using System;

namespace Kernel;

// AtomicBool as sysctl storage, exactly as the Rust version: "0"/"1" after trimming, EINVAL (value unchanged)
// for anything else, and it reads back "0\n" or "1\n".
public partial struct AtomicBool : ISysctlStorage
{
    internal const uint SysctlKind = 1;
    static uint ISysctlStorage.SysctlKind => SysctlKind;

    public (int Processed, Result Result) Store(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> value = SysctlText.Trim(data);
        if (value.Length == 1 && value[0] == (byte)'0') { Store(false); return (data.Length, Result.Ok); }
        if (value.Length == 1 && value[0] == (byte)'1') { Store(true); return (data.Length, Result.Ok); }
        return (data.Length, Errno.EINVAL);
    }

    public (int Processed, Result Result) Read(Span<byte> destination)
        => SysctlText.WriteAll(Load() ? "1\n"u8 : "0\n"u8, destination);
}
