using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AcquirerSimulator.Security;
using FaultProxy;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Crypto;
using PosTerminal.Emulator;
using PosTerminal.Emulator.Board;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Storage;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.Leak;

/// <summary>
/// Leak check (issue 6, item 9): runs the emulator demo (in-process in every security mode, and as a real process behind
/// the fault proxy's and the simulator's own processes), a scripted console session (logins, forced and voluntary
/// password changes, settings, a key loaded from two components) and sales through the fault proxy with every kind of
/// fault, with the test cards, PINs and keys, and scans every byte they printed or logged (process stdout and stderr,
/// the writers, the serial line, the simulator's and the proxy's logs, receipts, the frame trace) with
/// <see cref="LeakScanner"/>: no PAN, track, PIN, PIN block, key, key component or password may show, only masked forms.
/// </summary>
[TestClass]
public class LeakCheckTests
{
    /// <summary>The test cards (PAN, track 2, its part after the separator, PIN), the demo's keys and components, the DUKPT initial keys.</summary>
    public static LeakScanner KnownSecrets()
    {
        LeakScanner s = new();
        foreach (TestCard c in TestCard.All)
        {
            string track = c.Track2[1..^1];
            s.AddDigits(c.Name + " PAN", c.Pan).AddDigits(c.Name + " track 2", track)
                .AddDigits(c.Name + " track 2 after the separator", track[(track.IndexOf('=') + 1)..])
                .AddPin(c.Name + " PIN", c.Pin, c.Pan);
        }
        s.AddBytes("TMK component 1", Convert.FromHexString(DemoKeys.TmkComponent1))
            .AddBytes("TMK component 2", Convert.FromHexString(DemoKeys.TmkComponent2))
            .AddBytes("SM4 TMK component 1", Convert.FromHexString(DemoKeys.Sm4TmkComponent1))
            .AddBytes("SM4 TMK component 2", Convert.FromHexString(DemoKeys.Sm4TmkComponent2))
            .AddBytes("TMK", DemoKeys.MasterKey(false))
            .AddBytes("SM4 TMK", DemoKeys.MasterKey(true))
            .AddBytes("TDES BDK", Convert.FromHexString(DemoKeys.TdesBdk))
            .AddBytes("AES BDK", Convert.FromHexString(DemoKeys.AesBdk))
            .AddBytes("TDES IPEK", HostDukptTdes.DeriveIpek(Convert.FromHexString(DemoKeys.TdesBdk), Convert.FromHexString(DemoKeys.TdesInitialKsn)))
            .AddBytes("AES initial key", HostDukptAes.DeriveInitialKey(Convert.FromHexString(DemoKeys.AesBdk), Convert.FromHexString(DemoKeys.AesInitialKeyId)));
        return s;
    }

    // ---- the emulator demo ----

