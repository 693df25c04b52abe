using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Kernel.Build;

/// <summary>Runs kbuild on the module folder and reports its compiler and modpost errors as MSBuild errors (KC9004).</summary>
public sealed class RunKbuild : KernelCrateTask
{
    private static readonly Regex CompilerMessage = new(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?<column>\d+): (?<kind>error|warning): (?<text>.*)$");
    private static readonly Regex ModpostMessage = new(@"^(?<kind>ERROR|WARNING): modpost: (?<text>.*)$");

    [Required] public string KernelDir { get; set; } = "";
    [Required] public string ModuleDir { get; set; } = "";
    [Required] public string ModuleName { get; set; } = "";

    public override bool Execute()
    {
        (int exitCode, string output) = ProcessRunner.Run("make", "-C", KernelDir, "M=" + ModuleDir, "KC_MODULE=" + ModuleName, "modules");
        bool reported = false;
        foreach (string line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            Log.LogMessage(MessageImportance.Low, line);
            Match compiler = CompilerMessage.Match(line);
            if (compiler.Success)
            {
                int lineNumber = int.Parse(compiler.Groups["line"].Value), column = int.Parse(compiler.Groups["column"].Value);
                if (compiler.Groups["kind"].Value == "error")
                {
                    Log.LogError("kbuild", BuildDiagnostics.Kbuild, null, compiler.Groups["file"].Value, lineNumber, column, 0, 0, compiler.Groups["text"].Value);
                    reported = true;
                }
                else this.Warning(BuildDiagnostics.Kbuild, compiler.Groups["file"].Value, compiler.Groups["text"].Value, "kbuild", lineNumber, column, withDoc: false);
                continue;
            }
            Match modpost = ModpostMessage.Match(line);
            if (modpost.Success)
            {
                string text = "modpost: " + modpost.Groups["text"].Value;
                if (modpost.Groups["kind"].Value == "ERROR") { Log.LogError("kbuild", BuildDiagnostics.Kbuild, null, ModuleDir, 0, 0, 0, 0, text); reported = true; }
                else this.Warning(BuildDiagnostics.Kbuild, ModuleDir, text, "kbuild", withDoc: false);
            }
        }
        if (exitCode != 0 && !reported)
        {
            string tail = string.Join(" | ", output.Split('\n').Where(l => l.Trim().Length > 0).TakeLast(8));
            Log.LogError("kbuild", BuildDiagnostics.Kbuild, null, ModuleDir, 0, 0, 0, 0, $"kbuild failed (make exit {exitCode}): {tail}");
        }
        return exitCode == 0 && !Log.HasLoggedErrors;
    }
}
