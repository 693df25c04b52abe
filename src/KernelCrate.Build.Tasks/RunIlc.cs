using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>
/// Runs ilc on the module assembly. Its analysis errors become MSBuild errors; a method it cannot compile
/// (it needs a runtime feature the kernel corelib leaves out on purpose: boxing, exceptions, casts...) becomes
/// one KC9003 error naming that method instead of a compiler stack trace.
/// </summary>
public sealed class RunIlc : KernelCrateTask
{
    private static readonly Regex CodegenFailure = new(@"Code generation failed for method '\[[^\]]+\](?<method>[^']+)'");
    private static readonly Regex MissingRuntimePiece = new(@"Expected (?<what>type|method) '(?<name>[^']+)' not found");
    private static readonly Regex AnalysisMessage = new(@"^ILC: (?:AOT analysis |Trim analysis )?(?<kind>error|warning) (?<code>IL\d+): (?<text>.*)$");

    [Required] public string IlcPath { get; set; } = "";
    [Required] public string Assembly { get; set; } = "";
    [Required] public ITaskItem[] References { get; set; } = [];
    [Required] public string ObjectFile { get; set; } = "";
    public string MapFile { get; set; } = "";

    public override bool Execute()
    {
        var arguments = new[] { Assembly }
            .Concat(References.Select(r => "-r:" + r.ItemSpec))
            .Concat(["-o:" + ObjectFile, "--systemmodule:KernelCrate", "--targetos:linux", "--targetarch:x64", "-O", "--nativelib"])
            .Concat(MapFile.Length > 0 ? ["--map:" + MapFile] : [])
            .ToArray();
        (int exitCode, string output) = ProcessRunner.Run(IlcPath, arguments);
        string[] lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        foreach (string line in lines)
        {
            Match analysis = AnalysisMessage.Match(line);
            if (!analysis.Success) continue;
            if (analysis.Groups["kind"].Value == "error") Log.LogError("ilc", analysis.Groups["code"].Value, null, Assembly, 0, 0, 0, 0, analysis.Groups["text"].Value);
            else this.Warning(analysis.Groups["code"].Value, Assembly, analysis.Groups["text"].Value, "ilc", withDoc: false);
        }
        if (exitCode == 0) return !Log.HasLoggedErrors;

        Match failure = CodegenFailure.Match(output);
        Match missing = MissingRuntimePiece.Match(output);
        string message = failure.Success
            ? $"ilc cannot compile '{failure.Groups["method"].Value}': it needs {(missing.Success ? $"'{missing.Groups["name"].Value}', " : "")}a runtime feature the kernel corelib leaves out (GC allocation, boxing, exceptions or casts); fix the KC1001/KC1003 warnings in it"
            : $"ilc failed (exit {exitCode}): {lines.FirstOrDefault(l => l.Trim().Length > 0)}";
        Log.Error(BuildDiagnostics.IlcCannotCompile, Assembly, message);
        for (int i = 0; i < lines.Length; i++) Log.LogMessage(MessageImportance.Low, lines[i]);
        return false;
    }
}
