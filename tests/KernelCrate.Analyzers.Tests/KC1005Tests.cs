using System.Threading.Tasks;
using Kernel.Analyzers.Rules;
using Kernel.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kernel.Analyzers.Tests;

/// <summary>KC1005 against KernelCrate's own SpinLock, Mutex, UserSlice and KBox, as a module is compiled.</summary>
public sealed class KC1005Tests
{
    private const string Prelude = """
        using Kernel;

        internal struct Data { internal int Value; }

        """;

    private static Task Verify(string source) => ProjectBuilder.Analyzer<KC1005SleepInAtomicContextAnalyzer>(Prelude + source).RunAsync();

    [Fact]
    public Task Reports_a_mutex_taken_and_user_memory_copied_under_a_spinlock() => Verify("""
        internal static class Driver
        {
            internal static void Update(SpinLock<Data> spin, Mutex<Data> mutex, UserSliceReader reader)
            {
                using var guard = spin.Lock();
                using var inner = {|KC1005:mutex.Lock()|};
                Result<int> value = {|KC1005:reader.Read<int>()|};
                guard.Value.Value = value.IsOk ? value.Value : 0;
            }
        }
        """);

    [Fact]
    public Task Reports_a_sleep_under_a_spinlock_and_allows_a_busy_delay() => Verify("""
        internal static class Poller
        {
            internal static void Wait(SpinLock<Data> spin)
            {
                using var guard = spin.Lock();
                {|KC1005:Delay.FSleep(Delta.FromMicroseconds(50).Value)|};
                {|KC1005:Delay.MSleep(20)|};
                Result slept = {|KC1005:Delay.USleepRange(Delta.Zero, Delta.Zero)|};
                Result spun = Delay.Busy(Delta.FromMicroseconds(5).Value);
                guard.Value.Value = Jiffies.Now > 0 && Instant.Monotonic.Elapsed > Delta.Zero ? 1 : 0;
            }
        }
        """);

