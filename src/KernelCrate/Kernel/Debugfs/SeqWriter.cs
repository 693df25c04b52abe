using System;

namespace Kernel;

/// <summary>The text of a file being read (a seq_file): what <see cref="IDebugfsFile{TSelf}.Show"/> writes.</summary>
public unsafe ref struct SeqWriter
{
    private readonly void* _seq;

    internal SeqWriter(void* seq) => _seq = seq;

    public void Write(scoped ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8) Native.SeqWrite(_seq, text, (nuint)utf8.Length);
    }

    /// <summary>Formatted text, as Printk formats it: <c>writer.Print($"{value}\n")</c>.</summary>
    public void Print(ref PrintkText text) => Write(text.Text);
}
