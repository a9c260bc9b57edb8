using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace PosTerminal.Tests.Host;

/// <summary>Paths of the repository the tests run from, and a way to run a command in it.</summary>
public static class Repo
{
    /// <summary>The repository root (the folder holding PosTerminal.slnx).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "PosTerminal.slnx"))) return d.FullName;
        }
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Runs a program with arguments, waiting at most <paramref name="timeout"/>; returns exit code and combined output.
    /// <paramref name="environment"/> adds or replaces environment variables.
    /// </summary>
    public static (int ExitCode, string Output) Run(string file, string[] args, TimeSpan timeout, string workingDirectory = null,
        System.Collections.Generic.IDictionary<string, string> environment = null)
    {
        ProcessStartInfo psi = new(file)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // No build servers that outlive the command: they would inherit its output pipes and keep them open.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment != null) foreach (var e in environment) psi.Environment[e.Key] = e.Value;
        StringBuilder output = new();
        using Process p = new() { StartInfo = psi };
        using ManualResetEventSlim outEnded = new(), errEnded = new();
        p.OutputDataReceived += (_, e) => { if (e.Data == null) outEnded.Set(); else lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data == null) errEnded.Set(); else lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }
        // Waits for the end of its output, bounded: a grandchild still holding the pipes must not hang the test run.
        outEnded.Wait(TimeSpan.FromSeconds(30));
        errEnded.Wait(TimeSpan.FromSeconds(30));
        lock (output) return (p.ExitCode, output.ToString());
    }
}