    [TestMethod]
    [DataRow("--profile", "cup", "--security", "cup", "--card", "cup-debit")]
    [DataRow("--profile", "cup", "--security", "cup-sm4", "--card", "cup-credit")]
    [DataRow("--profile", "cup", "--security", "cup-tdk", "--card", "mastercard", "--pin", "9999")]
    [DataRow("--profile", "cup", "--security", "cup-x919", "--card", "cup-chip")]
    [DataRow("--profile", "cup", "--security", "cup", "--card", "bad-luhn")]
    [DataRow("--profile", "cup", "--security", "cup", "--wrong-response-mac")]
    [DataRow("--profile", "cup", "--show-failover", "--no-code")]
    [DataRow("--profile", "iso87ascii", "--security", "dukpt-tdes", "--card", "visa")]
    [DataRow("--profile", "iso87ascii", "--security", "dukpt-aes", "--card", "visa", "--no-pin")]
    public async Task Demo_InProcess_PrintsNoSecret(params string[] options)
    {
        string dir = TempDir();
        try
        {
            StringWriter output = new(), error = new();
            int code = await Cli.Run(["demo", "--data-dir", dir, "--response-timeout", "3000", .. options], output, error);
            string all = output + error.ToString();
            Assert.IsTrue(all.Contains("RESULT", StringComparison.Ordinal) || all.Contains("nothing was sent", StringComparison.Ordinal), "the demo did not run (exit " + code + "):\n" + all);
            KnownSecrets().AssertClean("demo " + string.Join(' ', options), all);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void DemoSimulatorAndProxy_AsProcesses_PrintNoSecret()
    {
        string bin = AppContext.BaseDirectory;
        int simPort = SimulatorFixture.ClosedPort(), proxyPort = SimulatorFixture.ClosedPort();
        TestCard card = TestCard.Find("cup-debit");
        string tmk = Convert.ToHexString(DemoKeys.MasterKey(false));
        string dir = TempDir();
        using Child sim = Child.Start(Path.Combine(bin, "AcquirerSimulator.dll"),
            "--listen", "127.0.0.1:" + simPort, "--tmk", tmk, "--pin", card.Pan + "=" + card.Pin);
        using Child proxy = Child.Start(Path.Combine(bin, "FaultProxy.dll"), "--listen", "127.0.0.1:" + proxyPort,
            "--upstream", "127.0.0.1:" + simPort, "--seed", "11", "--rate", "0.25", "--faults", "all", "--delay-ms", "1500", "--late-ms", "1500");
        StringBuilder demos = new();
        try
        {
            Assert.IsTrue(WaitListening(simPort) && WaitListening(proxyPort), "simulator or proxy did not listen:\n" + sim.Output + proxy.Output);
            for (int i = 0; i < 4; i++)
            {
                (int code, string output) = Repo.Run("dotnet", [Path.Combine(bin, "PosTerminal.Emulator.dll"), "demo", "--host", "127.0.0.1", "--port", proxyPort.ToString(),
                    "--data-dir", dir, "--response-timeout", "1000", "--card", card.Name], TimeSpan.FromMinutes(2));
                demos.Append("== demo ").Append(i).Append(" exit ").Append(code).Append('\n').Append(output);
            }
        }
        finally
        {
            sim.Stop();
            proxy.Stop();
            Directory.Delete(dir, true);
        }
        string all = demos.ToString();
        StringAssert.Contains(all, "RESULT");
        StringAssert.Contains(sim.Output, "0200");
        LeakScanner secrets = KnownSecrets();
        secrets.AssertClean("emulator demo processes", all);
        secrets.AssertClean("simulator process", sim.Output);
        secrets.AssertClean("fault proxy process", proxy.Output);
    }

    // ---- the technician console ----

    private const string NewTech = "Tq8#mLp2x", NewTech2 = "Zr5$wNc9y", NewSuper = "Sv3&kJd7e", ResetTech = "Hu6*pQb4z";

    [TestMethod]
    public void ConsoleSession_LoginsPasswordsSettingsAndKeyComponents_PrintNoSecret()
    {
        ManualClock clock = new();
        ScriptedSerialLine line = new(clock);
        ConsoleSettings settings = new() { HashIterations = 2 };
        ConsoleSession session = new(line, clock, new SeededRandom(3), new RecordStore(new MemoryStore()), new MemoryPasswordStore(), settings);
        AddTestCommands(session);
        StringBuilder output = new();
        void Type(params string[] lines)
        {
            foreach (string l in lines) line.Send(l + "\r");
            for (int guard = 0; guard < 200 && !line.Drained; guard++) session.Poll(50);
            session.Poll(0);
            output.Append(line.TakeOutput());
        }

        Type("tech", settings.FactoryPassword, NewTech, NewTech);               // forced change on the first login
        Assert.AreEqual(ConsoleRole.Technician, session.Role, output.ToString());
        Type("set host 127.0.0.1", "set port 5800", "show");
        Type("loadkey", DemoKeys.TmkComponent1, DemoKeys.TmkComponent2, KeyCheck(DemoKeys.MasterKey(false)));
        StringAssert.Contains(output.ToString(), "key loaded");
        Type("passwd", NewTech, NewTech2, NewTech2, "logout");
        Type("tech", NewTech, "tech", NewTech2);                               // the old one fails, the new one works
        Assert.AreEqual(ConsoleRole.Technician, session.Role, output.ToString());
        Type("logout", "super", settings.FactoryPassword, NewSuper, NewSuper, "passwd technician", ResetTech, ResetTech, "logout");
        Type("tech", ResetTech, NewTech, NewTech, "whoami", "logout");
        string all = output.ToString();
        StringAssert.Contains(all, "password changed");
        StringAssert.Contains(all, "login incorrect");

        LeakScanner secrets = KnownSecrets();
        foreach (string p in new[] { NewTech, NewTech2, NewSuper, ResetTech }) secrets.AddPassword("password " + p[..2] + "...", p);
        secrets.AssertClean("console serial line", all);
    }

    // A settings table and a key load from clear components typed without echo, as the console's real commands do.
    private static void AddTestCommands(ConsoleSession session)
    {
        Dictionary<string, string> values = new(StringComparer.Ordinal);
        session.Commands.Add(new ConsoleCommand("set", "set <name> <value>", "set a value", ConsoleRole.Technician, (s, args) =>
        {
            if (args.Length != 2) return CommandStatus.Usage;
            values[args[0]] = args[1];
            return CommandStatus.Done;
        }));
        session.Commands.Add(new ConsoleCommand("show", "show", "show the values", ConsoleRole.Technician, (s, args) =>
        {
            foreach (KeyValuePair<string, string> kv in values) s.WriteLine(kv.Key + " = " + kv.Value);
            return CommandStatus.Done;
        }));
        session.Commands.Add(new ConsoleCommand("loadkey", "loadkey", "load the master key from two components", ConsoleRole.Technician, (s, args) =>
        {
            using KeyComponentLoader loader = new(KeyAlgorithm.Tdes, 16, 2);
            byte[] typed = new byte[s.Settings.MaxLineLength];
            byte[] component = new byte[16];
            try
            {
                for (int i = 1; i <= 2; i++)
                {
                    if (s.ReadPassword("component " + i + " (hex, not shown): ", typed, out int n) != ConsoleInput.Ok) return CommandStatus.Done;
                    if (n != 32 || !HexInto(typed, component)) return CommandStatus.Usage;
                    KeyLoadStatus st = loader.AddComponent(component, 0, 16, out string kcv);
                    s.WriteLine("component " + i + ": " + st + ", check value " + kcv);
                }
                if (s.ReadLine("check value of the key: ", out string expected) != ConsoleInput.Ok) return CommandStatus.Done;
                KeyLoadStatus done = loader.Complete(expected, out SecretKey key);
                using (key) s.WriteLine(done == KeyLoadStatus.Ok ? "key loaded: " + key : "key refused: " + done);
                return CommandStatus.Done;
            }
            finally
            {
                Array.Clear(typed);
                Array.Clear(component);
            }
        }));
    }

    private static bool HexInto(byte[] typed, byte[] dst)
    {
        for (int i = 0; i < dst.Length; i++)
        {
            int hi = HexValue(typed[2 * i]), lo = HexValue(typed[2 * i + 1]);
            if (hi < 0 || lo < 0) return false;
            dst[i] = (byte)(hi << 4 | lo);
        }
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    private static string KeyCheck(byte[] key)
    {
        using SecretKey k = new(KeyAlgorithm.Tdes, key, 0, key.Length);
        return k.CheckValue;
    }

    // ---- sales through the fault proxy ----

    [TestMethod]
    public async Task SalesThroughTheFaultProxy_EveryFaultKind_NothingPrintedOrLoggedHoldsASecret()
    {
        const string terminalId = "88880001";
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup-tdk"));
        StringWriter trace = new();
        TextWriter synced = TextWriter.Synchronized(trace);
        RecordingTrace observer = new(new ConsoleTrace(synced, new LinkSettings([sim.Endpoint], 2000, 400, AcquirerProfile.Cup.DefaultFrame)));
        sim.Observer = observer;
        Terminal t = sim.SignedOnTerminal(terminalId);
        ConcurrentQueue<string> proxyLog = new();
        await using FaultInjectingProxy proxy = new(new ProxyOptions
        {
            Upstream = new IPEndPoint(IPAddress.Loopback, sim.Host.Port),
            Plan = FaultPlan.Parse("all", 0.4, 20261127),
            MessageOffset = FrameFormat.TpduLength + 6,
            DelayMs = 700,
            LateMs = 700,
            RefuseWindowMs = 200,
            Log = proxyLog.Enqueue,
        });
        proxy.Start();
        t.Settings = t.Settings.WithLink(new LinkSettings([new HostEndpoint("127.0.0.1", proxy.Port)], 2000, 400, t.Settings.Link.Frame));

        TestCard[] cards = [TestCard.Find("cup-debit"), TestCard.Find("cup-credit"), TestCard.Find("mastercard")];
        StringBuilder receipts = new();
        for (int i = 0; i < 45; i++)
        {
            TestCard card = cards[i % cards.Length];
            TxnOutcome o = await Task.Factory.StartNew(() =>
            {
                using CardData data = SimulatorFixture.Card(card.Track2);
                using PinEntry pin = SimulatorFixture.Pin(card.Pin);
                return t.Sale(data, 1000 + i, pin);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            receipts.Append(o.Receipt).Append('\n').Append(Demo.Summary(o)).Append('\n');
            if (proxy.Stats.Faults(FaultKind.Refuse) > 0) await Task.Delay(250);   // let a refusal window pass
        }
        int faultKinds = 0;
        foreach (FaultKind k in FaultKinds.All) faultKinds += proxy.Stats.Faults(k) > 0 ? 1 : 0;
        Assert.IsTrue(faultKinds >= 6, "too few kinds of fault met: " + proxy.Stats);

        LeakScanner secrets = KnownSecrets();
        using (TerminalKeyState keys = sim.Host.Options.Keys.Get(terminalId))
        {
            secrets.AddBytes("PIK", keys.WorkingKeys.Pik.ToArray()).AddBytes("MAK", keys.WorkingKeys.Mak.ToArray());
            if (keys.WorkingKeys.Tdk != null) secrets.AddBytes("TDK", keys.WorkingKeys.Tdk.ToArray());
        }
        int sensitive = observer.AddSentFields(secrets);
        Assert.IsTrue(sensitive >= 45, "the PIN blocks and tracks sent were not recorded: " + sensitive);

        secrets.AssertClean("frame trace", trace.ToString());
        secrets.AssertClean("receipts and results", receipts.ToString());
        secrets.AssertClean("simulator log", string.Join('\n', sim.Log));
        secrets.AssertClean("fault proxy log", string.Join('\n', proxyLog));
        secrets.AssertClean("fault proxy stats", proxy.Stats.ToString());
    }

    /// <summary>Passes the link's events to the masked trace, and keeps the sensitive fields of every request sent.</summary>
    private sealed class RecordingTrace(ILinkObserver inner) : ILinkObserver
    {
        private readonly List<(int Field, byte[] Value)> _sent = new();

        public void OnConnect(int index, HostEndpoint host, LinkStatus status) => inner.OnConnect(index, host, status);

        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
        {
            foreach (int f in new[] { IsoField.PinBlock, IsoField.Track2, IsoField.IccData })
            {
                if (!message.Has(f)) continue;
                byte[] v = new byte[message.Length(f)];
                message.CopyTo(f, v, 0);
                lock (_sent) _sent.Add((f, v));
            }
            inner.OnSent(message, frame, messageOffset, frameLength);
        }

        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched) =>
            inner.OnReceived(message, frame, messageOffset, frameLength, matched);

        public void OnFormatError(IsoFormatException error, int frameLength) => inner.OnFormatError(error, frameLength);

        /// <summary>Registers each recorded value (as sent: encrypted PIN block, encrypted track) with the scanner; returns how many.</summary>
        public int AddSentFields(LeakScanner s)
        {
            int n = 0;
            lock (_sent)
            {
                foreach ((int field, byte[] v) in _sent)
                {
                    if (v.Length < 6) continue;
                    s.AddBytes("F" + field + " as sent #" + n++, v);
                }
            }
            return n;
        }
    }

    // ---- helpers ----

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "posterminal-leak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static bool WaitListening(int port)
    {
        Stopwatch w = Stopwatch.StartNew();
        while (w.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using TcpClient c = new();
                c.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        return false;
    }

    /// <summary>A dotnet program run in the background, every line of its stdout and stderr kept.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process _p;
        private readonly StringBuilder _out = new();

        private Child(Process p) => _p = p;

        public string Output
        {
            get
            {
                lock (_out) return _out.ToString();
            }
        }

        public static Child Start(string dll, params string[] args)
        {
            ProcessStartInfo psi = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            foreach (string a in args) psi.ArgumentList.Add(a);
            Process p = new() { StartInfo = psi };
            Child c = new(p);
            p.OutputDataReceived += (_, e) => c.Keep("out", e.Data);
            p.ErrorDataReceived += (_, e) => c.Keep("err", e.Data);
            p.Start();
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            return c;
        }

        private void Keep(string stream, string line)
        {
            if (line == null) return;
            lock (_out) _out.Append(stream).Append(": ").Append(line).Append('\n');
        }

        public void Stop()
        {
            if (!_p.HasExited) _p.Kill(true);
            _p.WaitForExit(10_000);
        }

        public void Dispose()
        {
            Stop();
            _p.Dispose();
        }
    }
}
