using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AcquirerSimulator;
using FaultProxy;
using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.Soak;

/// <summary>
/// The soak (issue 6, item 6): <see cref="Terminals"/> terminals (half on per-transaction connections, half on a kept
/// connection) run <see cref="Sales"/> card sales with PIN, each with its own amount, through the fault-injection proxy
/// in front of the simulator (cup profile with the CUP MAC). The proxy's plan is seeded and puts faults of every kind
/// on about <see cref="FaultRate"/> of the exchanges. Timeouts are loopback-sized (<see cref="ResponseTimeoutMs"/>).
/// A reversal owed by an unanswered sale goes out before the terminal's next transaction (through the same faults);
/// each terminal settles every <see cref="SettleEvery"/> sales and at the end, after its last reversal is delivered,
/// the batch journal being compared with the terminal's approved sales before each settlement. Then the terminals'
/// outcomes, reversals and settlements are reconciled against the simulator's ledger (<see cref="SoakReport.Reconcile"/>).
/// </summary>
public sealed class SoakRun
{
    /// <summary>Sales in all (POSTERMINAL_SOAK_SALES overrides it).</summary>
    public int Sales { get; set; } = EnvInt("POSTERMINAL_SOAK_SALES", 2000);

    /// <summary>Terminals selling at once, each on its own thread.</summary>
    public int Terminals { get; set; } = 4;

    /// <summary>Share of sales that meet a fault (spread over connection, request and response faults of every kind).</summary>
    public double FaultRate { get; set; } = 0.10;

    /// <summary>Seed of the proxy's plan.</summary>
    public long Seed { get; set; } = EnvInt("POSTERMINAL_SOAK_SEED", 20261127);

    /// <summary>The terminals' response timeout (ms).</summary>
    public int ResponseTimeoutMs { get; set; } = 300;

    /// <summary>How long DelayResponse and LateReply hold a response (ms): past <see cref="ResponseTimeoutMs"/>.</summary>
    public int HoldMs { get; set; } = 400;

    /// <summary>Sales per terminal between two settlements (the batch journal holds <see cref="BatchJournal.MaxCapacity"/>).</summary>
    public int SettleEvery { get; set; } = 250;

    /// <summary>Attempts at one settlement, or at delivering the last reversal, through the faults.</summary>
    public int Attempts { get; set; } = 12;

    /// <summary>Runs the soak; the report holds every outcome, the ledger and the proxy's counts.</summary>
    public async Task<SoakReport> Run()
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        System.Collections.Concurrent.ConcurrentQueue<string> printed = new();   // the proxy's log, receipts, results, slips
        sim.Options.Rules.Clear();   // every sale that reaches the host whole is approved: a decline proves nothing here
        // Connection, request and response faults each at half the rate: a kept connection meets few connection faults.
        FaultPlan plan = FaultPlan.Parse("all", FaultRate / 2, Seed);
        await using FaultInjectingProxy proxy = new(new ProxyOptions
        {
            Upstream = new IPEndPoint(IPAddress.Loopback, sim.Host.Port),
            Plan = plan,
            MessageOffset = FrameFormat.TpduLength + 6,
            DelayMs = HoldMs,
            LateMs = HoldMs,
            RefuseWindowMs = 50,
            Log = printed.Enqueue,
        });
        proxy.Start();

        ReversalRecorder reversals = new();
        sim.Observer = reversals;
        Terminal[] terminals = new Terminal[Terminals];
        for (int k = 0; k < Terminals; k++)
        {
            Terminal t = sim.SignedOnTerminal(TerminalId(k));
            LinkSettings link = new([new HostEndpoint("127.0.0.1", proxy.Port)], 1000, ResponseTimeoutMs, t.Settings.Link.Frame);
            if (k % 2 == 1) link = link.WithConnection(ConnectionMode.Kept, 0);
            t.Settings = t.Settings.WithLink(link).WithBatchCapacity(BatchJournal.MaxCapacity);
            terminals[k] = t;
        }

