using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Kernel.HostTests;

/// <summary>A platform driver against the simulated kernel: registration hands C both match tables, the probe is
/// told whether an id matched and its info.</summary>
public sealed unsafe class PlatformTests : HostTest
{
    private struct Sample : IPlatformDriver<Sample>
    {
        public uint Info;
        public bool Matched;
        public static int Disposed;

        static uint IPlatformDriver<Sample>.PlatformDriverKind => 4;
        // "LNUXBEEF" info 7, what the generator writes for [AcpiDeviceId("LNUXBEEF", Info = 7)].
        static ReadOnlySpan<byte> IPlatformDriver<Sample>.AcpiIdTable => new byte[]
        {
            (byte)'L', (byte)'N', (byte)'U', (byte)'X', (byte)'B', (byte)'E', (byte)'E', (byte)'F', 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0,
        };

        public static Result<Sample> Probe(PlatformDevice device, PlatformMatch match)
        {
            bool matched = match.TryGetInfo(out uint info);
            if (matched && info == 99) return Errno.ENODEV;
            return new Sample { Info = info, Matched = matched };
        }

        public void Dispose() => Disposed++;
    }

    [Fact]
    public void Registration_hands_C_the_ACPI_table_and_no_OF_table()
    {
        PlatformDriverRegistration<Sample> driver = PlatformDriverRegistration<Sample>.Register(CStr.FromStaticUtf8WithNul("rust_driver_platform\0"u8)).Value;
        var registered = Native.PlatformDrivers[0]!.Value;
        Assert.Equal((4u, (nuint)sizeof(Sample), "rust_driver_platform", 20, 0), (registered.Kind, registered.StateSize, registered.Name, registered.Acpi.Length, registered.Of.Length));
        Assert.Equal("LNUXBEEF", System.Text.Encoding.ASCII.GetString(registered.Acpi, 0, 8));
        driver.Dispose();
        driver.Dispose();
        Assert.Null(Native.PlatformDrivers[0]);
    }

    [Fact]
    public void The_probe_is_told_the_matching_id_s_info_or_that_none_matched_and_its_error_reaches_C()
    {
        void* state = NativeMemory.AllocZeroed((nuint)sizeof(Sample));
        try
        {
            Assert.Equal(0, PlatformDispatch.Probe<Sample>((void*)1, 7, 1, state));
            Assert.Equal((7u, true), (((Sample*)state)->Info, ((Sample*)state)->Matched));
            Assert.Equal(0, PlatformDispatch.Probe<Sample>((void*)1, 0, 0, state));
            Assert.False(((Sample*)state)->Matched);
            Assert.Equal(-19, PlatformDispatch.Probe<Sample>((void*)1, 99, 1, state));
            Sample.Disposed = 0;
            PlatformDispatch.Remove<Sample>(state);
            Assert.Equal(1, Sample.Disposed);
        }
        finally
        {
            NativeMemory.Free(state);
        }
    }
}
