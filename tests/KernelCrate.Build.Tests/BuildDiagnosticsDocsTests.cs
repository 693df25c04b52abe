using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Kernel.Build;
using Xunit;

namespace Kernel.Build.Tests;

/// <summary>Every KC9xxx id the build reports has its page and its row in the docs index.</summary>
public sealed class BuildDiagnosticsDocsTests
{
    public static TheoryData<string> Ids() => new(typeof(BuildDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!));

    private static string Docs([System.Runtime.CompilerServices.CallerFilePath] string here = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "rules"));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_build_id_has_a_page_and_an_index_row(string id)
    {
        Assert.StartsWith("KC9", id);
        string page = Path.Combine(Docs(), id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page));
        Assert.Contains($"| [{id}]({id}.md) |", File.ReadAllText(Path.Combine(Docs(), "README.md")));
    }

    [Fact]
    public void The_ids_are_distinct()
    {
        string[] ids = Ids().Select(row => (string)row.Data).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
