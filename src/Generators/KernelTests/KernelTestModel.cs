namespace Kernel.Generators.KernelTests;

/// <summary>A valid [KernelTest] method: how to call it and how it is reported, no symbols or syntax.</summary>
/// <param name="FullName">The test's name in the KTAP report and dotnet test: Namespace.Type.Method.</param>
/// <param name="Call">The fully qualified method, as the generated runner calls it.</param>
/// <param name="SkipReason">[KernelTest(Skip = ...)], or null.</param>
/// <param name="File">Where the method is declared: a failure with no expectation of its own (a crash) is reported there.</param>
internal sealed record KernelTestModel(string FullName, string Call, string? SkipReason, string File, int Line);
