// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_debugfs.rs: a platform driver for the ACPI device LNUXBEEF
// (tests/kernel/acpi/lnuxbeef.dsl, with upstream's "compatible" _DSD property) that exports
// /sys/kernel/debug/sample_debugfs/{compatible,counter,pair}, with upstream's values and text: compatible reads
// "sample-debugfs" in quotes, counter 91, pair "Inner { x: 10, y: 42 }"; counter takes a number, pair "x y".
using System;
using Kernel;

[Module(Name = "rust_debugfs", Authors = new[] { "Matthew Maurer" }, Description = "Rust DebugFS usage sample", License = "GPL")]
internal partial struct RustDebugfsModule : IKernelModule<RustDebugfsModule>
{
    private PlatformDriverRegistration<RustDebugFs> _driver;

    public static Result<RustDebugfsModule> Init(CStr name, ThisModule module)
    {
        Result<PlatformDriverRegistration<RustDebugFs>> driver = PlatformDriverRegistration<RustDebugFs>.Register(name);
        if (!driver.TryGetValue(out PlatformDriverRegistration<RustDebugFs> registered)) return driver.Error;
        return new RustDebugfsModule { _driver = registered };
    }

    public void Dispose() => _driver.Dispose();
}

/// <summary>Upstream's File&lt;CString&gt;: the property's value as Rust's Debug prints a string.</summary>
[DebugfsFile]
internal partial struct Compatible : IDebugfsFile<Compatible>
{
    private CStr _value;

    internal Compatible(CStr value) => _value = value;

    public Result Show(ref SeqWriter writer)
    {
        writer.Print($"\"{_value}\"\n");
        return Result.Ok;
    }

    public void Dispose() { }
}

/// <summary>Upstream's File&lt;AtomicUsize&gt;.</summary>
[DebugfsFile]
internal partial struct Counter : IDebugfsFile<Counter>, IDebugfsStore
{
    internal AtomicI64 Value;

    public Result Show(ref SeqWriter writer)
    {
        writer.Print($"{Value.Load()}\n");
        return Result.Ok;
    }

    public Result Store(ReadOnlySpan<byte> text)
    {
        Result<ulong> parsed = TextParser.ParseU64(text);
        if (!parsed.TryGetValue(out ulong value)) return parsed.Error;
        if (value > long.MaxValue) return Errno.ERANGE;
        Value.Store((long)value);
        return Result.Ok;
    }

    public void Dispose() { }
}

internal struct Inner
{
    internal uint X;
    internal uint Y;
}

/// <summary>Upstream's File&lt;Mutex&lt;Inner&gt;&gt;: Debug text out, "x y" (two u32, nothing after) in.</summary>
[DebugfsFile]
internal partial struct Pair : IDebugfsFile<Pair>, IDebugfsStore
{
    internal Mutex<Inner> Inner;

    public Result Show(ref SeqWriter writer)
    {
        using MutexGuard<Inner> guard = Inner.Lock();
        writer.Print($"Inner {{ x: {guard.Value.X}, y: {guard.Value.Y} }}\n");
        return Result.Ok;
    }

    public Result Store(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> rest = text;
        Result<uint> x = TextParser.ParseU32(TextParser.NextWord(ref rest));
        Result<uint> y = TextParser.ParseU32(TextParser.NextWord(ref rest));
        if (!x.TryGetValue(out uint newX) || !y.TryGetValue(out uint newY) || TextParser.NextWord(ref rest).Length != 0) return Errno.EINVAL;
        using MutexGuard<Inner> guard = Inner.Lock();
        guard.Value.X = newX;
        guard.Value.Y = newY;
        return Result.Ok;
    }

    public void Dispose() => Inner.Dispose();
}

[PlatformDriver]
[AcpiDeviceId("LNUXBEEF")]
internal partial struct RustDebugFs : IPlatformDriver<RustDebugFs>
{
    private DebugfsDir _debugfs;
    private DebugfsFile<Compatible> _compatible;
    private DebugfsFile<Counter> _counter;
    private DebugfsFile<Pair> _inner;

    public static Result<RustDebugFs> Probe(PlatformDevice pdev, PlatformMatch match)
    {
        Result<CStr> compatible = pdev.Device.StringProperty(CStr.Literal("compatible"));
        if (!compatible.TryGetValue(out CStr value))
        {
            pdev.Device.Err("'compatible' is required");
            return compatible.Error;
        }
        Result<DebugfsDir> dir = DebugfsDir.TryCreate(CStr.Literal("sample_debugfs"));
        if (!dir.TryGetValue(out DebugfsDir debugfs)) return dir.Error;
        var driver = new RustDebugFs { _debugfs = debugfs };
        Result built = driver.Build(value);
        if (!built.IsOk)
        {
            driver.Dispose();
            return built.Error;
        }
        // Upstream's pin_chain: the counter to 91, then x takes y and y 42.
        driver._counter.State.Value.Store(91);
        using (MutexGuard<Inner> guard = driver._inner.State.Inner.Lock())
        {
            guard.Value.X = guard.Value.Y;
            guard.Value.Y = 42;
        }
        return driver;
    }

    private Result Build(CStr compatible)
    {
        Result<DebugfsFile<Compatible>> shown = DebugfsFile<Compatible>.TryCreate(_debugfs, CStr.Literal("compatible"), new Compatible(compatible));
        if (!shown.TryGetValue(out _compatible)) return shown.Error;
        Result<DebugfsFile<Counter>> counter = DebugfsFile<Counter>.TryCreate(_debugfs, CStr.Literal("counter"), new Counter());
        if (!counter.TryGetValue(out _counter)) return counter.Error;
        Result<Mutex<Inner>> mutex = Mutex<Inner>.TryNew(new Inner { X = 3, Y = 10 });
        if (!mutex.TryGetValue(out Mutex<Inner> inner)) return mutex.Error;
        Result<DebugfsFile<Pair>> pair = DebugfsFile<Pair>.TryCreate(_debugfs, CStr.Literal("pair"), new Pair { Inner = inner });
        if (!pair.TryGetValue(out _inner)) return pair.Error;
        return Result.Ok;
    }

    public void Dispose()
    {
        _inner.Dispose();
        _counter.Dispose();
        _compatible.Dispose();
        _debugfs.Dispose();
    }
}
