using System;

namespace Kernel.HostTests;

/// <summary>Resets the simulated kernel before each test and checks nothing leaked after it.</summary>
public abstract class HostTest : IDisposable
{
    protected HostTest() => Native.Reset();

    public virtual void Dispose() => Native.Reset();

    protected static void AssertNoLeaks() => Xunit.Assert.Equal(0, Native.LiveAllocations);
}
