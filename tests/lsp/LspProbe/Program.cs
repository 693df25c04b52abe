using System.Diagnostics;
using System.Text.Json.Nodes;
using LspProbe;

// LspProbe <language-server> <project-dir> <file> <ID:line:column>... [--edit "<old>" "<new>" <ID-that-goes>]
// Opens <file> in the language server, waits until every expected diagnostic arrives at its 1-based position, then
// (with --edit) changes the text and waits for the update that drops <ID-that-goes>. Prints each check, the
// timings, and "lsp: N passed, N failed".
string server = args[0], projectDir = Path.GetFullPath(args[1]), file = Path.GetFullPath(Path.Combine(projectDir, args[2]));
int editAt = Array.IndexOf(args, "--edit");
var expected = args[3..(editAt < 0 ? args.Length : editAt)]
    .Select(e => e.Split(':')).Select(p => (Id: p[0], Line: int.Parse(p[1]), Column: int.Parse(p[2]))).ToList();
string uri = new Uri(file).AbsoluteUri;
int passed = 0, failed = 0;
void Check(bool ok, string what) { if (ok) passed++; else failed++; Console.WriteLine($"  {(ok ? "PASS" : "FAIL")} {what}"); }

var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
JsonNode? Answer(string method, JsonNode? parameters) => method switch
{
    "workspace/configuration" => new JsonArray(((parameters?["items"] as JsonArray) ?? []).Select(item =>
        (JsonNode?)(item?["section"]?.GetValue<string>() == "csharp" ? settings["csharp"]!.DeepClone() : null)).ToArray()),
    _ => null,
};

using var lsp = new LspConnection(server, projectDir, Answer);
var clock = Stopwatch.StartNew();
lsp.Request("initialize", new JsonObject
{
    ["processId"] = Environment.ProcessId,
    ["rootUri"] = new Uri(projectDir + "/").AbsoluteUri,
    ["capabilities"] = new JsonObject
    {
        ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject(), ["synchronization"] = new JsonObject { ["didSave"] = true } },
        ["workspace"] = new JsonObject { ["configuration"] = true },
    },
    ["initializationOptions"] = settings.DeepClone(),
}, TimeSpan.FromSeconds(60));
lsp.Notify("initialized", new JsonObject());
lsp.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
string text = File.ReadAllText(file);
lsp.Notify("textDocument/didOpen", new JsonObject
{
    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
});
TimeSpan opened = clock.Elapsed;

static List<(string Id, int Line, int Column)> KernelDiagnostics(JsonObject publish)
    => ((publish["params"]?["diagnostics"] as JsonArray) ?? [])
        .Select(d => (Id: d?["code"]?.ToString() ?? "",
            Line: (d?["range"]?["start"]?["line"]?.GetValue<int>() ?? -1) + 1,
            Column: (d?["range"]?["start"]?["character"]?.GetValue<int>() ?? -1) + 1))
        .Where(d => d.Id.StartsWith("KC", StringComparison.Ordinal)).ToList();

bool IsPublishFor(JsonObject m) => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && m["params"]?["uri"]?.GetValue<string>() == uri;

JsonObject? complete = lsp.WaitFor(m => IsPublishFor(m) && expected.All(e => KernelDiagnostics(m).Contains(e)), TimeSpan.FromSeconds(180));
TimeSpan arrived = clock.Elapsed;
Check(complete is not null, $"KC diagnostics published after didOpen ({(arrived - opened).TotalSeconds:F1} s)");
foreach (var e in expected)
    Check(complete is not null && KernelDiagnostics(complete).Contains(e), $"{e.Id} at line {e.Line}, column {e.Column}");

if (editAt >= 0 && complete is not null)
{
    string before = args[editAt + 1], after = args[editAt + 2], gone = args[editAt + 3];
    Check(text.Contains(before), $"the edit target '{before}' is in the file");
    var edited = clock.Elapsed;
    lsp.Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text.Replace(before, after) }),
    });
    JsonObject? update = lsp.WaitFor(m => IsPublishFor(m) && !KernelDiagnostics(m).Any(d => d.Id == gone), TimeSpan.FromSeconds(60));
    double ms = (clock.Elapsed - edited).TotalMilliseconds;
    Check(update is not null, $"the update after the edit drops {gone}");
    Check(update is not null && expected.Where(e => e.Id != gone).All(e => KernelDiagnostics(update).Any(d => d.Id == e.Id)), "the other KC diagnostics stay");
    Console.WriteLine($"  edit -> diagnostics update: {ms:F0} ms");
}
Console.WriteLine($"lsp: {passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
