using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Config;
using PosTerminal.Emulator;
using PosTerminal.Emulator.Host;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The emulator's <c>run</c> in-process: the device boots from its data directory, the board prompt beside the
/// console (on a pty nobody or the test attaches to), the console's reboot rebuilding the terminal from the data.
/// </summary>
[TestClass]
public class RunTests
{
    private const string Password = "run-test-77";

    // The data directory of a device a technician has configured for the simulator at port (as the console's save does).
    internal static void Configure(string dir, int port, string terminalId = "88880001")
    {
        BootResult b = Boot.Start(new FileStore(dir), new SocketConnector(), new SystemClock(), new CryptoRandom(), null);
        Assert.AreEqual(ConfigStatus.Ok, b.Config.SetHost(0, "127.0.0.1", port));
        Assert.AreEqual(ConfigStatus.Ok, b.Config.SetTerminalId(terminalId));
        Assert.AreEqual(ConfigStatus.Ok, b.Config.SetMerchantId("898310048990001"));
        Assert.AreEqual(ConfigStatus.Ok, b.Config.Save());
    }

    internal static RunOptions Options(string dir, params string[] more) => RunOptions.Parse(["--pty", "--simulator", "off", "--data", dir, "--no-trace", .. more], 0);

    [TestMethod]
    public async Task BoardPrompt_SignOnSwipeScanCancel_SalesAgainstTheConfiguredHost()
    {
        TerminalPrograms.Require();
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        string dir = TerminalPrograms.TempDir("posterminal-run-");
        try
        {
            Configure(dir, sim.Host.Port);
            string script = string.Join("\n",
                "cards", "codes", "signon",
                "swipe cup-credit reverse",        // a sale of the default amount, swiped backwards
                "scan product",                     // not a payment code: rejected, the sale waits on
                "scan wechat",
                "sale 5.00", "swipe visa damaged", "swipe visa fast",
                "swipe cup-chip", "cancel",         // USE CHIP, then cancelled
                "sale 1.00", "scan 2844 1234",      // typed text: not digits
                "cancel",
                "sale 12.345", "bogus", "quit") + "\n";
            StringWriter output = new();
            int code = Interactive.Run(Options(dir), new StringReader(script), output);
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "configuration: the saved configuration");
            StringAssert.Contains(text, "console: /dev/pts/");
            StringAssert.Contains(text, "cup-chip     UnionPay chip card");
            StringAssert.Contains(text, "short-wechat");
            StringAssert.Contains(text, "SIGN-ON Ok (00)");
            StringAssert.Contains(text, "card swiped: 625094******1231");
            StringAssert.Contains(text, "code rejected (UnknownPrefix)");
            StringAssert.Contains(text, "payment code scanned: 13************5678 (WeChatPay)");
            StringAssert.Contains(text, "sale of CNY 5.00");
            StringAssert.Contains(text, "swipe rejected (Parity): try again");
            StringAssert.Contains(text, "card swiped: 476173******0010");
            StringAssert.Contains(text, "USE CHIP");
            StringAssert.Contains(text, "code rejected (NotDigits)");
            Assert.AreEqual(2, DemoTests.Count(text, "sale cancelled: nothing was sent"));
            StringAssert.Contains(text, "error: an amount is like 123.45");
            StringAssert.Contains(text, "error: unknown command 'bogus'");
            Assert.AreEqual(3, DemoTests.Count(text, "RESULT approved"), text);
            Assert.AreEqual(3, DemoTests.Count(string.Join('\n', sim.Log), "0200 SALE"), "the host saw exactly the three sales");
            Assert.IsFalse(text.Contains("6212260000998873"));
            Assert.IsFalse(text.Contains("6212260000123456782"), "clear PAN in output");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void BoardPrompt_NewDataDirectory_BootsNotConfiguredAndRefusesSales()
    {
        TerminalPrograms.Require();
        string dir = TerminalPrograms.TempDir("posterminal-run-");
        try
        {
            StringWriter output = new();
            int code = Interactive.Run(Options(dir), new StringReader("sale 1.00\nswipe visa\nquit\n"), output);
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "no configuration saved yet");
            StringAssert.Contains(text, "NOT CONFIGURED (host missing)");
            StringAssert.Contains(text, "RESULT refused by the terminal: NotConfigured");
            StringAssert.Contains(text, "master key combined: Ok");          // the emulated factory's demo key, once
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public async Task Console_SaveThenReboot_TerminalRebuiltFromTheDataDirectory()
    {
        TerminalPrograms.Require();
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        string dir = TerminalPrograms.TempDir("posterminal-reboot-");
        try
        {
            StringWriter output = new();
            using EmulatedDevice device = EmulatedDevice.Start(Options(dir), TextWriter.Synchronized(output));
            Assert.AreEqual(1, device.Boots);
            Assert.IsFalse(device.BootResult.Configured);
            device.Run();
            using PtyPeer peer = new(((PtySerialLine)device.Line).SlavePath);
            peer.Line("");
            peer.WaitFor("login: ", "login prompt");
            peer.Line("tech");
            peer.WaitFor("password: ", "password prompt");
            peer.Line("000000");
            peer.WaitFor("retype|new password: ", "forced change");
            peer.Line(Password);
            peer.WaitFor("retype new password: ", "retype");
            peer.Line(Password);
            peer.WaitFor("tech> ", "logged in");
            peer.Line($"set host 127.0.0.1:{sim.Host.Port}");
            peer.Line("set tid 88880002");
            peer.Line("set mid 898310048990002");
            peer.Line("save");
            peer.WaitFor(@"saved 3 change\(s\)", "saved");
            Assert.AreEqual("88880002", device.Session.Terminal.Settings.TerminalId, "save applies at once (from the next transaction)");

            int mark = peer.Seen.Length;
            peer.Line("reboot");
            peer.WaitFor(@"\[emulator\] rebooting: the terminal boots again from .*\r\nPosTerminal technician console", "reboot and the new console's banner", mark);
            Stopwatch w = Stopwatch.StartNew();
            while (device.Boots < 2 && w.Elapsed < TerminalPrograms.StepTimeout) Thread.Sleep(50);
            Assert.AreEqual(2, device.Boots);
            Assert.AreEqual(ConfigLoadStatus.Loaded, device.BootResult.Load.Status);
            Assert.IsTrue(device.BootResult.Configured);
            Assert.AreEqual("88880002", device.Session.Terminal.Settings.TerminalId);
            Assert.AreEqual("898310048990002", device.Session.Terminal.Settings.MerchantId);
            StringAssert.Contains(output.ToString(), "reboot done (boot 2)");

            mark = peer.Seen.Length;
            peer.Line("");
            peer.WaitFor("login: ", "login after the reboot", mark);
            peer.Line("tech");
            peer.WaitFor("password: ", "password prompt", mark);
            peer.Line(Password);
            peer.WaitFor("tech> ", "logged in with the saved password", mark);
            peer.Line("link test");
            peer.WaitFor($@"answered by primary 127\.0\.0\.1:{sim.Host.Port} in \d+ ms", "link test after the reboot", mark);
            Assert.IsFalse(peer.Seen.Contains(Password), "a password was echoed");
            peer.Line("set merchant-name HALF");
            peer.WaitFor("merchant-name = HALF", "staged", mark);

            // the terminal program leaves while logged in: whoever attaches next meets the login prompt
            peer.Dispose();
            TerminalPrograms.WaitFor(() => ((PtySerialLine)device.Line).IsDetached ? "gone" : "", "gone", "the program left");
            Thread.Sleep(1000);                                                 // the console thread looks every 200 ms
            using PtyPeer next = new(((PtySerialLine)device.Line).SlavePath);
            next.Line("");
            next.WaitFor("login: ", "login prompt for the next person");
            Thread.Sleep(300);
            Assert.IsFalse(next.Seen.Contains("tech> "), "the session was still logged in: " + next.Seen);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public async Task Cli_SerialDeviceMissing_ExitsWithTheReason()
    {
        string dir = TerminalPrograms.TempDir("posterminal-run-");
        try
        {
            StringWriter output = new();
            StringWriter error = new();
            int code = await Cli.Run(["run", "--serial", "/nonexistent/ttyUSB9", "--simulator", "off", "--data", dir], output, error);
            string text = output.ToString() + error;
            Assert.IsTrue(code is 1 or 2, $"exit {code}: {text}");
            StringAssert.Contains(text, "error: ");
            StringAssert.Contains(text, "ttyUSB9");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    [DataRow("--pty --serial /dev/ttyS0", "not both")]
    [DataRow("--simulator maybe", "--simulator is on or off")]
    [DataRow("--simulator-port 70000", "--simulator-port is 1-65535")]
    [DataRow("--baud fast", "--baud takes a speed")]
    [DataRow("--host 127.0.0.1", "set on the console")]
    [DataRow("--data", "--data needs a value")]
    public void Options_Bad_RefusedWithAMessage(string args, string message)
    {
        ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => RunOptions.Parse(args.Split(' '), 0));
        StringAssert.Contains(e.Message, message);
    }

    [TestMethod]
    public void Options_Defaults_StdioConsoleSimulatorOnPort5800()
    {
        RunOptions o = RunOptions.Parse([], 0);
        Assert.AreEqual(ConsoleLine.Stdio, o.Console);
        Assert.IsTrue(o.Simulator);
        Assert.AreEqual(5800, o.SimulatorPort);
        Assert.AreEqual(RunOptions.DefaultDataDir, o.DataDir);
        Assert.AreEqual(ConsoleLine.Pty, RunOptions.Parse(["--pty-link", "/tmp/x"], 0).Console);
        Assert.AreEqual(ConsoleLine.Serial, RunOptions.Parse(["--serial", "/dev/ttyUSB0", "--baud", "9600"], 0).Console);
    }
}
