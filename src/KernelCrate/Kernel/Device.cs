namespace Kernel;

/// <summary>
/// A <c>struct device</c> the kernel owns (e.g. <see cref="MiscDevice.Device"/>), for dev_* printing: each line is
/// prefixed with the device's driver or class and name, as dev_info does ("misc rust-misc-device: ...").
/// </summary>
public readonly unsafe struct Device
{
    private readonly void* _device;

    /// <summary>The struct device, for KernelCrate's C helpers.</summary>
    internal void* Handle => _device;

    internal Device(void* device) => _device = device;

    public void Emerg(string text) => Line(LogLevel.Emerg, text);
    public void Emerg(ref PrintkText text) => Line(LogLevel.Emerg, ref text);
    public void Alert(string text) => Line(LogLevel.Alert, text);
    public void Alert(ref PrintkText text) => Line(LogLevel.Alert, ref text);
    public void Crit(string text) => Line(LogLevel.Crit, text);
    public void Crit(ref PrintkText text) => Line(LogLevel.Crit, ref text);
    public void Err(string text) => Line(LogLevel.Err, text);
    public void Err(ref PrintkText text) => Line(LogLevel.Err, ref text);
    public void Warning(string text) => Line(LogLevel.Warning, text);
    public void Warning(ref PrintkText text) => Line(LogLevel.Warning, ref text);
    public void Notice(string text) => Line(LogLevel.Notice, text);
    public void Notice(ref PrintkText text) => Line(LogLevel.Notice, ref text);
    public void Info(string text) => Line(LogLevel.Info, text);
    public void Info(ref PrintkText text) => Line(LogLevel.Info, ref text);
    /// <summary>dev_dbg: through dynamic debug, off unless enabled.</summary>
    public void Debug(string text) => Line(LogLevel.Debug, text);
    public void Debug(ref PrintkText text) => Line(LogLevel.Debug, ref text);

    /// <summary>A string property of the device's firmware node (a devicetree property, or an ACPI _DSD entry), e.g.
    /// "compatible": EINVAL when there is none or it is not a string, ENODATA when it has no value. Valid while the
    /// device is bound.</summary>
    [MaySleep]
    public Result<CStr> StringProperty(CStr name)
    {
        if (_device == null) Panic.Fail("a property of a null device"u8);
        int error;
        byte* value = (byte*)Native.DevicePropertyString(_device, name.Pointer, &error);
        if (value == null) return Errno.FromKernel(error);
        return CStr.FromPointer(value);
    }

    /// <summary>One line at <paramref name="level"/> (<see cref="LogLevel.Cont"/> is not a level here: it prints at Info).</summary>
    public void Line(LogLevel level, string text)
    {
        var buffer = new PrintkText(text.Length, 0);
        buffer.AppendLiteral(text);
        Line(level, ref buffer);
    }

    public void Line(LogLevel level, ref PrintkText text)
    {
        if (_device == null) Panic.Fail("dev_* printing on a null device"u8);
        System.ReadOnlySpan<byte> utf8 = text.Text;
        fixed (byte* p = utf8) Native.DevPrintk((int)level, _device, p, (nuint)utf8.Length);
    }
}
