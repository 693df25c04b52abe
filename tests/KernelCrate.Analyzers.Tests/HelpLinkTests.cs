using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class HelpLinkTests
{
    /// <summary>Each catalog with the release-tracking file of the assembly that reports its ids.</summary>
    private static readonly (System.Type Catalog, string Project)[] Catalogs =
        [(typeof(DiagnosticCatalog), "Analyzers"), (typeof(Kernel.Generators.GeneratorDiagnostics), "Generators")];

    private static DiagnosticDescriptor[] All(System.Type catalog) => catalog.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

    public static TheoryData<string> Descriptors() => new(Catalogs.SelectMany(c => All(c.Catalog)).Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_links_to_its_doc_page(string id)
    {
        DiagnosticDescriptor descriptor = Catalogs.SelectMany(c => All(c.Catalog)).Single(d => d.Id == id);
        Assert.Equal(DiagnosticCatalog.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(TestSetup.RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} points at {page}, which does not exist");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));
        string index = File.ReadAllText(Path.Combine(TestSetup.RepositoryRoot(), "docs", "rules", "README.md"));
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", index);
    }

    [Fact]
    public void Every_descriptor_is_in_its_assembly_s_release_tracking_file_and_ids_are_unique()
    {
        foreach ((System.Type catalog, string project) in Catalogs)
        {
            string unshipped = File.ReadAllText(Path.Combine(TestSetup.RepositoryRoot(), "src", project, "AnalyzerReleases.Unshipped.md"));
            foreach (DiagnosticDescriptor descriptor in All(catalog))
                Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
        }
        string[] ids = Descriptors().Select(d => (string)d.Data).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    /// <summary>
    /// The fifth file of a rule: a test that expects it, as a <c>{|ID:...|}</c> marker or an id argument. With the page,
    /// the index row and the release line above, a rule missing any of its files fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_has_a_test_that_expects_it(string id)
    {
        string tests = Path.Combine(TestSetup.RepositoryRoot(), "tests", "KernelCrate.Analyzers.Tests");
        bool expected = Directory.EnumerateFiles(tests, "*.cs")
            .Where(f => Path.GetFileName(f) != nameof(HelpLinkTests) + ".cs")
            .Select(File.ReadAllText)
            .Any(text => text.Contains("{|" + id + ":") || text.Contains("\"" + id + "\""));
        Assert.True(expected, $"no test in {tests} expects {id} (a {{|{id}:...|}} marker or a \"{id}\" argument)");
    }
}