        SoakSale[] sales = new SoakSale[Sales];
        List<string> problems = new();
        List<SoakSettlement> settlements = new();
        Stopwatch clock = Stopwatch.StartNew();
        Thread[] threads = new Thread[Terminals];
        Exception failure = null;
        for (int k = 0; k < Terminals; k++)
        {
            int terminal = k;
            threads[k] = new Thread(() =>
            {
                try
                {
                    Terminal t = terminals[terminal];
                    List<SoakSale> open = new();
                    int sinceSettle = 0;
                    for (int i = terminal; i < Sales; i += Terminals)
                    {
                        sales[i] = Sell(t, terminal, i, printed);
                        if (sales[i].Result == TxnResult.Approved) open.Add(sales[i]);
                        if (++sinceSettle < SettleEvery) continue;
                        Settle(t, terminal, open, problems, settlements, printed);
                        sinceSettle = 0;
                    }
                    Settle(t, terminal, open, problems, settlements, printed);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }) { IsBackground = true, Name = "soak terminal " + k };
            threads[k].Start();
        }
        foreach (Thread t in threads) t.Join();
        clock.Stop();
        if (failure != null) throw new InvalidOperationException("a soak terminal failed: " + failure, failure);
        foreach (Terminal t in terminals) t.CloseLink();
        await Task.Delay(HoldMs + 200);   // late and delayed responses still in the proxy are delivered or dropped

        long[] faults = new long[FaultKinds.Count];
        foreach (FaultKind k in FaultKinds.All) faults[(int)k] = proxy.Stats.Faults(k);
        List<LedgerEntry> ledger = new();
        foreach (LedgerEntry e in sim.Host.Ledger.Entries) ledger.Add(e);
        Ledger books = sim.Host.Ledger;
        List<SettlementReport> reports = new(books.Settlements);
        return new SoakReport(sales, ledger, faults, proxy.Stats.ToString(), clock.Elapsed, this)
        {
            Problems = problems,
            Settlements = settlements,
            HostSettlements = reports,
            HostReversals = books.Reversals,
            HostDuplicateReversals = books.DuplicateReversals,
            HostUnknownReversals = books.UnknownReversals,
            ReversalsSent = reversals.Sent,
            Printed = string.Join('\n', printed) + "\n" + string.Join('\n', sim.Log),
        };
    }

    /// <summary>Counts the 0400s each terminal sent, by the original's trace number (F11 of the 0400).</summary>
    private sealed class ReversalRecorder : ILinkObserver
    {
        public readonly Dictionary<(string, long), int> Sent = new();

        public void OnConnect(int index, HostEndpoint host, PosTerminal.Hal.LinkStatus status)
        {
        }

        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
        {
            if (message.Mti != 400) return;
            (string, long) key = (message.GetString(IsoField.TerminalId), message.GetNumber(IsoField.Stan));
            lock (Sent) Sent[key] = Sent.GetValueOrDefault(key) + 1;
        }

        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
        {
        }

        public void OnFormatError(IsoFormatException error, int frameLength)
        {
        }
    }

