using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Net;
using AcquirerSimulator;
using FaultProxy;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.PowerCut;

/// <summary>
/// Power cuts (issue 6, item 7): a terminal on flash that can be cut at any byte (<see cref="CuttingStore"/>) runs a
/// working day against the simulator through a fault proxy: boot, master key load, sign-on, four sales with PIN with a
/// configuration save before each, one of them unanswered (the proxy resets the third exchange, so the host has booked
/// it and a reversal is owed), the reversal before the next sale, and a settlement (0500, 0320) that closes the batch.
/// The power is cut once per run at one of 220 byte positions spread over everything the day writes; the terminal is then
/// rebooted on what the flash holds and finishes the day. After each run: the configuration loads (the old or the new
/// one, never defaults over a saved one), the keys work, no trace number is sent twice, every sale after the reboot is
/// approved or owes a reversal, every unanswered sale the host booked is reversed (exactly once: the ledger's flag), no
/// reversal or journal entry is left, every batch the host settled for the terminal shows no difference, and the settled
/// figures equal the ledger's net; at most one ledger entry (the sale the cut interrupted) has no outcome at the terminal,
/// and it is either reversed or settled.
/// </summary>
[TestClass]
public class PowerCutTests
{
    private const int SalesPerDay = 4;
    private const int MinCutPoints = 200;

    /// <summary>The power is gone: thrown by the write the cut hits, and by every write after it.</summary>
    public sealed class PowerCutException : Exception
    {
    }

    /// <summary>
    /// Flash (a <see cref="MemoryStore"/> that outlives the terminal) behind a power switch: with <see cref="CutAt"/> set,
    /// the write that would cross that byte position (counting every byte written since the switch was armed) keeps only
    /// its bytes before it, as a cut flash write leaves a prefix, and the power is off from then on.
    /// </summary>
    public sealed class CuttingStore(MemoryStore flash) : INonVolatileStore
    {
        /// <summary>Byte position of the cut; -1: none.</summary>
        public long CutAt = -1;

        /// <summary>Bytes written so far.</summary>
        public long Written;

        /// <summary>True once the cut has happened.</summary>
        public bool Dead;

        public int Read(string name, byte[] buffer, int offset, int count) => flash.Read(name, buffer, offset, count);

        public bool Write(string name, byte[] buffer, int offset, int count)
        {
            if (Dead) throw new PowerCutException();
            if (CutAt >= 0 && Written + count > CutAt)
            {
                int kept = (int)(CutAt - Written);
                flash.Write(name, buffer, offset, kept);
                Written += kept;
                Dead = true;
                throw new PowerCutException();
            }
            Written += count;
            return flash.Write(name, buffer, offset, count);
        }
    }

    /// <summary>Keeps the trace number of every request a terminal sent.</summary>
    private sealed class SentStans : ILinkObserver
    {
        public readonly List<(int Mti, long Stan)> Sent = new();

        public void OnConnect(int index, HostEndpoint host, LinkStatus status)
        {
        }

        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
        {
            if (message.Has(IsoField.Stan)) lock (Sent) Sent.Add((message.Mti, message.GetNumber(IsoField.Stan)));
        }

        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
        {
        }

        public void OnFormatError(IsoFormatException error, int frameLength)
        {
        }
    }

    /// <summary>One working day of terminal <see cref="TerminalId"/>, possibly cut once and rebooted.</summary>
    private sealed class Day(SimulatorFixture sim, HostEndpoint host, string terminalId, long cutAt)
    {
        public readonly string TerminalId = terminalId;
        public readonly List<SettlementOutcome> Settled = new();
        public bool ReversalLeft;
        public readonly MemoryStore Flash = new();
        public readonly SentStans Observer = new();
        public readonly List<TxnOutcome> Completed = new();
        public readonly List<string> Problems = new();
        public long Written;
        public bool WasCut;
        public int Boots;
        private int _timeoutsSaved;   // response timeouts saved so far (config values 5 + n)

        /// <summary>Runs the day: boots until <see cref="SalesPerDay"/> sales are done.</summary>
        public void Run()
        {
            CuttingStore store = new(Flash) { CutAt = cutAt };
            for (Boots = 1; Boots <= 3; Boots++)
            {
                try
                {
                    Work(store);
                    Written = store.Written;
                    return;
                }
                catch (PowerCutException)
                {
                    WasCut = true;
                    Written = store.Written;
                    store = new CuttingStore(Flash) { Written = Written };   // power back: no more cuts
                }
            }
            Problems.Add("the day did not finish after " + (Boots - 1) + " boots");
        }

