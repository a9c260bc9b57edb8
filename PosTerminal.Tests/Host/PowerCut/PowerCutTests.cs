using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using AcquirerSimulator;
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
/// working day against the simulator: boot, master key load, sign-on, sales with PIN, configuration saves between them.
/// The power is cut once per run at one of at least 200 byte positions spread over everything the day writes; the
/// terminal is then rebooted on what the flash holds and finishes the day. After each run: the configuration loads
/// (the old or the new one, never defaults over a saved one), the keys work (sign-on and MACs verify), no trace number
/// is sent twice, every sale after the reboot is approved, and the simulator's ledger matches the terminal's outcomes
/// exactly, apart from the one sale the cut interrupted (booked by the host or not; counted as owed to the reversal).
/// </summary>
[TestClass]
public class PowerCutTests
{
    private const int SalesPerDay = 3;
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
    private sealed class Day(SimulatorFixture sim, string terminalId, long cutAt)
    {
        public readonly string TerminalId = terminalId;
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
            LinkSettings link = new([sim.Endpoint], 2000, 3000, AcquirerProfile.Cup.DefaultFrame);
            TerminalSettings settings = new TerminalSettings(AcquirerProfile.Cup, TerminalId, "898310048990001", "TEST SHOP", "156", link).WithSecurity(sim.Security);
            Terminal t = new(settings, new SocketConnector(), new SystemClock(), store, Observer, new CryptoRandom());
            if (!t.Keys.Has(KeySlot.MasterKey))
            {
                byte[] tmk = DemoKeys.MasterKey(false);
                SecretKey key = new(KeyAlgorithm.Tdes, tmk, 0, tmk.Length);   // the key store takes it over
                Array.Clear(tmk);
                Dead(store, t.Keys.Put(KeySlot.MasterKey, key) ? null : "master key not stored");
            }
            SignOnOutcome so = t.SignOn();
            Dead(store, so.Result == SignOnResult.Ok ? null : "sign-on " + so.Result + " " + so.KeyStatus);
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
                if (o.Result != TxnResult.Approved) Problems.Add($"sale {amount} after {Boots} boot(s): {o.Result} {o.ResponseCode} reversal {o.ReversalReason}");
                Completed.Add(o);
            }
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

        Day dry = new(sim, "77000000", -1);
        dry.Run();
        Assert.AreEqual(0, dry.Problems.Count, string.Join("\n", dry.Problems) + "\n" + string.Join("\n", sim.Log));
        long total = dry.Written;
        Assert.IsTrue(total > MinCutPoints, "the day writes only " + total + " bytes");

        // Cut points spread over every byte position class: each record write is cut at its start, inside and at its end.
        int points = Math.Max(MinCutPoints, 220);
        List<string> problems = new();
        int cut = 0, interruptedBooked = 0;
        for (int p = 0; p < points; p++)
        {
            long at = total * p / points + p % 7;   // an offset that moves the cut across record boundaries
            Day day = new(sim, "77" + (p + 1).ToString("D6", CultureInfo.InvariantCulture), Math.Min(at, total - 1));
            day.Run();
            if (day.WasCut) cut++;
            foreach (string s in day.Problems) problems.Add($"cut at byte {at}: {s}");
            interruptedBooked += Reconcile(sim, day, at, problems);
        }
        Assert.AreEqual(0, problems.Count, $"{problems.Count} problems in {points} power cuts:\n  " + string.Join("\n  ", problems.Take(40)));
        Assert.IsTrue(cut >= MinCutPoints, $"only {cut} of {points} runs were cut");
        Console.WriteLine($"power cuts: {points} runs over {total} bytes written per day, {cut} cut, {interruptedBooked} interrupted sales booked by the host (owed reversals)");
    }

    // The terminal's completed sales against the ledger; returns 1 when the interrupted sale was booked by the host.
    private static int Reconcile(SimulatorFixture sim, Day day, long at, List<string> problems)
    {
        List<LedgerEntry> entries = sim.Host.Ledger.Entries.Where(e => e.TerminalId == day.TerminalId).ToList();
        int booked = 0;
        foreach (TxnOutcome o in day.Completed)
        {
            LedgerEntry e = sim.Host.Ledger.Find(day.TerminalId, o.Batch, o.Stan);
            if (e == null || !e.Approved || e.AmountMinor != o.AmountMinor || e.Rrn != o.Rrn)
                problems.Add($"cut at byte {at}: sale {o.AmountMinor} STAN {o.Stan} approved by the terminal, ledger: {e?.ResponseCode ?? "nothing"} {e?.AmountMinor}");
        }
        foreach (LedgerEntry e in entries)
        {
            bool mine = day.Completed.Any(o => o.Stan == e.Stan && o.Batch == e.Batch);
            if (mine) continue;
            booked++;
            // the sale the cut interrupted: the host has it, the terminal has no outcome (its reversal is owed)
            if (!day.WasCut || booked > 1) problems.Add($"cut at byte {at}: ledger entry STAN {e.Stan} amount {e.AmountMinor} belongs to no completed sale");
        }
        List<long> stans = day.Observer.Sent.Select(s => s.Stan).ToList();
        if (stans.Distinct().Count() != stans.Count) problems.Add($"cut at byte {at}: a trace number was sent twice: {string.Join(",", stans)}");
        return booked;
    }
}