    // Compares the batch journal with the approved sales since the last settlement, then settles (the owed reversal
    // first) with up to Attempts tries through the faults.
    private void Settle(Terminal t, int terminal, List<SoakSale> open, List<string> problems, List<SoakSettlement> settlements,
        System.Collections.Concurrent.ConcurrentQueue<string> printed)
    {
        string tid = TerminalId(terminal);
        List<string> bad = new();
        BatchJournal j = t.Journal;
        HashSet<int> journalled = new();
        long journalTotal = 0;
        for (int e = 0; e < j.Count; e++)
        {
            BatchEntry entry = j.Entry(e);
            journalled.Add(entry.Stan);
            journalTotal += entry.AmountMinor;
            SoakSale s = open.Find(x => x.Stan == entry.Stan);
            if (s == null) bad.Add($"{tid} batch {j.Batch}: journal holds STAN {entry.Stan} ({entry.AmountMinor}), no approved sale has it");
            else if (s.AmountMinor != entry.AmountMinor || s.Rrn != entry.Rrn || s.Batch != entry.Batch) bad.Add($"{tid}: journal STAN {entry.Stan} differs from its sale {s.Index}");
        }
        foreach (SoakSale s in open)
        {
            if (!journalled.Contains(s.Stan)) bad.Add($"{tid} batch {j.Batch}: approved sale {s.Index} (STAN {s.Stan}) missing from the journal");
        }
        BatchTotals totals = j.Totals();
        if (totals.DebitAmountMinor != journalTotal || totals.DebitCount != j.Count) bad.Add($"{tid} batch {j.Batch}: journal totals {totals.DebitCount}/{totals.DebitAmountMinor}, entries {j.Count}/{journalTotal}");
        SettlementOutcome so = null;
        int attempts = 0;
        for (; attempts < Attempts; attempts++)
        {
            so = t.Settle();
            if (so.Report != null) printed.Enqueue(so.Report);
            if (so.Result == SettlementResult.Settled) break;
            Thread.Sleep(20);   // past a refusal window
        }
        lock (settlements) settlements.Add(new SoakSettlement(tid, so.Batch, so.Result, so.Balanced, attempts + 1, open.Count, so.Totals?.NetMinor ?? -1));
        if (so.Result != SettlementResult.Settled) bad.Add($"{tid} batch {so.Batch}: not settled after {attempts} attempts: {so.Result} {so.ResponseCode}");
        else if (t.Journal.Count != 0 || t.PendingReversal != null) bad.Add($"{tid}: after settlement the journal holds {t.Journal.Count}, reversal pending {t.PendingReversal != null}");
        open.Clear();
        if (bad.Count > 0) lock (problems) problems.AddRange(bad);
    }

    /// <summary>Terminal id of soak terminal <paramref name="k"/>.</summary>
    public static string TerminalId(int k) => "8866" + k.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The amount of sale <paramref name="i"/>: unique, so a ledger entry names its sale.</summary>
    public static long AmountOf(int i) => 1000 + i;

    private static SoakSale Sell(Terminal t, int terminal, int i, System.Collections.Concurrent.ConcurrentQueue<string> printed)
    {
        using CardData card = SimulatorFixture.Card();
        using PinEntry pin = SimulatorFixture.Pin("123456");
        TxnOutcome o = t.Sale(card, AmountOf(i), pin);
        printed.Enqueue(o.Receipt + "\n" + PosTerminal.Emulator.Demo.Summary(o));
        return new SoakSale(i, TerminalId(terminal), o.Result, o.ResponseCode, o.Stan, o.Batch, o.AmountMinor, o.Rrn, o.ReversalReason, o.Refusal);
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}

/// <summary>What the terminal said about one soak sale.</summary>
public sealed record SoakSale(int Index, string TerminalId, TxnResult Result, string ResponseCode, int Stan, int Batch, long AmountMinor, string Rrn, string ReversalReason, RefusalReason Refusal)
{
    /// <summary>True for the outcomes after which the host may hold the request while the terminal has no answer.</summary>
    public bool Unanswered => Result is TxnResult.NoResponse or TxnResult.LinkFailed or TxnResult.MacFailed or TxnResult.Fault;
}

/// <summary>One settlement of a soak terminal: its batch, result, whether the host agreed at once, tries, approved sales.</summary>
public sealed record SoakSettlement(string TerminalId, int Batch, SettlementResult Result, bool Balanced, int Attempts, int Sales, long NetMinor);

/// <summary>The outcomes, the ledger and the proxy's counts of a soak, and their reconciliation.</summary>
public sealed class SoakReport(SoakSale[] sales, List<LedgerEntry> ledger, long[] faults, string proxyStats, TimeSpan elapsed, SoakRun run)
{
    /// <summary>Every sale's outcome, by index.</summary>
    public SoakSale[] Sales => sales;

