using System;

namespace Kernel;

/// <summary>
/// The method may sleep (klint's <c>might_sleep</c> annotation): it takes a sleeping lock, allocates with
/// <see cref="Gfp.Kernel"/>, touches user memory or registers with the kernel. KC1005 reports a call to it while a
/// <see cref="SpinLock{T}"/> guard is alive; put it on your own methods that sleep, so their callers are checked too.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
public sealed class MaySleepAttribute : Attribute
{
}
