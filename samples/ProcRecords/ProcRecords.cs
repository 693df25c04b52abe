// /proc/kc_squares lists "i i*i" for every record; a work item appends one every 10 ms, up to 5000, while user space
// reads (grow=0 keeps the first 1000 as they are). Each chunk of a read (a page) is shown under the records' mutex, so every line is whole and the indexes
// run on without a gap however the appends and the reads interleave.
using Kernel;

[Module(Name = "proc_records", Author = "KernelCrate", Description = "a /proc seq_file that grows while it is read", License = "GPL")]
internal partial struct ProcRecords : IKernelModule<ProcRecords>
{
    internal const int Initial = 1000, Final = 5000;

    [ModuleParameter(Default = true, Description = "Append a record every 10 ms while the file is read", Permissions = ParameterPermissions.ReadOnly)]
    internal static partial bool Grow { get; }

    private ProcSeqFile<Squares> _file;
    private Workqueue _queue;
    private Work<Grow> _grow;

    public static Result<ProcRecords> Init(CStr name, ThisModule module)
    {
        var squares = new Squares { Items = new KVec<ulong>(Gfp.Kernel) };
        for (ulong i = 0; i < Initial; i++)
        {
            Result pushed = squares.Items.TryPush(i * i);
            if (!pushed.IsOk)
            {
                squares.Dispose();
                return pushed.Error;
            }
        }
        Result<ProcSeqFile<Squares>> file = ProcSeqFile<Squares>.TryCreate(CStr.Literal("kc_squares"), squares);
        if (!file.TryGetValue(out ProcSeqFile<Squares> created)) return file.Error;
        var records = new ProcRecords { _file = created };
        Result<Workqueue> queue = Workqueue.TryNew(CStr.Literal("proc_records"));
        if (!queue.TryGetValue(out records._queue))
        {
            created.Dispose();
            return queue.Error;
        }
        Result<Work<Grow>> grow = Work<Grow>.TryNew(new Grow { File = created, Queue = records._queue });
        if (!grow.TryGetValue(out records._grow))
        {
            records._queue.Dispose();
            created.Dispose();
            return grow.Error;
        }
        records._grow.State.Self = records._grow;
        if (Grow) records._grow.Queue(records._queue);
        return records;
    }

    public void Dispose()
    {
        _grow.Dispose();
        _queue.Dispose();
        using (MutexGuard<Squares> guard = _file.Lock()) Printk.Info($"{guard.Value.Items.Length} records");
        _file.Dispose();
    }
}

[SeqFile]
internal partial struct Squares : ISeqFile<Squares>
{
    internal KVec<ulong> Items;

    public long Count => Items.Length;

    public Result Show(ref SeqWriter writer, long index)
    {
        writer.Print($"{index} {Items[(int)index]}\n");
        return Result.Ok;
    }

    public void Dispose() => Items.Dispose();
}

/// <summary>Appends the next square, then queues itself again 10 ms later until there are Final.</summary>
[WorkItem]
internal partial struct Grow : IWorkItem<Grow>
{
    internal ProcSeqFile<Squares> File;
    internal Workqueue Queue;
    internal Work<Grow> Self;

    public void Run()
    {
        int length;
        using (MutexGuard<Squares> guard = File.Lock())
        {
            ulong next = (ulong)guard.Value.Items.Length;
            if (!guard.Value.Items.TryPush(next * next).IsOk) return;
            length = guard.Value.Items.Length;
        }
        if (length < ProcRecords.Final) Self.QueueAfter(Queue, Delta.FromMilliseconds(10).Value);
    }

    public void Dispose() { }
}
