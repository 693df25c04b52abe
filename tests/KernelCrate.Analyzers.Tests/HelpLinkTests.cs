using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kernel.Analyzers.Tests;

public sealed class HelpLinkTests
{
    public static TheoryData<string> Descriptors() => new(typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id));

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_links_to_its_doc_page(string id)
    {
        DiagnosticDescriptor descriptor = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Single(d => d.Id == id);
        Assert.Equal(DiagnosticCatalog.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(TestSetup.RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} points at {page}, which does not exist");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));
        string index = File.ReadAllText(Path.Combine(TestSetup.RepositoryRoot(), "docs", "rules", "README.md"));
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} |", index);
    }

    [Fact]
    public void Every_descriptor_is_in_the_release_tracking_file()
    {
        string unshipped = File.ReadAllText(Path.Combine(TestSetup.RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var (id, _) in Descriptors().Select(d => ((string)d.Data, 0)))
            Assert.Contains(id + " |", unshipped);
    }
}