    /// <summary>The simulator's ledger after the run.</summary>
    public List<LedgerEntry> Ledger => ledger;

    /// <summary>Faults injected, by <see cref="FaultKind"/>.</summary>
    public long[] Faults => faults;

    /// <summary>Wall-clock time of the sales.</summary>
    public TimeSpan Elapsed => elapsed;

    /// <summary>Discrepancies found during the run (journal against sales, settlements that did not complete).</summary>
    public List<string> Problems { get; init; } = new();

    /// <summary>The terminals' settlements.</summary>
    public List<SoakSettlement> Settlements { get; init; } = new();

    /// <summary>The simulator's settlement reports.</summary>
    public List<SettlementReport> HostSettlements { get; init; } = new();

    /// <summary>Reversals that undid a ledger entry, of an entry already reversed, of nothing booked (the simulator's counts).</summary>
    public int HostReversals { get; init; }

    /// <inheritdoc cref="HostReversals"/>
    public int HostDuplicateReversals { get; init; }

    /// <inheritdoc cref="HostReversals"/>
    public int HostUnknownReversals { get; init; }

    /// <summary>Everything the soak printed or logged: receipts, result lines, settlement slips, the proxy's and the simulator's logs.</summary>
    public string Printed { get; init; } = "";

    /// <summary>0400s the terminals sent, by (terminal id, original trace number).</summary>
    public Dictionary<(string, long), int> ReversalsSent { get; init; } = new();

    /// <summary>Sales by result.</summary>
    public int Count(TxnResult r) => Array.FindAll(sales, s => s.Result == r).Length;

    /// <summary>Unanswered sales the host booked: the sales a reversal must undo.</summary>
    public List<SoakSale> OwedReversals { get; } = new();

