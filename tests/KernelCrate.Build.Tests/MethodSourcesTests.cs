using System.IO;
using Kernel.Build;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>MethodSources on this test assembly and its own portable PDB, as the object check reads a module's.</summary>
public sealed class MethodSourcesTests
{
    private static readonly MethodSources Sources = MethodSources.Read(typeof(MethodSourcesTests).Assembly.Location);

    [Fact]
    public void A_method_is_found_at_its_first_line_by_the_name_the_object_check_prints()
    {
        (string file, int line, _) = Assert.NotNull(Sources.Find("Kernel.Build.Tests.MethodSourcesTests.Target"));
        Assert.Equal("MethodSourcesTests.cs", Path.GetFileName(file));
        Assert.Contains("int Target<T>() => 42;", File.ReadAllLines(file)[line - 1]);
    }

    [Fact]
    public void Generic_arguments_and_nested_types_are_looked_through_and_an_unknown_name_is_null()
    {
        Assert.NotNull(Sources.Find("Kernel.Build.Tests.MethodSourcesTests.Target<Int32>"));
        Assert.NotNull(Sources.Find("Kernel.Build.Tests.MethodSourcesTests.Target<KBox<KVec<Int32>>>"));
        Assert.NotNull(Sources.Find("Kernel.Build.Tests.MethodSourcesTests.Nested.Inner"));
        Assert.Null(Sources.Find("Kernel.Build.Tests.MethodSourcesTests.Missing"));
        Assert.Null(Sources.Find(null));
        Assert.Null(MethodSources.Read("/nonexistent/Mod.dll").Find("Kernel.Build.Tests.MethodSourcesTests.Target"));
    }

    private static int Target<T>() => 42;

    private static class Nested
    {
        internal static int Inner() => Target<int>();
    }
}