    [Fact]
    public Task Its_messages_read_as_sentences()
    {
        var test = ProjectBuilder.Analyzer<KC1005SleepInAtomicContextAnalyzer>(Prelude + """
            internal static class Driver
            {
                internal static void Update(SpinLock<Data> spin, UserSliceReader reader)
                {
                    using var guard = spin.Lock();
                    Result<int> value = {|#0:reader.Read<int>()|};
                    var box = {|#1:KBox<int>.TryNew(1)|};
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(0)
            .WithMessage("'Read' is [MaySleep], so it may sleep, but the spinlock guard 'guard' is held here (no sleeping while a spinlock is held); release the guard first, or protect the data with a Mutex"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(1)
            .WithMessage("'TryNew' allocates with Gfp.Kernel, so it may sleep, but the spinlock guard 'guard' is held here (no sleeping while a spinlock is held); allocate with Gfp.Atomic, or before taking the lock"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_sleeping_allocation_and_a_registration_in_a_using_statement_and_under_irqsave() => Verify("""
        internal static class Driver
        {
            internal static void Grow(SpinLock<Data> spin)
            {
                using (spin.LockIrqSave())
                {
                    var box = {|KC1005:KBox<int>.TryNew(1)|};
                    var other = {|KC1005:KBox<int>.TryNew(2, Gfp.Kernel | Gfp.Zero)|};
                    var created = {|KC1005:Mutex<int>.TryNew(0)|};
                }
            }
        }
        """);

    [Fact]
    public Task Follows_the_users_own_MaySleep_methods() => Verify("""
        internal static class Driver
        {
            [MaySleep]
            private static void Flush() { }

            internal static void Run(SpinLock<Data> spin)
            {
                var guard = spin.Lock();
                {|KC1005:Flush()|};
                guard.Dispose();
                Flush();
            }
        }
        """);

    [Fact]
    public Task Leaves_atomic_allocations_code_after_the_guard_and_other_methods_alone() => Verify("""
        internal static class Driver
        {
            internal static void Fine(SpinLock<Data> spin, Mutex<Data> mutex, UserSliceReader reader)
            {
                using (var guard = spin.Lock())
                {
                    guard.Value.Value++;
                    var box = KBox<int>.TryNew(1, Gfp.Atomic);
                    var nowait = KBox<int>.TryNew(1, Gfp.NoWait | Gfp.Zero);
                    var vector = new KVec<byte>(Gfp.Kernel);
                    if (box.IsOk) box.Value.Dispose();
                    if (nowait.IsOk) nowait.Value.Dispose();
                    // A local function runs when it is called, not where it is written.
                    void Deferred(Mutex<Data> m) { using var g = m.Lock(); }
                }
                using var inner = mutex.Lock();
                Result<int> value = reader.Read<int>();
                var later = KBox<int>.TryNew(value.IsOk ? value.Value : 0);
            }

            internal static void Sleeps(Mutex<Data> mutex)
            {
                using var guard = mutex.Lock();
                var box = KBox<int>.TryNew(1);
            }
        }
        """);

    [Fact]
    public Task The_fix_makes_the_allocation_atomic()
    {
        return ProjectBuilder.CodeFix<KC1005SleepInAtomicContextAnalyzer, KC1005AllocateAtomicCodeFix>(
            Prelude + """
                internal static class Driver
                {
                    internal static void Grow(SpinLock<Data> spin)
                    {
                        using var guard = spin.Lock();
                        var box = {|KC1005:KBox<int>.TryNew(1)|};
                        var zeroed = {|KC1005:KBox<long>.TryNew(2, Gfp.Kernel)|};
                        var vector = {|KC1005:KVec<int>.TryWithCapacity(4, flags: Gfp.Kernel)|};
                    }
                }
                """,
            Prelude + """
                internal static class Driver
                {
                    internal static void Grow(SpinLock<Data> spin)
                    {
                        using var guard = spin.Lock();
                        var box = KBox<int>.TryNew(1, flags: Gfp.Atomic);
                        var zeroed = KBox<long>.TryNew(2, Gfp.Atomic);
                        var vector = KVec<int>.TryWithCapacity(4, flags: Gfp.Atomic);
                    }
                }
                """).RunAsync();
    }

    [Fact]
    public Task Follows_the_modules_own_methods_to_a_sleep_and_names_the_path()
    {
        var test = ProjectBuilder.Analyzer<KC1005SleepInAtomicContextAnalyzer>(Prelude + """
            internal struct Pool
            {
                private Mutex<Data> _mutex;
                private SpinLock<Data> _spin;
                internal void Refill() { using var g = _mutex.Lock(); }
                internal void Grow() => Refill();
                internal void Allocate() { var box = KBox<int>.TryNew(1); }
                internal bool Recursive(int n) => n > 0 && Recursive(n - 1);
                internal int Fine() => 1;
                internal int Locked => Fine();
                internal int Sleepy { get { Refill(); return 0; } }

                internal void Update()
                {
                    using var guard = _spin.Lock();
                    {|#0:Grow()|};
                    {|#1:Allocate()|};
                    int value = {|#2:Sleepy|};
                    Recursive(3);
                    value += Fine() + Locked;
                    {|#3:Local()|};
                    void Local() { using var m = Mutex<Data>.TryNew(default).Value.Lock(); }
                }
            }
            """);
        const string Held = "the spinlock guard 'guard' is held here (no sleeping while a spinlock is held); release the guard first, or protect the data with a Mutex";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(0)
            .WithMessage("'Grow' may sleep through Grow -> Refill -> Mutex.Lock ([MaySleep]), so it may sleep, but " + Held));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(1)
            .WithMessage("'Allocate' may sleep through Allocate -> KBox.TryNew (allocates with Gfp.Kernel), so it may sleep, but " + Held));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(2)
            .WithMessage("'Sleepy' may sleep through Sleepy -> Refill -> Mutex.Lock ([MaySleep]), so it may sleep, but " + Held));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(3)
            .WithMessage("'Local' may sleep through Local -> Mutex.Lock ([MaySleep]), so it may sleep, but " + Held));
        return test.RunAsync();
    }

    [Fact]
    public Task A_timer_callback_is_atomic_context_directly_and_through_calls()
    {
        var test = ProjectBuilder.Analyzer<KC1005SleepInAtomicContextAnalyzer>(Prelude + """
            [TimerCallback]
            internal partial struct Tick : ITimerCallback<Tick>
            {
                private Mutex<Data> _mutex;
                private Work<Later> _later;
                private Completion _done;
                private void Refill() { using var g = _mutex.Lock(); }

                public TimerRestart Run()
                {
                    {|#0:Refill()|};
                    {|#1:Delay.MSleep(1)|};
                    var box = {|#2:KBox<int>.TryNew(1)|};
                    var atomic = KBox<int>.TryNew(1, Gfp.Atomic);
                    _later.Queue();
                    _done.Complete();
                    Delay.Busy(Delta.Zero);
                    return TimerRestart.Stop;
                }

                public void Dispose() { Refill(); }
            }

            [WorkItem]
            internal partial struct Later : IWorkItem<Later>
            {
                private Mutex<Data> _mutex;
                public void Run() { using var g = _mutex.Lock(); Delay.MSleep(1); }
                public void Dispose() { }
            }

            internal static class Irq
            {
                [AtomicContext]
                internal static void Handle(Mutex<Data> mutex) { using var g = {|#3:mutex.Lock()|}; }
            }

            [IrqHandler]
            internal partial struct Device : IIrqHandler<Device>
            {
                private Completion _done;
                public IrqReturn Handle() { _done.Complete(); {|#4:_done.Wait()|}; return IrqReturn.Handled; }
                public void Dispose() { }
            }
            """);
        const string Timer = "'Tick.Run' runs in atomic context (it implements ITimerCallback.Run, called in softirq)";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(0)
            .WithMessage("'Refill' may sleep through Refill -> Mutex.Lock ([MaySleep]), so it may sleep, but " + Timer + "; move the call to a work item (Work<T> runs in process context)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(1)
            .WithMessage("'MSleep' is [MaySleep], so it may sleep, but " + Timer + "; move the call to a work item (Work<T> runs in process context)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(2)
            .WithMessage("'TryNew' allocates with Gfp.Kernel, so it may sleep, but " + Timer + "; allocate with Gfp.Atomic, or in a work item"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(3)
            .WithMessage("'Lock' is [MaySleep], so it may sleep, but 'Irq.Handle' runs in atomic context (it is [AtomicContext]); move the call to a work item (Work<T> runs in process context)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.SleepInAtomicContext).WithLocation(4)
            .WithMessage("'Wait' is [MaySleep], so it may sleep, but 'Device.Handle' runs in atomic context (it implements IIrqHandler.Handle, called in hardirq); move the call to a work item (Work<T> runs in process context)"));
        return test.RunAsync();
    }
}