    /// <summary>
    /// Checks the books and returns every discrepancy (empty: they balance exactly).
    /// <list type="bullet">
    /// <item>an approved sale is in the ledger, approved, not reversed, with its amount and RRN (no approved sale lost);</item>
    /// <item>a declined sale is in the ledger with the same response code;</item>
    /// <item>a sale not sent, or refused by the terminal, is not in the ledger and owes no reversal;</item>
    /// <item>an unanswered sale (no response, link failed, MAC wrong, fault) had a reversal due; when the ledger has it,
    /// the entry is reversed (an owed reversal);</item>
    /// <item>a reversal was sent for every unanswered sale and for nothing else; the host met each, and reversed each
    /// booked one exactly once: every owed entry is reversed, reversals that undid an entry are at most the owed ones
    /// (a reversal that overtook its late original makes the original booked reversed), repeats after a lost 0410 are
    /// answered without effect, and the host met no more reversals than were sent;</item>
    /// <item>every ledger entry of the soak's terminals belongs to exactly one sale, with that sale's amount (nothing
    /// booked that was not sold, nothing charged twice: amounts are unique per sale);</item>
    /// <item>host net (approved, not reversed) = terminal approved total; every batch the terminals settled was settled
    /// by the host without a difference, and the host's settled totals add up to the terminal's approved total;</item>
    /// <item>the batch journal held exactly the approved sales before each settlement (<see cref="Problems"/>).</item>
    /// </list>
    /// </summary>
    public List<string> Reconcile()
    {
        List<string> bad = new(Problems);
        OwedReversals.Clear();
        Dictionary<(string, int, int), LedgerEntry> byKey = new();
        Dictionary<long, int> byAmount = new();
        foreach (LedgerEntry e in ledger)
        {
            if (!e.TerminalId.StartsWith("8866", StringComparison.Ordinal)) continue;
            if (!byKey.TryAdd((e.TerminalId, e.Batch, e.Stan), e)) bad.Add($"ledger holds {e.TerminalId}/{e.Batch}/{e.Stan} twice");
            byAmount[e.AmountMinor] = byAmount.GetValueOrDefault(e.AmountMinor) + 1;
        }
        foreach (KeyValuePair<long, int> kv in byAmount)
        {
            if (kv.Value > 1) bad.Add($"amount {kv.Key} (one sale) booked {kv.Value} times");
        }
        HashSet<(string, int, int)> claimed = new();
        long terminalApproved = 0;
        int unanswered = 0;
        foreach (SoakSale s in sales)
        {
            if (s == null)
            {
                bad.Add("a sale has no outcome");
                continue;
            }
            byKey.TryGetValue((s.TerminalId, s.Batch, s.Stan), out LedgerEntry e);
            if (e != null && !claimed.Add((s.TerminalId, s.Batch, s.Stan))) bad.Add($"sale {s.Index}: two sales share {s.TerminalId}/{s.Batch}/{s.Stan}");
            if (e != null && e.AmountMinor != s.AmountMinor) bad.Add($"sale {s.Index}: ledger amount {e.AmountMinor}, sold {s.AmountMinor}");
            switch (s.Result)
            {
                case TxnResult.Approved:
                    terminalApproved += s.AmountMinor;
                    if (e == null) bad.Add($"sale {s.Index} approved by the terminal, not in the ledger (STAN {s.Stan})");
                    else if (!e.Approved || e.Rrn != s.Rrn) bad.Add($"sale {s.Index} approved with RRN {s.Rrn}, ledger says {e.ResponseCode} RRN {e.Rrn}");
                    else if (e.Reversed) bad.Add($"sale {s.Index} approved by the terminal, reversed at the host");
                    if (s.ReversalReason != null) bad.Add($"sale {s.Index} approved with a reversal due");
                    break;
                case TxnResult.Declined:
                    if (e == null || e.ResponseCode != s.ResponseCode) bad.Add($"sale {s.Index} declined {s.ResponseCode}, ledger says {e?.ResponseCode ?? "nothing"}");
                    break;
                case TxnResult.NotSent:
                case TxnResult.Refused:
                    if (e != null) bad.Add($"sale {s.Index} {s.Result}, yet booked by the host");
                    if (s.ReversalReason != null) bad.Add($"sale {s.Index} {s.Result} with a reversal due");
                    break;
                default:
                    unanswered++;
                    if (!s.Unanswered) bad.Add($"sale {s.Index}: result {s.Result}");
                    if (s.ReversalReason == null) bad.Add($"sale {s.Index} {s.Result} without a reversal due");
                    if (e != null && e.Approved)
                    {
                        OwedReversals.Add(s);
                        if (!e.Reversed) bad.Add($"sale {s.Index} unanswered, booked by the host ({e.AmountMinor}) and never reversed");
                    }
                    break;
            }
        }
        foreach (KeyValuePair<(string, int, int), LedgerEntry> kv in byKey)
        {
            if (!claimed.Contains(kv.Key)) bad.Add($"ledger entry {kv.Key} belongs to no sale");
        }
        // A reversal that overtakes its original at the host (the terminal timed out, its 0400 came on a new connection
        // before the host had read the late sale) is answered 25 and the original is booked reversed when it arrives: so
        // the host's "undid an entry" count may be below the owed reversals, never above (that would be an approved sale
        // reversed, or one reversed twice); every owed entry being reversed is checked above.
        if (HostReversals > OwedReversals.Count) bad.Add($"the host reversed {HostReversals} entries, only {OwedReversals.Count} reversals were owed");
        // Every unanswered sale, and only those, had its reversal sent; the host met each (a repeat after a lost 0410 is
        // answered without effect: counted as a duplicate for a booked sale, again as unknown for an unbooked one).
        int sent = 0;
        HashSet<(string, long)> owedKeys = new();
        foreach (SoakSale s in sales)
        {
            if (s == null || !s.Unanswered) continue;
            owedKeys.Add((s.TerminalId, s.Stan));
            if (!ReversalsSent.ContainsKey((s.TerminalId, s.Stan))) bad.Add($"sale {s.Index} unanswered, no reversal sent");
        }
        foreach (KeyValuePair<(string, long), int> kv in ReversalsSent)
        {
            sent += kv.Value;
            if (!owedKeys.Contains(kv.Key)) bad.Add($"a reversal of {kv.Key} was sent for a sale that was not unanswered");
        }
        int met = HostReversals + HostDuplicateReversals + HostUnknownReversals;
        if (HostReversals + HostUnknownReversals < unanswered || met > sent)
            bad.Add($"{unanswered} unanswered sales, {sent} reversals sent; the host met {HostReversals} of booked sales, {HostDuplicateReversals} repeats, {HostUnknownReversals} of unbooked ones");
        long hostNet = 0;
        foreach (LedgerEntry e in byKey.Values) hostNet += e.Counts ? e.AmountMinor : 0;
        if (hostNet != terminalApproved) bad.Add($"host net {hostNet}, terminal approved {terminalApproved}");

        Dictionary<(string, int), SettlementReport> lastReport = new();
        foreach (SettlementReport r in HostSettlements) lastReport[(r.TerminalId, r.Batch)] = r;
        long settledNet = 0;
        foreach (SoakSettlement t in Settlements)
        {
            if (t.Result != SettlementResult.Settled) continue;
            if (!lastReport.TryGetValue((t.TerminalId, t.Batch), out SettlementReport r)) bad.Add($"{t.TerminalId} settled batch {t.Batch}, the host has no report of it");
            else if (r.Differences.Count > 0) bad.Add($"{t.TerminalId} batch {t.Batch}: host found {string.Join("; ", r.Differences)}");
            else settledNet += r.HostFigures.NetMinor;
        }
        if (settledNet != terminalApproved) bad.Add($"host settled {settledNet}, terminal approved {terminalApproved}");
        return bad;
    }

