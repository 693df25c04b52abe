using System;

namespace Kernel;

/// <summary>
/// A kernel module: <c>[Module]</c> on a type implementing this generates <c>init_module</c>, which calls
/// <see cref="Init"/>, and <c>cleanup_module</c>, which calls <see cref="IDisposable.Dispose"/> (like Drop).
/// </summary>
public interface IKernelModule<TSelf> : IDisposable where TSelf : IKernelModule<TSelf>
{
    static abstract Result<TSelf> Init(CStr name, ThisModule module);
}
