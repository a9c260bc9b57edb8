using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emulator.Host;

namespace PosTerminal.Tests.Host;

/// <summary>
/// What the console's end-to-end tests need: the built emulator as a process, real terminal programs (picocom under
/// tmux, socat) and a check that they are installed. Every wait is bounded; everything started is stopped.
/// </summary>
internal static class TerminalPrograms
{
    /// <summary>How long one expected piece of output may take (the emulator's start included).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Marks the test Inconclusive on other systems than Linux and when one of <paramref name="tools"/> is not installed;
    /// fails it instead when POSTERMINAL_REQUIRE_TOOLS=1 (set by .ci/run, which installs them).
    /// </summary>
    public static void Require(params string[] tools)
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("the emulator's pty and terminal mode handling are Linux only");
        foreach (string tool in tools)
        {
            if (Which(tool) != null) continue;
            string message = tool + " is not installed (apt-get install " + string.Join(' ', tools) + ")";
            if (Environment.GetEnvironmentVariable("POSTERMINAL_REQUIRE_TOOLS") == "1") Assert.Fail(message + "; POSTERMINAL_REQUIRE_TOOLS=1 requires it");
            Assert.Inconclusive(message);
        }
    }

    private static string Which(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string path = Path.Combine(dir, tool);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>A fresh temporary directory.</summary>
    public static string TempDir(string prefix)
    {
        string dir = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Polls <paramref name="text"/> until <paramref name="pattern"/> matches, at most <see cref="StepTimeout"/>; fails with what was seen.</summary>
    public static Match WaitFor(Func<string> text, string pattern, string what)
    {
        Regex re = new(pattern);
        Stopwatch w = Stopwatch.StartNew();
        string seen;
        while (true)
        {
            seen = text();
            Match m = re.Match(seen);
            if (m.Success) return m;
            if (w.Elapsed > StepTimeout) break;
            Thread.Sleep(100);
        }
        Assert.Fail($"{what}: /{pattern}/ not seen within {StepTimeout.TotalSeconds} s; seen:\n{seen}");
        return null;
    }
}

/// <summary>A program as a process with its standard input open and its output captured: the built emulator, socat.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>.</summary>
    public ChildProcess(string file, params string[] args)
    {
        ProcessStartInfo psi = new(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        _process = new Process { StartInfo = psi };
        _process.Start();
        // read as it comes, not by lines: a prompt ("login: ") ends no line
        Collect(_process.StandardOutput);
        Collect(_process.StandardError);
    }

    private void Collect(StreamReader reader)
    {
        Thread t = new(() =>
        {
            char[] buffer = new char[4096];
            int n;
            try
            {
                while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    lock (_output) _output.Append(buffer, 0, n);
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }) { IsBackground = true };
        t.Start();
    }

    /// <summary>Starts <c>dotnet PosTerminal.Emulator.dll</c> (the build next to the tests) with <paramref name="args"/>; its standard input is the board prompt.</summary>
    public static ChildProcess Emulator(params string[] args) => new("dotnet", [Path.Combine(AppContext.BaseDirectory, "PosTerminal.Emulator.dll"), .. args]);

    /// <summary>Its process id.</summary>
    public int Id => _process.Id;

    /// <summary>What it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Waits for <paramref name="pattern"/> in its output.</summary>
    public Match WaitFor(string pattern, string what) => TerminalPrograms.WaitFor(() => Output, pattern, what);

    /// <summary>Writes <paramref name="text"/> to its standard input as it is.</summary>
    public void Send(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    /// <summary>Quits through the emulator's board prompt and waits for the exit (bounded); returns the exit code.</summary>
    public int Quit()
    {
        Send("quit\n");
        if (!_process.WaitForExit(TerminalPrograms.StepTimeout)) Assert.Fail("it did not quit:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills it if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

/// <summary>A tmux server of its own (socket name unique to the test) running one window, driven with send-keys.</summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = "posterminal-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Starts a detached 200x50 session running <paramref name="command"/> (a shell command line).</summary>
    public Tmux(string command) => Run("new-session", "-d", "-x", "200", "-y", "50", command);

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public void Line(string text)
    {
        if (text.Length > 0) Run("send-keys", "-l", text);
        Run("send-keys", "Enter");
    }

    /// <summary>Sends tmux key names (e.g. "C-c", "C-\\").</summary>
    public void Keys(params string[] keys) => Run(["send-keys", .. keys]);

    /// <summary>The pane's content, with its scroll-back.</summary>
    public string Screen() => Run("capture-pane", "-p", "-J", "-S", "-1000");

    /// <summary>A tmux format value of the pane, e.g. "#{pane_tty}".</summary>
    public string Display(string format) => Run("display-message", "-p", format).Trim();

    /// <summary>Waits for <paramref name="pattern"/> on the screen.</summary>
    public Match WaitFor(string pattern, string what) => TerminalPrograms.WaitFor(Screen, pattern, what);

    /// <summary>Kills the server and whatever runs in it.</summary>
    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (AssertFailedException)
        {
            // already gone
        }
    }

    // CI runs without a terminal: give tmux a terminal type for its own server.
    private static readonly System.Collections.Generic.Dictionary<string, string> s_environment = new() { ["TERM"] = "xterm-256color" };

    private string Run(params string[] args)
    {
        (int code, string output) = Repo.Run("tmux", ["-L", _socket, .. args], TimeSpan.FromSeconds(10), Path.GetTempPath(), s_environment);
        if (code != 0) throw new AssertFailedException($"tmux {string.Join(' ', args)}: exit {code}: {output}");
        return output;
    }
}

/// <summary>
/// The other end of the emulator's pty opened by the test itself (as a terminal program opens it): what it reads is
/// collected, what it sends is typed. For in-process tests of the console without an external program.
/// </summary>
internal sealed class PtyPeer : IDisposable
{
    private readonly int _fd;
    private readonly StringBuilder _seen = new();

    /// <summary>Opens <paramref name="slavePath"/>.</summary>
    public PtyPeer(string slavePath) =>
        _fd = Posix.Check(Posix.Open(slavePath, Posix.ORdWr | Posix.ONoCtty | Posix.OCloExec), "open " + slavePath);

    /// <summary>Everything read so far (after draining what is there now).</summary>
    public string Seen
    {
        get
        {
            byte[] b = new byte[4096];
            while (Posix.Poll(_fd, Posix.PollIn, 0, out short ev) > 0 && (ev & Posix.PollIn) != 0)
            {
                nint n = Posix.Read(_fd, b, 0, b.Length);
                if (n <= 0) break;
                _seen.Append(Encoding.ASCII.GetString(b, 0, (int)n));
            }
            return _seen.ToString();
        }
    }

    /// <summary>Types <paramref name="line"/> and CR, as a terminal sends Enter.</summary>
    public void Line(string line)
    {
        byte[] b = Encoding.ASCII.GetBytes(line + "\r");
        Assert.AreEqual((nint)b.Length, Posix.Write(_fd, b, 0, b.Length));
    }

    /// <summary>Waits for <paramref name="pattern"/> in what was read after the first <paramref name="from"/> characters.</summary>
    public Match WaitFor(string pattern, string what, int from = 0) => TerminalPrograms.WaitFor(() =>
    {
        string seen = Seen;
        return seen[Math.Min(from, seen.Length)..];
    }, pattern, what);

    /// <summary>Closes the slave: the program detaches.</summary>
    public void Dispose() => Posix.Close(_fd);
}
