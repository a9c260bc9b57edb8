using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using AcquirerSimulator;
using PosTerminal.Cards;
using PosTerminal.Crypto;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// A terminal on a PC, composed as Program.cs composes it on the ESP32 (core <see cref="Terminal"/>, host adapters
/// in place of device ones, the virtual board in place of the readers), pointed at the built-in acquirer simulator or
/// at a given host; with the key ceremony and sign-on the first sale needs. Used by <c>demo</c> and <c>run</c>.
/// </summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    /// <summary>The emulator's terminal id (F41).</summary>
    public const string TerminalId = "88880001";

    private readonly AcquirerHost _simulator;

    private EmulatorSession(Terminal terminal, AcquirerHost simulator)
    {
        Terminal = terminal;
        _simulator = simulator;
    }

    /// <summary>
    /// A session around a terminal built elsewhere (by <c>Boot.Start</c> in <c>run</c>); <paramref name="simulator"/>,
    /// when given, is stopped with the session.
    /// </summary>
    public static EmulatorSession Around(Terminal terminal, AcquirerHost simulator = null) => new(terminal ?? throw new ArgumentNullException(nameof(terminal)), simulator);

    /// <summary>The terminal.</summary>
    public Terminal Terminal { get; }

    /// <summary>Its security configuration (as the settings in force say).</summary>
    public SecuritySettings Security => Terminal.Settings.Security;

    /// <summary>The board's readers.</summary>
    public VirtualBoard Board { get; } = new();

    /// <summary>Starts the simulator (unless a host is given), builds the terminal and prints what it talks to.</summary>
    public static EmulatorSession Open(DemoOptions o, TextWriter output)
    {
        SecuritySettings sec = o.Security ?? o.Profile.DefaultSecurity;
        AcquirerHost simulator = null;
        try
        {
            HostEndpoint primary = o.Primary;
            int simulatorPort = -1;
            if (primary == null)
            {
                SimulatorOptions so = new()
                {
                    Port = 0, Profile = o.Profile, Security = sec, WrongResponseMac = o.WrongResponseMac,
                    Log = line => output.WriteLine("   [acquirer] " + line),
                };
                DemoKeys.Register(so.Keys, TerminalId, sec);
                foreach (TestCard c in TestCard.All) so.CardPins[c.Pan] = c.Pin;
                simulator = new AcquirerHost(so);
                simulator.Start();
                simulatorPort = simulator.Port;
                primary = new HostEndpoint("127.0.0.1", simulatorPort);
            }
            List<HostEndpoint> hosts = new();
            if (o.ShowFailover) hosts.Add(new HostEndpoint("127.0.0.1", ClosedLoopbackPort()));
            hosts.Add(primary);
            hosts.AddRange(o.Backups);
            if (hosts.Count > 4) throw new ArgumentException("at most 4 hosts in all");

            LinkSettings link = new(hosts.ToArray(), o.ConnectTimeoutMs, o.ResponseTimeoutMs, o.Frame());
            TerminalSettings settings = new TerminalSettings(o.Profile, TerminalId, "898310048990001", "POSTERMINAL DEMO SHOP", "156", link)
                .WithSecurity(sec);
            FileStore store = new(o.DataDir);
            ConsoleTrace trace = o.Trace ? new ConsoleTrace(output, link) : null;
            Terminal terminal = new(settings, new SocketConnector(), new SystemClock(), store, trace, new CryptoRandom());

            output.WriteLine($"PosTerminal emulator - profile {o.Profile.Name}, security {SecurityName(sec)}, terminal {settings.TerminalId}, merchant {settings.MerchantId}");
            for (int i = 0; i < link.HostCount; i++)
            {
                string note = link.Host(i).Port == simulatorPort ? " (built-in acquirer simulator)" : "";
                output.WriteLine($"   {LinkSettings.HostRole(i),-9} {link.Host(i)}{note}");
            }
            output.WriteLine($"   timeouts: connect {link.ConnectTimeoutMs} ms, response {link.ResponseTimeoutMs} ms; data in {store.DirectoryPath}");
            EmulatorSession session = new(terminal, simulator);
            simulator = null;
            return session;
        }
        finally
        {
            simulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Loads the keys the first time (master key by components, or the DUKPT initial key) and signs on when the scheme needs it.</summary>
    public bool Prepare(TextWriter output)
    {
        if (!LoadKeys(output)) return false;
        if (Security.IsDukpt) return true;
        return SignOn(output);
    }

    /// <summary>Signs on (0800) and prints the result and the key check values.</summary>
    public bool SignOn(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("sign-on (0800):");
        SignOnOutcome so = Terminal.SignOn();
        output.WriteLine($"SIGN-ON {so.Result}" + (so.ResponseCode != null ? $" ({so.ResponseCode})" : "")
            + (so.Result == SignOnResult.KeysRejected ? $": {so.KeyStatus}" : "")
            + (so.Batch > 0 ? $", batch {so.Batch:D6}" : ""));
        output.WriteLine($"   key check values: PIK {so.PinKeyCheck ?? "-"}, MAK {so.MacKeyCheck ?? "-"}, TDK {so.TrackKeyCheck ?? "-"}");
        return so.Result == SignOnResult.Ok;
    }

    /// <summary>
    /// A sale with a card the board read: with <paramref name="pinText"/> entered on the PIN pad (null or empty = no
    /// PIN). Prints the frames (when traced), the receipt and a RESULT line.
    /// </summary>
    public TxnOutcome CardSale(CardData card, string description, long amountMinor, string pinText, TextWriter output) =>
        CardTransaction(card, description, $"sale of {Currency.Format(amountMinor, Terminal.Settings.Currency)}", pinText, output,
            pin => pin == null ? Terminal.Sale(card, amountMinor) : Terminal.Sale(card, amountMinor, pin));

    /// <summary>A void (消费撤销) of the approved sale with trace number <paramref name="originalStan"/>; prints as <see cref="CardSale"/> does.</summary>
    public TxnOutcome CardVoid(CardData card, string description, int originalStan, TextWriter output) =>
        CardTransaction(card, description, $"void of the sale with STAN {originalStan:D6}", null, output, _ => Terminal.Void(card, originalStan));

    /// <summary>
    /// A refund (退货) of <paramref name="amountMinor"/> against the sale with RRN <paramref name="originalRrn"/> made on
    /// <paramref name="originalDate"/> (MMDD); prints as <see cref="CardSale"/> does.
    /// </summary>
    public TxnOutcome CardRefund(CardData card, string description, long amountMinor, string originalRrn, string originalDate, TextWriter output) =>
        CardTransaction(card, description, $"refund of {Currency.Format(amountMinor, Terminal.Settings.Currency)} (original RRN {originalRrn}, date {originalDate})",
            null, output, _ => Terminal.Refund(card, amountMinor, originalRrn, originalDate));

    /// <summary>A balance inquiry (查询) with <paramref name="pinText"/> as for a sale; prints the receipt and the balance.</summary>
    public TxnOutcome CardBalance(CardData card, string description, string pinText, TextWriter output)
    {
        TxnOutcome o = CardTransaction(card, description, "balance inquiry", pinText, output, pin => Terminal.Balance(card, pin));
        if (o.BalanceMinor >= 0) output.WriteLine($"BALANCE {Currency.Format(o.BalanceMinor, Terminal.Settings.Currency)}");
        return o;
    }

    // One card transaction: the PIN (if any) on the PIN pad, the line saying what runs, then the frames, receipt, RESULT.
    private TxnOutcome CardTransaction(CardData card, string description, string what, string pinText, TextWriter output, Func<PinEntry, TxnOutcome> run)
    {
        using PinEntry pin = string.IsNullOrEmpty(pinText) ? null : new PinEntry(System.Text.Encoding.ASCII.GetBytes(pinText), 0, pinText.Length);
        output.WriteLine();
        output.WriteLine($"card {EntryVerb(card.Entry)}: {card.MaskedPan} ({description}); {what}"
            + (pin != null ? $", PIN entered ({pin})" : ", no PIN"));
        if (Security.IsDukpt) output.WriteLine($"   DUKPT KSN of the request: {Terminal.Dukpt.Current}");
        output.WriteLine();
        TxnOutcome outcome = run(pin);
        Report(outcome, output);
        return outcome;
    }

    /// <summary>
    /// The end of the day: settles the batch (a reversal still owed goes first) and prints the slip and a RESULT line,
    /// or why not.
    /// </summary>
    public SettlementOutcome Settle(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("settlement: 0500 with the batch totals, batch upload, batch end");
        SettlementOutcome s = Terminal.Settle();
        if (s.Result != SettlementResult.Settled)
        {
            output.WriteLine($"RESULT settlement {s.Result} (batch {s.Batch:D6} kept; reversal: {s.PriorReversal})");
            return s;
        }
        output.Write(s.Report);
        output.WriteLine($"RESULT settled batch {s.Batch:D6}: {(s.Balanced ? "totals agree" : "totals differ, full upload")}, "
            + $"next batch {s.NextBatch:D6}, {s.Uploaded} uploaded");
        return s;
    }

    /// <summary>A sale paid with a scanned payment code; prints as <see cref="CardSale"/> does.</summary>
    public TxnOutcome CodeSale(PaymentCode code, long amountMinor, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"payment code scanned: {code.Masked} ({code.Scheme}); sale of {Currency.Format(amountMinor, Terminal.Settings.Currency)}");
        output.WriteLine();
        TxnOutcome outcome = Terminal.Sale(code, amountMinor);
        Report(outcome, output);
        return outcome;
    }

    private static void Report(TxnOutcome outcome, TextWriter output)
    {
        output.WriteLine();
        if (outcome.Receipt != null) output.Write(outcome.Receipt);
        output.WriteLine();
        output.WriteLine(Demo.Summary(outcome));
    }

    private static string EntryVerb(EntryMethod entry) => entry switch
    {
        EntryMethod.Fallback => "swiped (fallback)",
        EntryMethod.Chip => "inserted",
        EntryMethod.Contactless => "tapped",
        _ => "swiped",
    };

    /// <summary>"cup", "cup-sm4", "dukpt-aes", ... for a security configuration.</summary>
    public static string SecurityName(SecuritySettings sec)
    {
        if (sec.IsDukpt) return sec.Scheme == KeyScheme.DukptAes ? "dukpt-aes" : "dukpt-tdes";
        if (sec.Sm4) return "cup-sm4";
        if (sec.EncryptTracks) return "cup-tdk";
        return sec.Mac == MacMethod.X919 ? "cup-x919" : "cup";
    }

    /// <summary>Stops the built-in simulator.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_simulator != null) await _simulator.DisposeAsync();
    }

    /// <summary>
    /// The key ceremony the first time: the master key from two components (their check values printed, as the
    /// custodians compare them with their forms), or the DUKPT initial key and KSN from the injection facility. Keys
    /// already in the store that fit the security settings are kept. Returns false when the keys could not be loaded.
    /// </summary>
    public bool LoadKeys(TextWriter output)
    {
        Terminal terminal = Terminal;
        SecuritySettings sec = Security;
        if (sec.IsDukpt)
        {
            bool aes = sec.Scheme == KeyScheme.DukptAes;
            Ksn next = terminal.Dukpt.Current;
            if (terminal.Dukpt.HasKey && next.IsAes == aes)
            {
                output.WriteLine($"   DUKPT key in store (future keys only), next KSN {next}");
                return true;
            }
            (SecretKey key, Ksn ksn) = DemoKeys.InjectDukpt(aes);
            DukptKeyStatus loaded = terminal.Dukpt.Load(key, ksn);
            // The sample key ID was used on this terminal before (say, before a switch to the other scheme and back): a
            // key-injection facility would issue a new key ID, so take the next device IDs under the same sample BDK.
            for (int device = 1; loaded == DukptKeyStatus.KeyIdUsed && device <= 64; device++)
            {
                key.Dispose();
                (key, ksn) = DemoDukptKey(aes, device);
                loaded = terminal.Dukpt.Load(key, ksn);
            }
            output.WriteLine($"   DUKPT initial key injected: {key}, initial KSN {ksn}: {loaded} (the terminal keeps only its future keys)");
            key.Dispose();
            return loaded == DukptKeyStatus.Ok;
        }
        SecretKey current = terminal.Keys.Get(KeySlot.MasterKey);
        if (current != null && (current.Algorithm == KeyAlgorithm.Sm4) == sec.Sm4)
        {
            output.WriteLine($"   master key in store: {current}");
            return true;
        }
        KeyAlgorithm alg = sec.Sm4 ? KeyAlgorithm.Sm4 : KeyAlgorithm.Tdes;
        using KeyComponentLoader loader = new(alg, 16, 2);
        foreach (string component in sec.Sm4 ? new[] { DemoKeys.Sm4TmkComponent1, DemoKeys.Sm4TmkComponent2 } : new[] { DemoKeys.TmkComponent1, DemoKeys.TmkComponent2 })
        {
            byte[] c = PosTerminal.Util.Hex.Decode(component);
            KeyLoadStatus s = loader.AddComponent(c, 0, c.Length, out string kcv);
            Array.Clear(c);
            output.WriteLine($"   master key component {loader.ComponentsAdded}: {s}, check value {kcv}");
        }
        byte[] whole = DemoKeys.MasterKey(sec.Sm4);
        string expected;
        using (SecretKey reference = new(alg, whole, 0, whole.Length)) expected = reference.CheckValue[..6];
        Array.Clear(whole);
        KeyLoadStatus done = loader.Complete(expected, out SecretKey tmk);
        output.WriteLine($"   master key combined: {done}" + (tmk != null ? $", {tmk}" : ""));
        return done == KeyLoadStatus.Ok && terminal.Keys.Put(KeySlot.MasterKey, tmk);
    }

    // The demo's DUKPT initial key for another device ID under the sample BDK (derived by the host's DUKPT code).
    private static (SecretKey Key, Ksn Ksn) DemoDukptKey(bool aes, int device)
    {
        if (aes)
        {
            byte[] ikid = Convert.FromHexString(DemoKeys.AesInitialKeyId);
            ikid[^1] = (byte)(ikid[^1] + device);                            // derivation ID, last byte
            byte[] ik = AcquirerSimulator.Security.HostDukptAes.DeriveInitialKey(Convert.FromHexString(DemoKeys.AesBdk), ikid);
            SecretKey key = new(KeyAlgorithm.Aes, ik, 0, ik.Length);
            Array.Clear(ik);
            return (key, Ksn.FromAesInitialKeyId(ikid, 0));
        }
        byte[] ksn = Convert.FromHexString(DemoKeys.TdesInitialKsn);
        ksn[6] = (byte)(ksn[6] + device);                                     // device ID part of the initial KSN
        byte[] ipek = AcquirerSimulator.Security.HostDukptTdes.DeriveIpek(Convert.FromHexString(DemoKeys.TdesBdk), ksn);
        SecretKey k = new(KeyAlgorithm.Tdes, ipek, 0, ipek.Length);
        Array.Clear(ipek);
        return (k, new Ksn(ksn, 0, ksn.Length));
    }

    // A loopback port with nothing listening: bind one, note it, close it.
    private static int ClosedLoopbackPort()
    {
        using Socket s = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint).Port;
    }
}
