using System;
using System.Diagnostics;
using System.Text;

namespace Kernel.Build;

internal static class ProcessRunner
{
    /// <summary>Runs a program to completion; stdout and stderr are merged in arrival order.</summary>
    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
        => Run(fileName, arguments, onLine: null, whileRunning: null);

    /// <summary>
    /// The same, calling <paramref name="onLine"/> with each line as it arrives and <paramref name="whileRunning"/>
    /// every quarter second until the program exits (and once after).
    /// </summary>
    public static (int ExitCode, string Output) Run(string fileName, string[] arguments, Action<string>? onLine, Action? whileRunning)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler received = (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            onLine?.Invoke(e.Data);
        };
        process.OutputDataReceived += received;
        process.ErrorDataReceived += received;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (whileRunning is not null)
            while (!process.WaitForExit(250)) whileRunning();
        process.WaitForExit();
        whileRunning?.Invoke();
        return (process.ExitCode, output.ToString());
    }
}
