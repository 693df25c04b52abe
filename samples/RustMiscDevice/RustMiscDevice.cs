// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_misc_device.rs (Linux 6.15 and later): the same module and
// device names, ioctl numbers, per-open Mutex-protected value and buffer, read/write semantics and log lines.
// tests/kernel/misc/misc-device-user.c is upstream's user-space program, extended.
using Kernel;

[Module(Name = "rust_misc_device", Authors = new[] { "Lee Jones" }, Description = "Rust misc device sample", License = "GPL")]
internal struct RustMiscDeviceModule : IKernelModule<RustMiscDeviceModule>
{
    private MiscDeviceRegistration<RustMiscDevice> _miscdev;

    public static Result<RustMiscDeviceModule> Init(CStr name, ThisModule module)
    {
        Printk.Info("Initialising Rust Misc Device Sample");
        var options = new MiscDeviceOptions { Name = CStr.Literal("rust-misc-device") };
        Result<MiscDeviceRegistration<RustMiscDevice>> miscdev = MiscDeviceRegistration<RustMiscDevice>.Register(options);
        if (miscdev.IsError) return miscdev.Error;
        return new RustMiscDeviceModule { _miscdev = miscdev.Value };
    }

    public void Dispose() => _miscdev.Dispose();
}

internal struct Inner
{
    internal int Value;
    internal KVec<byte> Buffer;
}

[MiscDevice]
internal partial struct RustMiscDevice : IMiscDevice<RustMiscDevice>, IDeviceRead, IDeviceWrite, IDeviceIoctl
{
    private static uint Hello => IoctlNumber.IO('|', 0x80);
    private static uint GetValue => IoctlNumber.IOR<int>('|', 0x81);
    private static uint SetValue => IoctlNumber.IOW<int>('|', 0x82);

    private Mutex<Inner> _inner;
    private Device _dev;

    public static Result<RustMiscDevice> Open(MiscDevice misc)
    {
        Device dev = misc.Device;
        dev.Info("Opening Rust Misc Device Sample");
        Result<Mutex<Inner>> inner = Mutex<Inner>.TryNew(new Inner { Value = 0, Buffer = new KVec<byte>(Gfp.Kernel) });
        if (inner.IsError) return inner.Error;
        return new RustMiscDevice { _inner = inner.Value, _dev = dev };
    }

    public Result<nint> Read(UserSliceWriter destination, ref long position)
    {
        _dev.Info("Reading from Rust Misc Device Sample");
        using MutexGuard<Inner> inner = _inner.Lock();
        // Read the buffer contents, taking the file position into account.
        return destination.ReadFromBuffer(ref position, inner.Value.Buffer);
    }

    public Result<nint> Write(UserSliceReader source, ref long position)
    {
        _dev.Info("Writing to Rust Misc Device Sample");
        using MutexGuard<Inner> inner = _inner.Lock();
        // Replace buffer contents.
        inner.Value.Buffer.Clear();
        nint length = (nint)source.Length;
        Result read = source.ReadAll(ref inner.Value.Buffer);
        if (read.IsError) return read.Error;
        // Set position to zero so that future `read` calls will see the new contents.
        position = 0;
        return length;
    }

    public Result<nint> Ioctl(uint command, nuint argument)
    {
        _dev.Info("IOCTLing Rust Misc Device Sample");
        var size = IoctlNumber.Size(command);
        Result done;
        if (command == GetValue) done = GetValueTo(new UserSlice(argument, size).Writer());
        else if (command == SetValue) done = SetValueFrom(new UserSlice(argument, size).Reader());
        else if (command == Hello) done = SayHello();
        else
        {
            _dev.Err($"-> IOCTL not recognised: {command}");
            return Errno.ENOTTY;
        }
        return done.IsError ? done.Error : 0;
    }

    public void Dispose()
    {
        _dev.Info("Exiting the Rust Misc Device Sample");
        using (MutexGuard<Inner> inner = _inner.Lock()) inner.Value.Buffer.Dispose();
        _inner.Dispose();
    }

    private Result SetValueFrom(UserSliceReader reader)
    {
        Result<int> newValue = reader.Read<int>();
        if (newValue.IsError) return newValue.Error;
        using MutexGuard<Inner> guard = _inner.Lock();
        _dev.Info($"-> Copying data from userspace (value: {newValue.Value})");
        guard.Value.Value = newValue.Value;
        return Result.Ok;
    }

    private Result GetValueTo(UserSliceWriter writer)
    {
        int value;
        using (MutexGuard<Inner> guard = _inner.Lock()) value = guard.Value.Value;
        // Free-up the lock and use our locally cached instance from here
        _dev.Info($"-> Copying data to userspace (value: {value})");
        return writer.Write(value);
    }

    private Result SayHello()
    {
        _dev.Info("-> Hello from the Rust Misc Device");
        return Result.Ok;
    }
}
