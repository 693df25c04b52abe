using Kernel;

namespace KernelModule1.Tests;

internal static class GreetingTests
{
    [KernelTest]
    internal static void Greets_by_name()
    {
        Result<KVec<byte>> hello = Greeting.For(CStr.Literal("tux"));
        if (!Expect.Ok(hello)) return;
        Expect.Equal("Hello from tux!"u8, hello.Value.AsSpan());
        hello.Value.Dispose();
    }
}
