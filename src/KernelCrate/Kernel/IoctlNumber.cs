namespace Kernel;

/// <summary>
/// ioctl command numbers as the kernel's _IO, _IOR, _IOW and _IOWR make them (include/uapi/asm-generic/ioctl.h):
/// 8 bits of number, 8 of type, 14 of size, 2 of direction. The size comes from <c>sizeof(T)</c>, so it cannot
/// disagree with the type; ilc folds each call into a constant.
/// </summary>
public static unsafe class IoctlNumber
{
    private const int NumberBits = 8, TypeBits = 8, SizeBits = 14;
    private const int TypeShift = NumberBits, SizeShift = TypeShift + TypeBits, DirectionShift = SizeShift + SizeBits;
    public const uint None = 0, Write = 1, Read = 2;

    /// <summary>_IOC(direction, type, number, size).</summary>
    public static uint Command(uint direction, uint type, uint number, uint size)
    {
        if (type > 0xff || number > 0xff || size >= 1u << SizeBits || direction > 3)
            Panic.Fail("ioctl type, number or size out of range"u8);
        return (direction << DirectionShift) | (size << SizeShift) | (type << TypeShift) | number;
    }

    /// <summary>_IO: a command without an argument.</summary>
    public static uint IO(uint type, uint number) => Command(None, type, number, 0);

    /// <summary>_IOR: user space reads a <typeparamref name="T"/> (the kernel writes it).</summary>
    public static uint IOR<T>(uint type, uint number) where T : unmanaged => Command(Read, type, number, (uint)sizeof(T));

    /// <summary>_IOW: user space writes a <typeparamref name="T"/> (the kernel reads it).</summary>
    public static uint IOW<T>(uint type, uint number) where T : unmanaged => Command(Write, type, number, (uint)sizeof(T));

    /// <summary>_IOWR: both.</summary>
    public static uint IOWR<T>(uint type, uint number) where T : unmanaged => Command(Read | Write, type, number, (uint)sizeof(T));

    /// <summary>_IOC_DIR.</summary>
    public static uint Direction(uint command) => command >> DirectionShift;
    /// <summary>_IOC_TYPE.</summary>
    public static uint Type(uint command) => (command >> TypeShift) & 0xff;
    /// <summary>_IOC_NR.</summary>
    public static uint Number(uint command) => command & 0xff;
    /// <summary>_IOC_SIZE: the argument's size, for <c>new UserSlice(argument, Ioctl.Size(command))</c>.</summary>
    public static nuint Size(uint command) => (command >> SizeShift) & ((1u << SizeBits) - 1);
}
