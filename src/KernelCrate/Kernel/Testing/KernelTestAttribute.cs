using System;

namespace Kernel;

/// <summary>
/// A test that runs inside a real kernel (Rust-for-Linux's <c>#[kunit_tests]</c>): a <c>static void</c> method without
/// parameters. In a project with <c>KernelTestProject=true</c> the generator makes a test module that runs every such
/// method in its init and reports KTAP; <c>dotnet test</c> builds it, boots it in QEMU and reports each test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class KernelTestAttribute : Attribute
{
    /// <summary>When set, the test is reported as skipped with this reason and not run.</summary>
    public string Skip { get; set; }
}
