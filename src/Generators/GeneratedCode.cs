namespace Kernel.Generators;

/// <summary>Where generated code lives. KernelCrate.props enables interceptors in this namespace (a test checks it).</summary>
public static class GeneratedCode
{
    public const string Namespace = "Kernel.Generated";
}
