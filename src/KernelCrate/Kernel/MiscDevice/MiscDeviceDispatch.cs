using System.ComponentModel;

namespace Kernel;

/// <summary>
/// What the [MiscDevice] generator's entry points call, once the kind has picked the type: the managed halves of
/// kc_miscdev.c's file operations, with C's plain values turned into the API's.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class MiscDeviceDispatch
{
    public static int Open<T>(void* device, void* state) where T : unmanaged, IMiscDevice<T>
    {
        Result<T> opened = T.Open(new MiscDevice(device));
        if (!opened.TryGetValue(out T value)) return opened.Error.ToKernel();
        *(T*)state = value;
        return 0;
    }

    public static void Release<T>(void* state) where T : unmanaged, IMiscDevice<T> => ((T*)state)->Dispose();

    public static nint Read<T>(void* state, ulong buffer, nuint length, long* position) where T : unmanaged, IMiscDevice<T>, IDeviceRead
        => ToKernel(((T*)state)->Read(new UserSliceWriter(buffer, length), ref *position));

    public static nint Write<T>(void* state, ulong buffer, nuint length, long* position) where T : unmanaged, IMiscDevice<T>, IDeviceWrite
        => ToKernel(((T*)state)->Write(new UserSliceReader(buffer, length), ref *position));

    public static nint Ioctl<T>(void* state, uint command, nuint argument) where T : unmanaged, IMiscDevice<T>, IDeviceIoctl
        => ToKernel(((T*)state)->Ioctl(command, argument));

    private static nint ToKernel(Result<nint> result) => result.TryGetValue(out nint value) ? value : result.Error.ToKernel();
}