        private void Work(CuttingStore store)
        {
            RecordStore records = new(store);
            ConfigStore configs = new(records);
            ConfigLoadResult loaded = configs.Load();
            CheckConfig(loaded);
            LinkSettings link = new([host], 2000, 3000, AcquirerProfile.Cup.DefaultFrame);
            TerminalSettings settings = new TerminalSettings(AcquirerProfile.Cup, TerminalId, "898310048990001", "TEST SHOP", "156", link).WithSecurity(sim.Security);
            Terminal t = new(settings, new SocketConnector(), new SystemClock(), store, Observer, new CryptoRandom());
            if (!t.Keys.Has(KeySlot.MasterKey))
            {
                byte[] tmk = DemoKeys.MasterKey(false);
                SecretKey key = new(KeyAlgorithm.Tdes, tmk, 0, tmk.Length);   // the key store takes it over
                Array.Clear(tmk);
                Dead(store, t.Keys.Put(KeySlot.MasterKey, key) ? null : "master key not stored");
            }
            // Sign on when the working keys are missing (first boot, or a cut before they were stored); a terminal that
            // kept them goes on with them. (Signing on after a settlement is not done here: the simulator answers a
            // sign-on with batch 1 again after batch 1 was settled, and the terminal follows the host's number; reported.)
            if (!t.Keys.Has(KeySlot.MacKey) || !t.Keys.Has(KeySlot.PinKey))
            {
                SignOnOutcome so = null;
                for (int i = 0; i < 3 && (so == null || so.Result != SignOnResult.Ok); i++)
                {
                    so = t.SignOn();   // again when the link failed
                    Dead(store, null);
                }
                Dead(store, so.Result == SignOnResult.Ok ? null : "sign-on " + so.Result + " " + so.KeyStatus);
            }
            while (Completed.Count < SalesPerDay)
            {
                ConfigEditor editor = new(configs, configs.Load().Config);
                ConfigStatus set = editor.SetResponseTimeout(5 + _timeoutsSaved + 1);
                ConfigStatus saved = set == ConfigStatus.Ok ? editor.Save() : set;
                Dead(store, saved == ConfigStatus.Ok ? null : "configuration not saved: " + saved);
                _timeoutsSaved++;

                long amount = 100 + Completed.Count;
                using CardData card = SimulatorFixture.Card();
                using PinEntry pin = SimulatorFixture.Pin("123456");
                TxnOutcome o = t.Sale(card, amount, pin);
                Dead(store, null);
                // approved, or unanswered with a reversal due (the proxy resets one exchange a day)
                bool unanswered = o.ReversalReason != null && o.Result is TxnResult.LinkFailed or TxnResult.NoResponse;
                if (o.Result != TxnResult.Approved && !unanswered) Problems.Add($"sale {amount} after {Boots} boot(s): {o.Result} {o.Refusal} {o.ResponseCode}");
                Completed.Add(o);
            }
            SettlementOutcome settled = null;
            for (int i = 0; i < 3 && (settled == null || settled.Result != SettlementResult.Settled); i++)
            {
                settled = t.Settle();   // the owed reversal goes out first
                Dead(store, null);
            }
            Dead(store, settled.Result == SettlementResult.Settled ? null : "settlement " + settled.Result + " " + settled.ResponseCode);
            Settled.Add(settled);
            ReversalLeft = t.PendingReversal != null || t.Journal.Count != 0;
        }

        // A failed step is a problem unless the power went out during it (then the terminal is dead: reboot).
        private void Dead(CuttingStore store, string problem)
        {
            if (store.Dead) throw new PowerCutException();
            if (problem != null) Problems.Add($"boot {Boots}: {problem}");
        }

        // k saves completed: the flash holds the k-th (5 + k s), or the one a cut hit if it was already whole (6 + k s);
        // with nothing saved yet, the factory defaults (reported as corrupt when the first save was cut short).
        private void CheckConfig(ConfigLoadResult r)
        {
            int k = _timeoutsSaved, seconds = r.Config.ResponseTimeoutSeconds;
            bool ok = r.Status switch
            {
                ConfigLoadStatus.Loaded or ConfigLoadStatus.LoadedOtherCopy => (k > 0 && seconds == 5 + k) || seconds == 6 + k,
                ConfigLoadStatus.DefaultsMissing => k == 0,
                ConfigLoadStatus.DefaultsCorrupt => k == 0 && r.Fault == ConfigFault.Damaged,   // the first save, cut short
                _ => false,
            };
            if (!ok) Problems.Add($"boot {Boots}: configuration {r.Status} {r.Fault} with response timeout {seconds} s after {k} saves");
        }
    }

    [TestMethod]
    public async Task PowerCut_AtEveryStageOfTheDay_BooksBalanceAndStateIsValid()
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        sim.Options.Rules.Clear();

        (Day dry, _) = await RunDay(sim, "77000000", -1);
        Assert.AreEqual(0, dry.Problems.Count, string.Join("\n", dry.Problems) + "\n" + string.Join("\n", sim.Log));
        Assert.IsTrue(dry.Completed.Any(o => o.ReversalReason != null), "the day has no unanswered sale: no reversal to cut into");
        long total = dry.Written;
        Assert.IsTrue(total > MinCutPoints, "the day writes only " + total + " bytes");

