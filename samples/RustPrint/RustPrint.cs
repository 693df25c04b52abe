// SPDX-License-Identifier: GPL-2.0
// The C# twin of Rust-for-Linux's samples/rust/rust_print_main.rs: every level with and without arguments, lines
// continued with Printk.Cont (pr_cont), Display and Debug forms ({v} and {v:?}) and Printk.Dbg (dbg!). Upstream
// prints through Arc<dyn Display>; here the same lines come from values that format themselves
// (IPrintkFormattable), dispatched statically. Upstream's trace event has no twin.
using Kernel;

[Module(Name = "rust_print", Authors = new[] { "Rust for Linux Contributors" }, Description = "Rust printing macros sample", License = "GPL")]
internal struct RustPrint : IKernelModule<RustPrint>
{
    public static Result<RustPrint> Init(CStr name, ThisModule module)
    {
        Printk.Info("Rust printing macros sample (init)");

        Printk.Emerg("Emergency message (level 0) without args");
        Printk.Alert("Alert message (level 1) without args");
        Printk.Crit("Critical message (level 2) without args");
        Printk.Err("Error message (level 3) without args");
        Printk.Warning("Warning message (level 4) without args");
        Printk.Notice("Notice message (level 5) without args");
        Printk.Info("Info message (level 6) without args");

        Printk.Write(LogLevel.Info, "A line that");
        Printk.Cont(" is continued");
        Printk.ContLine(" without args");

        Printk.Emerg($"{"Emergency"} message (level {0}) with args");
        Printk.Alert($"{"Alert"} message (level {1}) with args");
        Printk.Crit($"{"Critical"} message (level {2}) with args");
        Printk.Err($"{"Error"} message (level {3}) with args");
        Printk.Warning($"{"Warning"} message (level {4}) with args");
        Printk.Notice($"{"Notice"} message (level {5}) with args");
        Printk.Info($"{"Info"} message (level {6}) with args");

        Printk.Write(LogLevel.Info, $"A {"line"} that");
        Printk.Cont($" is {"continued"}");
        Printk.ContLine($" with {"args"}");

        SharedPrint();
        return new RustPrint();
    }

    /// <summary>Upstream's arc_print: a value's Display form, the Debug form of a string, dbg!, and a shared printer.</summary>
    private static void SharedPrint()
    {
        var a = new Number(1);
        var b = new Text(CStr.Literal("hello, world"));

        Printk.Info($"{a}");
        Printk.Info($"{b:?}");

        Text c = b;
        Printk.Dbg(c);

        SayDisplay(new Number(42));
        SayDisplay(b);

        Printk.Info($"{b:?}");
    }

    private static void SayDisplay<T>(T value) where T : IPrintkFormattable
        => Printk.Info($"Arc<dyn Display> says {value}");

    public void Dispose() => Printk.Info("Rust printing macros sample (exit)");

    private readonly struct Number(int value) : IPrintkFormattable
    {
        public void Format(ref PrintkText text, bool debug) => text.AppendFormatted(value);
    }

    private readonly struct Text(CStr value) : IPrintkFormattable
    {
        public void Format(ref PrintkText text, bool debug) => text.AppendFormatted(value, format: debug ? "?" : null);
    }
}
