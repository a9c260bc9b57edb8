using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using AcquirerSimulator;
using PosTerminal.Cards;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Crypto;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// The demo: composes the core <see cref="Terminal"/> with host adapters and the virtual board (as Program.cs
/// does on the ESP32 with device adapters), points it at the built-in acquirer simulator or at a given host,
/// swipes a test card and runs one sale, printing the masked frame trace and the receipt.
/// </summary>
public static class Demo
{
    /// <summary>Exit code: approved.</summary>
    public const int Approved = 0;
    /// <summary>Exit code: declined by the host.</summary>
    public const int Declined = 3;
    /// <summary>Exit code: no answer (not sent, no response, link failed) or refused by the terminal.</summary>
    public const int NotCompleted = 4;

    /// <summary>Runs the demo; returns an exit code.</summary>
    public static async Task<int> Run(DemoOptions o, TextWriter output)
    {
        const string terminalId = "88880001";
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
                DemoKeys.Register(so.Keys, terminalId, sec);
                foreach (TestCard c in TestCard.All) so.CardPins[c.Pan] = c.Pin;
                simulator = new AcquirerHost(so);
                simulator.Start();
                simulatorPort = simulator.Port;
                primary = new HostEndpoint("127.0.0.1", simulatorPort);
            }
            var hosts = new System.Collections.Generic.List<HostEndpoint>();
            if (o.ShowFailover) hosts.Add(new HostEndpoint("127.0.0.1", ClosedLoopbackPort()));
            hosts.Add(primary);
            hosts.AddRange(o.Backups);
            if (hosts.Count > 4) throw new ArgumentException("at most 4 hosts in all");

            LinkSettings link = new(hosts.ToArray(), o.ConnectTimeoutMs, o.ResponseTimeoutMs, o.Frame());
            TerminalSettings settings = new TerminalSettings(o.Profile, terminalId, "898310048990001", "POSTERMINAL DEMO SHOP", "156", link)
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

            if (!LoadKeys(terminal, sec, output)) return NotCompleted;
            if (!sec.IsDukpt)
            {
                output.WriteLine();
                output.WriteLine("sign-on (0800):");
                SignOnOutcome so = terminal.SignOn();
                output.WriteLine($"SIGN-ON {so.Result}" + (so.ResponseCode != null ? $" ({so.ResponseCode})" : "")
                    + (so.Result == SignOnResult.KeysRejected ? $": {so.KeyStatus}" : "")
                    + (so.Batch > 0 ? $", batch {so.Batch:D6}" : ""));
                output.WriteLine($"   key check values: PIK {so.PinKeyCheck ?? "-"}, MAK {so.MacKeyCheck ?? "-"}, TDK {so.TrackKeyCheck ?? "-"}");
                if (so.Result != SignOnResult.Ok) return NotCompleted;
            }

            TestCard card = TestCard.Find(o.Card) ?? throw new ArgumentException($"unknown card '{o.Card}' (see: cards)");
            Track2Status read = new VirtualMagstripeReader().Swipe(card, out CardData data);
            if (read != Track2Status.Ok)
            {
                output.WriteLine($"card {card.Name}: swipe rejected ({read}); nothing was sent");
                return NotCompleted;
            }
            string pinText = o.Pin ?? card.Pin;
            using (data)
            using (PinEntry pin = pinText.Length == 0 ? null : new PinEntry(System.Text.Encoding.ASCII.GetBytes(pinText), 0, pinText.Length))
            {
                output.WriteLine();
                output.WriteLine($"card swiped: {data.MaskedPan} ({card.Description}); sale of {Currency.Format(o.AmountMinor, settings.Currency)}"
                    + (pin != null ? $", PIN entered ({pin})" : ", no PIN"));
                if (sec.IsDukpt) output.WriteLine($"   DUKPT KSN before the sale: {terminal.Dukpt.Current}");
                output.WriteLine();
                TxnOutcome outcome = pin == null ? terminal.Sale(data, o.AmountMinor) : terminal.Sale(data, o.AmountMinor, pin);
                output.WriteLine();
                if (outcome.Receipt != null) output.Write(outcome.Receipt);
                output.WriteLine();
                output.WriteLine(Summary(outcome));
                return outcome.Result switch
                {
                    TxnResult.Approved => Approved,
                    TxnResult.Declined => Declined,
                    _ => NotCompleted,
                };
            }
        }
        finally
        {
            if (simulator != null) await simulator.DisposeAsync();
        }
    }

    /// <summary>"cup", "cup-sm4", "dukpt-aes", ... for a security configuration.</summary>
    public static string SecurityName(SecuritySettings sec)
    {
        if (sec.IsDukpt) return sec.Scheme == KeyScheme.DukptAes ? "dukpt-aes" : "dukpt-tdes";
        if (sec.Sm4) return "cup-sm4";
        if (sec.EncryptTracks) return "cup-tdk";
        return sec.Mac == MacMethod.X919 ? "cup-x919" : "cup";
    }

    // The key ceremony the first time: the master key from two components (their check values printed, as the
    // custodians compare them with their forms), or the DUKPT initial key and KSN from the injection facility.
    private static bool LoadKeys(Terminal terminal, SecuritySettings sec, TextWriter output)
    {
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

    /// <summary>One line for the end of the demo, e.g. "RESULT approved (00) via primary 127.0.0.1:4711, STAN 000007, 3 ms".</summary>
    public static string Summary(TxnOutcome o)
    {
        string via = o.HostIndex >= 0 ? $" via {LinkSettings.HostRole(o.HostIndex)} {o.Host}" : "";
        return o.Result switch
        {
            TxnResult.Approved or TxnResult.Declined =>
                $"RESULT {(o.IsApproved ? "approved" : "declined")} ({o.ResponseCode} {ResponseCodes.Describe(o.ResponseCode)}){via}, STAN {o.Stan:D6}, RRN {o.Rrn?.Trim()}, {o.RoundTripMs} ms"
                + (o.IsApproved && o.ApprovedAmountMinor != o.AmountMinor ? $", partial: {o.ApprovedAmountMinor} of {o.AmountMinor}" : ""),
            TxnResult.Refused => $"RESULT refused by the terminal: {o.Refusal}",
            TxnResult.MacFailed => $"RESULT response MAC wrong: not accepted{via}, STAN {o.Stan:D6}, reversal due (reason {o.ReversalReason})",
            _ => $"RESULT {o.Result}{via}, STAN {o.Stan:D6}" + (o.ReversalReason != null ? $" (unanswered: the host may hold the request; reversal due, reason {o.ReversalReason})" : ""),
        };
    }

    // A loopback port with nothing listening: bind one, note it, close it.
    private static int ClosedLoopbackPort()
    {
        using Socket s = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint).Port;
    }
}
