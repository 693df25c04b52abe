using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Kernel.HostTests;

/// <summary>UserSlice against a simulated process: 64 bytes of user memory, everything else faults.</summary>
public sealed unsafe class UserSliceTests : HostTest
{
    private readonly byte* _user = (byte*)NativeMemory.AllocZeroed(64);

    public UserSliceTests() => Native.UserMemory.Add(((ulong)_user, 64));

    public override void Dispose()
    {
        NativeMemory.Free(_user);
        base.Dispose();
    }

    private nuint At(int offset) => (nuint)(_user + offset);

    [Fact]
    public void Reads_a_typed_value_and_moves_on()
    {
        *(int*)_user = 41;
        *(long*)(_user + 4) = -2;
        UserSliceReader reader = new UserSlice(At(0), 12).Reader();
        Assert.Equal(41, reader.Read<int>().Value);
        Assert.Equal((nuint)8, reader.Length);
        Assert.Equal(-2L, reader.Read<long>().Value);
        Assert.True(reader.IsEmpty);
        Assert.Equal(Errno.EFAULT, reader.Read<int>().Error);
    }

    [Fact]
    public void A_bad_address_is_EFAULT()
    {
        Assert.Equal(Errno.EFAULT, new UserSlice(16, 4).Reader().Read<int>().Error);
        Assert.Equal(Errno.EFAULT, new UserSlice(16, 4).Writer().Write(7).Error);
    }

    [Fact]
    public void A_copy_that_runs_off_user_memory_reports_what_arrived()
    {
        for (int i = 0; i < 64; i++) _user[i] = (byte)i;
        UserSliceReader reader = new UserSlice(At(60), 10).Reader();
        var buffer = new byte[10];
        Assert.Equal(4, reader.CopyFrom(buffer));
        Assert.Equal(new byte[] { 60, 61, 62, 63, 0, 0, 0, 0, 0, 0 }, buffer);
        Assert.Equal((nuint)6, reader.Length);

        // ReadSlice is all or nothing: what did not arrive is zeroed, and the result is EFAULT.
        buffer.AsSpan().Fill(0xff);
        Assert.Equal(Errno.EFAULT, new UserSlice(At(62), 4).Reader().ReadSlice(buffer.AsSpan(0, 4)).Error);
        Assert.Equal(new byte[] { 62, 63, 0, 0 }, buffer[..4]);

        UserSliceWriter writer = new UserSlice(At(62), 8).Writer();
        Assert.Equal(2, writer.CopyTo(new byte[] { 1, 2, 3, 4 }));
        Assert.Equal(1, _user[62]);
        Assert.Equal(2, _user[63]);
    }

    [Fact]
    public void A_write_longer_than_the_slice_is_EFAULT_and_writes_nothing()
    {
        UserSliceWriter writer = new UserSlice(At(0), 2).Writer();
        Assert.Equal(Errno.EFAULT, writer.Write(0x01020304).Error);
        Assert.Equal(0, *(int*)_user);
        Assert.Equal((nuint)2, writer.Length);
    }

    [Fact]
    public void ReadFromBuffer_follows_the_file_position_like_simple_read_from_buffer()
    {
        ReadOnlySpan<byte> data = "hello"u8;
        long position = 0;
        UserSliceWriter first = new UserSlice(At(0), 3).Writer();
        Assert.Equal((nint)3, first.ReadFromBuffer(ref position, data).Value);
        Assert.Equal(3, position);
        UserSliceWriter second = new UserSlice(At(3), 10).Writer();
        Assert.Equal((nint)2, second.ReadFromBuffer(ref position, data).Value);
        Assert.Equal(5, position);
        UserSliceWriter end = new UserSlice(At(5), 10).Writer();
        Assert.Equal((nint)0, end.ReadFromBuffer(ref position, data).Value);
        Assert.Equal("hello", System.Text.Encoding.ASCII.GetString(_user, 5));
        long bad = 0;
        Assert.Equal(Errno.EFAULT, new UserSlice(8, 4).Writer().ReadFromBuffer(ref bad, data).Error);
        Assert.Equal(0, bad);
    }

    [Fact]
    public void ReadAll_appends_everything_and_rolls_back_on_a_fault()
    {
        "abc"u8.CopyTo(new Span<byte>(_user, 3));
        var vector = new KVec<byte>(Gfp.Kernel);
        Assert.True(vector.TryPush((byte)'>').IsOk);
        Assert.True(new UserSlice(At(0), 3).Reader().ReadAll(ref vector).IsOk);
        Assert.Equal(">abc", System.Text.Encoding.ASCII.GetString(vector.AsSpan()));
        Assert.Equal(Errno.EFAULT, new UserSlice(At(62), 4).Reader().ReadAll(ref vector).Error);
        Assert.Equal(4, vector.Length);
        vector.Dispose();
        AssertNoLeaks();
    }

    [Fact]
    public void ReadAll_reports_ENOMEM_and_leaves_the_vector()
    {
        var vector = new KVec<byte>(Gfp.Kernel);
        Native.FailAllocation = 0;
        Assert.Equal(Errno.ENOMEM, new UserSlice(At(0), 8).Reader().ReadAll(ref vector).Error);
        Assert.Equal(0, vector.Length);
        AssertNoLeaks();
    }
}
