namespace Kernel;

/// <summary>The mode of a kernel file whose type shows text and may store it (debugfs files, sysfs attributes).</summary>
internal static class FileMode
{
    /// <summary>S_IWOTH.</summary>
    public const ushort OtherWrite = 0x2;

    /// <summary>0 picks 0644 for a writable type, 0444 otherwise; a mode past 0777 or a write bit on a type that
    /// cannot store is refused (0).</summary>
    public static ushort Resolve(ushort mode, bool writable)
    {
        if (mode == 0) return writable ? (ushort)0x1a4 : (ushort)0x124;
        return mode > 0x1ff || (!writable && (mode & 0x92) != 0) ? (ushort)0 : mode;
    }
}
