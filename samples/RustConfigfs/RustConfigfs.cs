// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_configfs.rs: /sys/kernel/config/rust_configfs with upstream's
// attributes and lines. message reads "Hello World"; bar keeps what is written to it (up to a page); mkdir there
// makes a Child (baz reads "Hello Baz"), mkdir in a Child a GrandChild (gc reads "Hello GC"), and mkdir in a
// GrandChild fails, as it has no child type.
using System;
using Kernel;

[Module(Name = "rust_configfs", Authors = new[] { "Rust for Linux Contributors" }, Description = "Rust configfs sample", License = "GPL")]
internal partial struct RustConfigfs : IKernelModule<RustConfigfs>
{
    private ConfigfsSubsystem<Configuration> _config;

    public static Result<RustConfigfs> Init(CStr name, ThisModule module)
    {
        Printk.Info("Rust configfs sample (init)");
        Result<Configuration> configuration = Configuration.New();
        if (!configuration.TryGetValue(out Configuration made)) return configuration.Error;
        Result<ConfigfsSubsystem<Configuration>> config = ConfigfsSubsystem<Configuration>.TryRegister(CStr.Literal("rust_configfs"), made);
        if (!config.TryGetValue(out ConfigfsSubsystem<Configuration> registered)) return config.Error;
        return new RustConfigfs { _config = registered };
    }

    public void Dispose() => _config.Dispose();
}

[ConfigfsItem]
[ConfigfsAttribute("message")]
[ConfigfsAttribute("bar", Writable = true)]
internal partial struct Configuration : IConfigfsGroup<Configuration, Child>, IConfigfsStore
{
    private const int PageSize = 4096;
    private CStr _message;
    private Mutex<KVec<byte>> _bar;

    internal static Result<Configuration> New()
    {
        Result<KVec<byte>> page = KVec<byte>.TryWithCapacity(PageSize);
        if (!page.TryGetValue(out KVec<byte> buffer)) return page.Error;
        Result<Mutex<KVec<byte>>> bar = Mutex<KVec<byte>>.TryNew(buffer);
        if (!bar.TryGetValue(out Mutex<KVec<byte>> locked))
        {
            buffer.Dispose();
            return bar.Error;
        }
        return new Configuration { _message = CStr.Literal("Hello World\n"), _bar = locked };
    }

    public Result<Child> MakeGroup(CStr name) => new Child();

    public Result<int> Show(int attribute, Span<byte> page)
    {
        if (attribute == 0)
        {
            Printk.Info("Show message");
            _message.AsBytes().CopyTo(page);
            return _message.AsBytes().Length;
        }
        Printk.Info("Show bar");
        using MutexGuard<KVec<byte>> guard = _bar.Lock();
        ReadOnlySpan<byte> data = guard.Value;
        data.CopyTo(page);
        return data.Length;
    }

    public Result Store(int attribute, ReadOnlySpan<byte> text)
    {
        Printk.Info("Store bar");
        using MutexGuard<KVec<byte>> guard = _bar.Lock();
        // configfs hands less than a page, and the buffer holds a page: this never allocates.
        guard.Value.Clear();
        return guard.Value.TryExtendFrom(text);
    }

    public void Dispose()
    {
        using (MutexGuard<KVec<byte>> guard = _bar.Lock()) guard.Value.Dispose();
        _bar.Dispose();
    }
}

[ConfigfsItem]
[ConfigfsAttribute("baz")]
internal partial struct Child : IConfigfsGroup<Child, GrandChild>
{
    public Result<GrandChild> MakeGroup(CStr name) => new GrandChild();

    public Result<int> Show(int attribute, Span<byte> page)
    {
        Printk.Info("Show baz");
        return Text.Put("Hello Baz\n"u8, page);
    }

    public void Dispose() { }
}

[ConfigfsItem]
[ConfigfsAttribute("gc")]
internal partial struct GrandChild : IConfigfsItem<GrandChild>
{
    public Result<int> Show(int attribute, Span<byte> page)
    {
        Printk.Info("Show grand child");
        return Text.Put("Hello GC\n"u8, page);
    }

    public void Dispose() { }
}

internal static class Text
{
    internal static int Put(ReadOnlySpan<byte> text, Span<byte> page)
    {
        text.CopyTo(page);
        return text.Length;
    }
}
