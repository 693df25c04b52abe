using System;
using System.Text;
using Xunit;

namespace Kernel.HostTests;

/// <summary>A /proc file of records against the simulated kernel: what C's start/next/show/stop would do, by index,
/// under the records' mutex.</summary>
public sealed unsafe class ProcSeqFileTests : HostTest
{
    private struct Squares : ISeqFile<Squares>
    {
        public KVec<long> Items;
        public static int Disposed;
        static uint ISeqFile<Squares>.SeqFileKind => 5;
        public long Count => Items.Length;

        public Result Show(ref SeqWriter writer, long index)
        {
            writer.Print($"{index} {Items[(int)index]}\n");
            return Result.Ok;
        }

        public void Dispose()
        {
            Items.Dispose();
            Disposed++;
        }
    }

    /// <summary>seq_file's loop as C runs it: lock, then each index below Count, then unlock.</summary>
    private static string Read(nint mutex, int seq)
    {
        Native.MutexLock((void*)mutex);
        void* records = Native.MutexData((void*)mutex);
        for (long i = 0; i < SeqFileDispatch.Count<Squares>(records); i++)
            Assert.Equal(0, SeqFileDispatch.Show<Squares>(records, i, (void*)seq));
        Native.MutexUnlock((void*)mutex);
        return Native.Seqs[seq].ToString();
    }

    [Fact]
    public void Reads_list_every_record_under_the_mutex_and_the_module_changes_them_through_Lock()
    {
        var squares = new Squares { Items = new KVec<long>(Gfp.Kernel) };
        for (long i = 0; i < 3; i++) Assert.True(squares.Items.TryPush(i * i).IsOk);
        ProcSeqFile<Squares> file = ProcSeqFile<Squares>.TryCreate(CStr.FromStaticUtf8WithNul("kc_squares\0"u8), squares).Value;
        var created = Native.ProcFiles[0];
        Assert.Equal(("kc_squares", 0x124u, 5u), (created.Name, created.Mode, created.Kind));
        Assert.Equal("0 0\n1 1\n2 4\n", Read(created.Mutex, 1));
        using (MutexGuard<Squares> guard = file.Lock()) Assert.True(guard.Value.Items.TryPush(9).IsOk);
        Assert.Equal("0 0\n1 1\n2 4\n3 9\n", Read(created.Mutex, 2));
        Assert.Equal(Errno.ENOMEM, ProcSeqFile<Squares>.TryCreate(CStr.FromStaticUtf8WithNul("kc_squares\0"u8), new Squares { Items = new KVec<long>(Gfp.Kernel) }).Error);
        Squares.Disposed = 0;
        file.Dispose();
        file.Dispose();
        Assert.True(Native.ProcFiles[0].Removed);
        Assert.Equal(1, Squares.Disposed);
        AssertNoLeaks();
    }
}
