using System;
using System.ComponentModel;

namespace Kernel;

/// <summary>What the [SysfsAttribute] generator's entry points call once the kind has picked the type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class SysfsDispatch
{
    public static long Show<T>(void* state, byte* page, nuint size) where T : unmanaged, ISysfsAttribute<T>
        => PageText.Length(((T*)state)->Show(new Span<byte>(page, (int)size)), size, "a sysfs Show returned more bytes than its page holds"u8);

    public static int Store<T>(void* state, byte* text, nuint length) where T : unmanaged, ISysfsAttribute<T>, ISysfsStore
        => ((T*)state)->Store(new ReadOnlySpan<byte>(text, (int)length)).ToKernel();
}
