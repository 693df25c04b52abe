using System;
using System.Diagnostics.CodeAnalysis;

namespace Kernel;

/// <summary>The panic path: "&lt;module&gt;: panicked at '&lt;what&gt;'" then BUG(), as Rust-for-Linux's panic handler.</summary>
public static unsafe class Panic
{
    [DoesNotReturn]
    public static void Fail(ReadOnlySpan<byte> what)
    {
        fixed (byte* p = what) Native.Panic(p, (nuint)what.Length);
    }
}
