using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Kernel.HostTests;

/// <summary>The managed half of kc_miscdev.c's file operations, driven as C drives it, on an echo device.</summary>
public sealed unsafe class MiscDeviceTests : HostTest
{
    private struct Echo : IMiscDevice<Echo>, IDeviceRead, IDeviceWrite, IDeviceIoctl
    {
        public static int Opens;
        private Mutex<KVec<byte>> _buffer;
        private Device _device;

        static uint IMiscDevice<Echo>.FileOperationsKind => 7;
        static uint IMiscDevice<Echo>.FileOperations => 5;

        public static Result<Echo> Open(MiscDevice device)
        {
            Result<Mutex<KVec<byte>>> buffer = Mutex<KVec<byte>>.TryNew(new KVec<byte>(Gfp.Kernel));
            if (buffer.IsError) return buffer.Error;
            Opens++;
            device.Device.Info("open");
            return new Echo { _buffer = buffer.Value, _device = device.Device };
        }

        public Result<nint> Read(UserSliceWriter destination, ref long position)
        {
            using MutexGuard<KVec<byte>> buffer = _buffer.Lock();
            return destination.ReadFromBuffer(ref position, buffer.Value);
        }

        public Result<nint> Write(UserSliceReader source, ref long position)
        {
            using MutexGuard<KVec<byte>> buffer = _buffer.Lock();
            buffer.Value.Clear();
            nint length = (nint)source.Length;
            Result read = source.ReadAll(ref buffer.Value);
            if (read.IsError) return read.Error;
            position = 0;
            return length;
        }

        public Result<nint> Ioctl(uint command, nuint argument)
        {
            if (command != IoctlNumber.IOR<int>('|', 1)) return Errno.ENOTTY;
            using MutexGuard<KVec<byte>> buffer = _buffer.Lock();
            Result written = new UserSlice(argument, IoctlNumber.Size(command)).Writer().Write(buffer.Value.Length);
            return written.IsError ? written.Error : 0;
        }

        public void Dispose()
        {
            _device.Info("release");
            using (MutexGuard<KVec<byte>> buffer = _buffer.Lock()) buffer.Value.Dispose();
            _buffer.Dispose();
        }
    }

    private struct Unmarked : IMiscDevice<Unmarked>
    {
        public static Result<Unmarked> Open(MiscDevice device) => default(Unmarked);
        public void Dispose() { }
    }

    [Fact]
    public void Register_names_the_kind_the_operations_and_the_state_size_and_Dispose_deregisters()
    {
        var registration = MiscDeviceRegistration<Echo>.Register(new MiscDeviceOptions { Name = CStr.FromStaticUtf8WithNul("echo\0"u8), Mode = 0x1b6 }).Value;
        Assert.Equal((7u, 5u, (nuint)sizeof(Echo), "echo", (ushort)0x1b6), Native.Devices[0]);
        Assert.Equal(101, registration.Device.Minor);
        registration.Dispose();
        Assert.Equal(default, Native.Devices[0]);
        Assert.Throws<KernelPanicException>(() => registration.Device);
    }

    [Fact]
    public void A_failed_registration_returns_the_kernel_error()
    {
        Native.FailDeviceRegistration = -16;
        Assert.Equal(Errno.EBUSY, MiscDeviceRegistration<Echo>.Register(new MiscDeviceOptions { Name = CStr.FromStaticUtf8WithNul("echo\0"u8) }).Error);
        Assert.Equal(Errno.EINVAL, MiscDeviceRegistration<Echo>.Register(default).Error);
    }

    [Fact]
    public void A_type_without_MiscDevice_panics_at_registration()
        => Assert.Throws<KernelPanicException>(() => MiscDeviceRegistration<Unmarked>.Register(new MiscDeviceOptions { Name = CStr.FromStaticUtf8WithNul("x\0"u8) }));

    [Fact]
    public void Open_write_read_ioctl_release_as_C_calls_them()
    {
        byte* user = (byte*)NativeMemory.AllocZeroed(32);
        Native.UserMemory.Add(((ulong)user, 32));
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(Echo));
        try
        {
            Assert.Equal(0, MiscDeviceDispatch.Open<Echo>((void*)1, state));
            "ping"u8.CopyTo(new Span<byte>(user, 4));
            long position = 9;
            Assert.Equal((nint)4, MiscDeviceDispatch.Write<Echo>(state, (ulong)user, 4, &position));
            Assert.Equal(0, position);
            Assert.Equal((nint)4, MiscDeviceDispatch.Read<Echo>(state, (ulong)(user + 8), 16, &position));
            Assert.Equal("ping", System.Text.Encoding.ASCII.GetString(user + 8, 4));
            Assert.Equal((nint)0, MiscDeviceDispatch.Read<Echo>(state, (ulong)(user + 8), 16, &position));
            Assert.Equal((nint)0, MiscDeviceDispatch.Ioctl<Echo>(state, IoctlNumber.IOR<int>('|', 1), (nuint)(user + 16)));
            Assert.Equal(4, *(int*)(user + 16));
            Assert.Equal((nint)(-25), MiscDeviceDispatch.Ioctl<Echo>(state, IoctlNumber.IO('|', 2), 0));
            Assert.Equal((nint)(-14), MiscDeviceDispatch.Ioctl<Echo>(state, IoctlNumber.IOR<int>('|', 1), 8));
            Assert.Equal((nint)(-14), MiscDeviceDispatch.Write<Echo>(state, 8, 4, &position));
            MiscDeviceDispatch.Release<Echo>(state);
            Assert.Equal(["dev1: open", "dev1: release"], Native.Lines.ConvertAll(l => l.Text));
            AssertNoLeaks();
        }
        finally
        {
            NativeMemory.Free(state);
            NativeMemory.Free(user);
        }
    }

    [Fact]
    public void An_open_that_fails_returns_its_errno_and_leaves_nothing()
    {
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(Echo));
        Native.FailAllocation = 0;
        Assert.Equal(-12, MiscDeviceDispatch.Open<Echo>((void*)1, state));
        AssertNoLeaks();
        NativeMemory.Free(state);
    }
}
