using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Kernel.Build;

/// <summary>
/// Gives each funclet ilc calls inside its function (<see cref="ManagedObject.Funclets"/>) a local function symbol of
/// its own length, kc_funclet_&lt;offset&gt;: objcopy adds the symbols, then their sizes are written into the ELF
/// symbol table (objcopy cannot set one), since objtool ignores a function symbol without a size.
/// </summary>
public static class FuncletSymbols
{
    public const string Prefix = "kc_funclet_";

    public static string Name(long offset) => Prefix + offset.ToString("x");

    /// <summary>objcopy's arguments adding the symbols to <paramref name="objectFile"/> in place.</summary>
    public static IEnumerable<string> ObjcopyArguments(IReadOnlyDictionary<long, long> funclets, string objectFile)
        => funclets.Keys.SelectMany(offset => new[] { "--add-symbol", $"{Name(offset)}={ManagedObject.CodeSection}:0x{offset:x},local,function" })
            .Append(objectFile);

    /// <summary>Sets st_size of each kc_funclet_ symbol in a 64-bit little-endian ELF object; how many it set.</summary>
    public static int WriteSizes(string objectFile, IReadOnlyDictionary<long, long> funclets)
    {
        byte[] elf = File.ReadAllBytes(objectFile);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{objectFile} is not a 64-bit little-endian ELF object");
        long sectionHeaders = BitConverter.ToInt64(elf, 0x28);
        int headerSize = BitConverter.ToUInt16(elf, 0x3a), count = BitConverter.ToUInt16(elf, 0x3c);
        int written = 0;
        for (int i = 0; i < count; i++)
        {
            long header = sectionHeaders + (long)i * headerSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != 2) continue; // SHT_SYMTAB
            long symbols = BitConverter.ToInt64(elf, (int)header + 0x18), size = BitConverter.ToInt64(elf, (int)header + 0x20);
            int link = (int)BitConverter.ToUInt32(elf, (int)header + 0x28);
            long strings = BitConverter.ToInt64(elf, (int)(sectionHeaders + (long)link * headerSize) + 0x18);
            for (long entry = symbols; entry + 24 <= symbols + size; entry += 24)
            {
                string name = ReadName(elf, strings + BitConverter.ToUInt32(elf, (int)entry));
                if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                long offset = Convert.ToInt64(name.Substring(Prefix.Length), 16);
                if (!funclets.TryGetValue(offset, out long length)) continue;
                BitConverter.GetBytes(length).CopyTo(elf, (int)entry + 16);
                written++;
            }
        }
        File.WriteAllBytes(objectFile, elf);
        return written;
    }

    private static string ReadName(byte[] elf, long at)
    {
        int end = Array.IndexOf(elf, (byte)0, (int)at);
        return Encoding.ASCII.GetString(elf, (int)at, end - (int)at);
    }
}