    /// <summary>One paragraph: sales, time, outcomes by result, faults by kind, owed reversals.</summary>
    public override string ToString()
    {
        StringBuilder b = new();
        b.Append(CultureInfo.InvariantCulture, $"soak: {sales.Length} sales on {run.Terminals} terminals in {elapsed.TotalSeconds:0.0} s ({sales.Length / Math.Max(elapsed.TotalSeconds, 0.001):0} sales/s), seed {run.Seed}, fault rate {run.FaultRate:P0}, response timeout {run.ResponseTimeoutMs} ms\n");
        b.Append("  outcomes:");
        foreach (TxnResult r in Enum.GetValues<TxnResult>())
        {
            int n = Count(r);
            if (n > 0) b.Append(CultureInfo.InvariantCulture, $" {r} {n}");
        }
        b.Append("\n  faults:");
        long total = 0;
        foreach (FaultKind k in FaultKinds.All)
        {
            b.Append(CultureInfo.InvariantCulture, $" {k} {faults[(int)k]}");
            total += faults[(int)k];
        }
        b.Append(CultureInfo.InvariantCulture, $" (total {total}, {100.0 * total / Math.Max(1, sales.Length):0.0} per 100 sales)\n");
        int sent = 0;
        foreach (int n in ReversalsSent.Values) sent += n;
        b.Append(CultureInfo.InvariantCulture, $"  ledger: {ledger.Count} entries; owed reversals (host booked, terminal unanswered): {OwedReversals.Count}; 0400s sent {sent}; host reversals {HostReversals}, repeated {HostDuplicateReversals}, of nothing booked {HostUnknownReversals}\n");
        int balanced = Settlements.FindAll(x => x.Balanced).Count, tries = 0;
        foreach (SoakSettlement x in Settlements) tries += x.Attempts;
        b.Append(CultureInfo.InvariantCulture, $"  settlements: {Settlements.Count} ({Settlements.FindAll(x => x.Result == SettlementResult.Settled).Count} settled, {balanced} balanced at once, {tries} attempts); host reports {HostSettlements.Count}\n");
        b.Append("  proxy: ").Append(proxyStats);
        return b.ToString();
    }
}
