using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kernel.Testing;

/// <summary>Analyzer options with the same global values for every file, as MSBuild's build_property.* give.</summary>
internal sealed class GlobalAnalyzerOptions(params (string Key, string Value)[] values) : AnalyzerConfigOptionsProvider
{
    private readonly Values _values = new(values.ToDictionary(v => v.Key, v => v.Value));

    public override AnalyzerConfigOptions GlobalOptions => _values;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _values;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _values;

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