        int points = 220;
        List<string> problems = new();
        int cut = 0, interrupted = 0, reversedAtHost = 0;
        for (int p = 0; p < points; p++)
        {
            long at = Math.Min(total * p / points + p % 7, total - 1);   // spread over the day, moved across record boundaries
            (Day day, int reversed) = await RunDay(sim, "77" + (p + 1).ToString("D6", CultureInfo.InvariantCulture), at);
            if (day.WasCut) cut++;
            foreach (string s in day.Problems) problems.Add($"cut at byte {at}: {s}");
            interrupted += Reconcile(sim, day, at, problems);
            reversedAtHost += reversed;
        }
        Assert.AreEqual(0, problems.Count, $"{problems.Count} problems in {points} power cuts:\n  " + string.Join("\n  ", problems.Take(40)));
        Assert.IsTrue(cut >= MinCutPoints, $"only {cut} of {points} runs were cut");
        Console.WriteLine($"power cuts: {points} runs over {total} bytes written per day, {cut} cut; {interrupted} sales interrupted by the cut and "
            + $"booked by the host; {reversedAtHost} ledger entries reversed");
    }

    // One day behind its own proxy, which resets the third exchange (the second sale on an uncut day: booked by the host,
    // unanswered at the terminal, so a reversal is owed). Returns the day and how many of its ledger entries were reversed.
    private static async Task<(Day, int)> RunDay(SimulatorFixture sim, string terminalId, long cutAt)
    {
        await using FaultInjectingProxy proxy = new(new ProxyOptions
        {
            Upstream = new IPEndPoint(IPAddress.Loopback, sim.Host.Port),
            Plan = new FaultPlan().AtRequest(3, FaultKind.Reset),
            MessageOffset = FrameFormat.TpduLength + 6,
        });
        proxy.Start();
        Day day = new(sim, new HostEndpoint("127.0.0.1", proxy.Port), terminalId, cutAt);
        await Task.Factory.StartNew(day.Run, System.Threading.CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return (day, sim.Host.Ledger.Entries.Count(e => e.TerminalId == terminalId && e.Reversed));
    }

    // The day against the ledger and the host's settlement; returns 1 when the sale the cut interrupted was booked.
    private static int Reconcile(SimulatorFixture sim, Day day, long at, List<string> problems)
    {
        void Bad(string s) => problems.Add($"cut at byte {at}: {s}");
        List<LedgerEntry> entries = sim.Host.Ledger.Entries.Where(e => e.TerminalId == day.TerminalId).ToList();
        foreach (TxnOutcome o in day.Completed)
        {
            LedgerEntry e = sim.Host.Ledger.Find(day.TerminalId, o.Batch, o.Stan);
            if (o.Result == TxnResult.Approved && (e == null || !e.Approved || e.Reversed || e.AmountMinor != o.AmountMinor || e.Rrn != o.Rrn))
                Bad($"sale {o.AmountMinor} STAN {o.Stan} approved by the terminal, ledger: {e?.ResponseCode ?? "nothing"} {e?.AmountMinor} reversed {e?.Reversed}");
            if (o.Result != TxnResult.Approved && e != null && !e.Reversed) Bad($"sale {o.AmountMinor} STAN {o.Stan} unanswered, booked and not reversed");
        }
        int interrupted = 0;
        foreach (LedgerEntry e in entries)
        {
            if (day.Completed.Any(o => o.Stan == e.Stan && o.Batch == e.Batch)) continue;
            interrupted++;   // the sale the cut interrupted: reversed after the reboot, or committed and settled
        }
        if (interrupted > 1 || (interrupted == 1 && !day.WasCut)) Bad($"{interrupted} ledger entries belong to no completed sale");
        if (day.ReversalLeft) Bad("after settlement a reversal or journal entries are left");
        // Settled exactly: every batch the host settled for the terminal (also one whose settlement the cut hid from the
        // terminal after the host had closed it) shows no difference, every counted entry lies in a settled batch, and
        // the settled figures add up to the ledger's net (approved, not reversed).
        if (day.Settled.Count == 0) Bad("the day ended without a settlement");
        Dictionary<int, SettlementReport> reports = new();
        foreach (SettlementReport r in sim.Host.Ledger.Settlements.Where(x => x.TerminalId == day.TerminalId)) reports[r.Batch] = r;
        long settledNet = 0;
        foreach (SettlementReport r in reports.Values)
        {
            settledNet += r.HostFigures.NetMinor;
            if (r.Differences.Count > 0) Bad($"batch {r.Batch}: host differences {string.Join("; ", r.Differences)}");
        }
        foreach (LedgerEntry e in entries.Where(e => e.Counts && !reports.ContainsKey(e.Batch))) Bad($"STAN {e.Stan} in batch {e.Batch}, never settled");
        long hostNet = entries.Where(e => e.Counts).Sum(e => e.AmountMinor);
        if (hostNet != settledNet) Bad($"host net {hostNet}, settled {settledNet}");
        List<long> stans = day.Observer.Sent.Where(s => s.Mti != 400).Select(s => s.Stan).ToList();   // a 0400 carries the original's
        if (stans.Distinct().Count() != stans.Count) Bad($"a trace number was sent twice: {string.Join(",", stans)}");
        return interrupted;
    }
}
