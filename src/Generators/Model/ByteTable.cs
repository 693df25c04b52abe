using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Kernel.Generators.Model;

/// <summary>The id tables the driver generators hand C, as the C# of a static byte array.</summary>
internal static class ByteTable
{
    public static IEnumerable<byte> LittleEndian(uint word) => new[] { (byte)word, (byte)(word >> 8), (byte)(word >> 16), (byte)(word >> 24) };

    /// <summary><paramref name="text"/> as UTF-8, NUL-padded to <paramref name="width"/> bytes (the caller checked it fits with a NUL).</summary>
    public static IEnumerable<byte> Padded(string text, int width)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Concat(Enumerable.Repeat((byte)0, width - bytes.Length));
    }

    /// <summary>A property body returning the bytes, e.g. <c>new byte[] { 0x36, 0x1b }</c>.</summary>
    public static string Expression(IEnumerable<byte> bytes) => "new byte[] { " + string.Join(", ", bytes.Select(b => "0x" + b.ToString("x2"))) + " }";
}
