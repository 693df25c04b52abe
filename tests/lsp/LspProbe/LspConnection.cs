using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LspProbe;

/// <summary>JSON-RPC over a language server's stdio (LSP base protocol: Content-Length framed messages).</summary>
internal sealed class LspConnection : IDisposable
{
    private readonly Process _server;
    private readonly Stream _input;
    private readonly BlockingCollection<JsonObject> _incoming = new();
    private readonly Func<string, JsonNode?, JsonNode?> _answerServerRequest;
    private int _nextId;

    public LspConnection(string command, string workingDirectory, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        _answerServerRequest = answerServerRequest;
        _server = Process.Start(new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _input = _server.StandardInput.BaseStream;
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true }.Start();
    }

    public void Notify(string method, JsonNode? parameters) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public JsonNode? Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        JsonObject response = WaitFor(m => m["id"]?.GetValue<int>() == id && m["method"] is null, timeout)
            ?? throw new TimeoutException($"no response to {method}");
        return response["result"];
    }

    /// <summary>The next notification matching <paramref name="match"/>, answering server requests meanwhile.</summary>
    public JsonObject? WaitFor(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!_incoming.TryTake(out JsonObject? message, TimeSpan.FromMilliseconds(200))) continue;
            if (message["method"] is JsonValue method && message["id"] is not null)
            {
                string name = method.GetValue<string>();
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = _answerServerRequest(name, message["params"]) });
                continue;
            }
            if (match(message)) return message;
        }
        return null;
    }

    private void Send(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_input)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadLoop()
    {
        Stream output = _server.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string? line;
                while ((line = ReadHeaderLine(output)) is { Length: > 0 })
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
                if (line is null || length < 0) return;
                byte[] body = new byte[length];
                output.ReadExactly(body);
                if (JsonNode.Parse(body) is JsonObject message) _incoming.Add(message);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var line = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)b);
        }
    }

    public void Dispose()
    {
        try
        {
            Request("shutdown", null, TimeSpan.FromSeconds(10));
            Notify("exit", null);
            _server.WaitForExit(5000);
        }
        catch (Exception) { }
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.Dispose();
    }
}
