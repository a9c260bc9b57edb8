using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The technician console end to end, as issue 5 judges it: the built emulator (<c>run --pty</c>) and a real terminal
/// program on its pty. picocom under tmux: a technician changes the factory password, sets the acquirer's address and
/// the ids, saves, the emulator is stopped and started again on the same data, and the link test reaches the acquirer.
/// socat: the same console from a pipe. And the console on the emulator's own terminal: raw while it runs, the mode
/// restored however it ends.
/// </summary>
[TestClass]
public class ConsoleTerminalProgramTests
{
    private const string NewPassword = "Kx7-tech-2026";

    // picocom on the pty at the console's speed; when it ends, its exit status stays on the screen (as its error would)
    private static string Picocom(string pty) => $"picocom -b 115200 {pty}; echo picocom ended: $?; sleep 30";

    private static void Login(Tmux t, string password)
    {
        t.Line("");
        t.WaitFor(@"(?m)^login:\s*$", "login prompt");
        t.Line("tech");
        t.WaitFor(@"(?m)^password:\s*$", "password prompt");
        t.Line(password);
    }

    [TestMethod]
    public async Task Picocom_TechnicianSetsHostSavesRestarts_LinkTestReachesTheSimulator()
    {
        TerminalPrograms.Require("tmux", "picocom");
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        int port = sim.Host.Port;
        string dir = TerminalPrograms.TempDir("posterminal-console-");
        try
        {
            // first run: a new device, not configured
            using (ChildProcess emu = ChildProcess.Emulator("run", "--pty", "--simulator", "off", "--data", dir, "--no-trace"))
            {
                string pty = emu.WaitFor(@"console: (/dev/pts/\d+)", "the pty's path").Groups[1].Value;
                StringAssert.Contains(emu.Output, "NOT CONFIGURED");
                Assert.IsFalse(emu.Output.Contains("acquirer simulator:"), "--simulator off still started one");
                using (Tmux t = new(Picocom(pty)))
                {
                    t.WaitFor("Terminal ready", "picocom attached");
                    Login(t, "000000");
                    t.WaitFor("the technician password must be changed now", "forced change of the factory password");
                    t.WaitFor(@"(?m)^new password:\s*$", "new password prompt");
                    t.Line(NewPassword);
                    t.WaitFor(@"(?m)^retype new password:\s*$", "retype prompt");
                    t.Line(NewPassword);
                    t.WaitFor("logged in as technician", "login");
                    t.WaitFor(@"(?m)^tech>\s*$", "command prompt");

                    t.Line($"set host 127.0.0.1:{port}");
                    t.WaitFor($@"host = 127\.0\.0\.1:{port} \(staged", "host staged");
                    t.Line("set tid 88880001");
                    t.WaitFor("tid = 88880001", "tid staged");
                    t.Line("set mid 898310048990001");
                    t.WaitFor("mid = 898310048990001", "mid staged");
                    t.Line("save");
                    t.WaitFor(@"saved 3 change\(s\)", "saved");
                    Assert.IsFalse(t.Screen().Contains(NewPassword), "a password was echoed");
                }
                Assert.AreEqual(0, emu.Quit(), emu.Output);
            }

            // second run on the same data: configured at boot, and the link test reaches the simulator
            using (ChildProcess emu = ChildProcess.Emulator("run", "--pty", "--simulator", "off", "--data", dir, "--no-trace"))
            {
                string pty = emu.WaitFor(@"console: (/dev/pts/\d+)", "the pty's path").Groups[1].Value;
                StringAssert.Contains(emu.Output, "configuration: the saved configuration");
                StringAssert.Contains(emu.Output, $"primary   127.0.0.1:{port}");
                using (Tmux t = new(Picocom(pty)))
                {
                    // picocom attaches and leaves (Ctrl-A Ctrl-X) before the technician's session: the pty stays usable
                    t.WaitFor("Terminal ready", "picocom attached");
                    t.Keys("C-a", "C-x");
                    t.WaitFor("picocom ended: 0", "picocom left");
                }
                using (Tmux t = new(Picocom(pty)))
                {
                    t.WaitFor("Terminal ready", "picocom attached");
                    Login(t, NewPassword);
                    t.WaitFor("logged in as technician", "login with the new password");
                    t.WaitFor(@"(?m)^tech>\s*$", "command prompt");
                    t.Line("link test");
                    Match m = t.WaitFor($@"answered by primary 127\.0\.0\.1:{port} in (\d+) ms", "link test answer");
                    Assert.IsTrue(int.Parse(m.Groups[1].Value) < 10_000, "round trip " + m.Groups[1].Value + " ms");
                }
                Assert.AreEqual(0, emu.Quit(), emu.Output);
            }
            StringAssert.Contains(string.Join('\n', sim.Log), "ECHO tid=88880001");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void Socat_ConsoleFromAPipe_BadInputRefusedConfigurationUnchanged()
    {
        TerminalPrograms.Require("socat");
        string dir = TerminalPrograms.TempDir("posterminal-socat-");
        try
        {
            using ChildProcess emu = ChildProcess.Emulator("run", "--pty", "--simulator", "off", "--data", dir, "--no-trace");
            string pty = emu.WaitFor(@"console: (/dev/pts/\d+)", "the pty's path").Groups[1].Value;
            // socat between pipes and the pty: a terminal program that the test types into (CR ends a line, as a terminal sends it)
            using ChildProcess socat = new("socat", "-", $"{pty},rawer");
            void Send(string line) => socat.Send(line + "\r");
            Send("");
            socat.WaitFor("login: ", "login prompt");
            Send("tech");
            socat.WaitFor("password: ", "password prompt");
            Send("000000");
            socat.WaitFor("new password: ", "forced change");
            Send(NewPassword);
            socat.WaitFor("retype new password: ", "retype");
            Send(NewPassword);
            socat.WaitFor("logged in as technician", "login");

            Send("set host 127.0.0.01:5800");                                   // a leading zero
            socat.WaitFor("error: .*", "leading zero refused");
            Send("set host 255.255.255.255:5800");
            Send("set tid 1234567");                                            // 7 characters
            Send("set host 127.0.0.1:70000");
            Send("pending");
            socat.WaitFor("no unsaved changes", "nothing was staged");
            Assert.IsFalse(socat.Output.Contains(NewPassword), "a password was echoed");
            Assert.IsTrue(Regex.Matches(socat.Output, "error: ").Count >= 4, socat.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    [DataRow("TERM")]
    [DataRow("QUIT")]
    public void Stdio_ConsoleOnItsOwnTerminal_RawWhileRunningModeRestoredWhenStopped(string how)
    {
        TerminalPrograms.Require("tmux");
        string dir = TerminalPrograms.TempDir("posterminal-stdio-");
        try
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "PosTerminal.Emulator.dll");
            // the emulator in the foreground of the pane's shell, as a person starts it; the shell notes the mode before and after
            string script = $"stty -g > {dir}/before; dotnet {dll} run --simulator off --data {dir}/data --no-trace; "
                + $"echo EXIT=$?; stty -g > {dir}/after; echo MODE-SAVED; sleep 60";
            using Tmux t = new($"bash -c '{script}'");
            t.WaitFor(@"(?m)^login:\s*$", "the console's login prompt on the terminal");
            string tty = t.Display("#{pane_tty}");
            string during = Repo.Run("stty", ["-a", "-F", tty], TimeSpan.FromSeconds(10)).Output;
            StringAssert.Contains(during, "-icanon");
            StringAssert.Contains(during, "-echo ");
            StringAssert.Contains(during, "-icrnl");

            t.Line("tech");                                                    // the console echoes the name itself ...
            t.WaitFor(@"(?m)^password:\s*$", "password prompt");
            t.Line("000000");                                                  // ... and never the password
            t.WaitFor(@"(?m)^new password:\s*$", "forced change");
            Assert.IsFalse(Regex.IsMatch(t.Screen(), @"password:\s*000000"), "the password was echoed");

            if (how == "QUIT") t.Keys(@"C-\");
            else
            {
                // the pane's shell has one child: the emulator
                (int code, string pid) = Repo.Run("pgrep", ["-P", t.Display("#{pane_pid}")], TimeSpan.FromSeconds(10));
                Assert.AreEqual(0, code, "the emulator's process was not found");
                Assert.AreEqual(0, Repo.Run("kill", ["-TERM", pid.Trim()], TimeSpan.FromSeconds(10)).ExitCode);
            }
            t.WaitFor("EXIT=0", "the emulator ended cleanly");
            t.WaitFor("MODE-SAVED", "the mode after");
            Assert.AreEqual(File.ReadAllText(Path.Combine(dir, "before")), File.ReadAllText(Path.Combine(dir, "after")), "the terminal's mode was not restored");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void Serial_ConsoleOnASerialDevice_TechnicianLogsInThroughTheCable()
    {
        TerminalPrograms.Require("socat");
        string dir = TerminalPrograms.TempDir("posterminal-serial-");
        try
        {
            using ChildProcess cable = new("socat", $"pty,raw,echo=0,link={dir}/board", $"pty,raw,echo=0,link={dir}/laptop");
            TerminalPrograms.WaitFor(() => File.Exists($"{dir}/board") && File.Exists($"{dir}/laptop") ? "ready" : cable.Output, "ready", "socat's ptys");
            using ChildProcess emu = ChildProcess.Emulator("run", "--serial", $"{dir}/board", "--baud", "115200", "--simulator", "off", "--data", $"{dir}/data", "--no-trace");
            emu.WaitFor($@"console: {Regex.Escape(dir)}/board at 115200 8N1", "the console's device");
            using ChildProcess terminal = new("socat", "-", $"{dir}/laptop,rawer");
            terminal.Send("\r");
            terminal.WaitFor("login: ", "login prompt through the cable");
            terminal.Send("tech\r");
            terminal.WaitFor("password: ", "password prompt");
            terminal.Send("000000\r");
            terminal.WaitFor("the technician password must be changed now", "forced change");
            Assert.AreEqual(0, emu.Quit(), emu.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
