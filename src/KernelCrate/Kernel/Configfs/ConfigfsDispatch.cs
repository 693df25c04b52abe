using System;
using System.ComponentModel;

namespace Kernel;

/// <summary>What the [ConfigfsItem] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ConfigfsDispatch
{
    public static long Show<T>(void* state, uint attribute, byte* page, nuint size) where T : unmanaged, IConfigfsItem<T>
        => PageText.Length(((T*)state)->Show((int)attribute, new Span<byte>(page, (int)size)), size, "a configfs Show returned more bytes than its page holds"u8);

    public static int Store<T>(void* state, uint attribute, byte* text, nuint length) where T : unmanaged, IConfigfsItem<T>, IConfigfsStore
        => ((T*)state)->Store((int)attribute, new ReadOnlySpan<byte>(text, (int)length)).ToKernel();

    public static int MakeGroup<T, TChild>(void* state, byte* name, void** group)
        where T : unmanaged, IConfigfsGroup<T, TChild> where TChild : unmanaged, IConfigfsItem<TChild>
    {
        if (TChild.ConfigfsKind == 0) Panic.Fail("a configfs child type without [ConfigfsItem] (KC0023)"u8);
        Result<TChild> made = ((T*)state)->MakeGroup(CStr.FromPointer(name));
        if (!made.TryGetValue(out TChild child)) return made.Error.ToKernel();
        int error;
        ReadOnlySpan<byte> table = TChild.ConfigfsTable;
        void* item;
        fixed (byte* bytes = table)
            item = Native.ConfigfsGroupNew(name, TChild.ConfigfsKind, &child, (nuint)sizeof(TChild), bytes, (nuint)table.Length, &error);
        if (item == null)
        {
            child.Dispose();
            return error;
        }
        *group = item;
        return 0;
    }

    public static void Release<T>(void* state) where T : unmanaged, IConfigfsItem<T> => ((T*)state)->Dispose();
}
