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
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host.Soak;

/// <summary>
/// The soak (issue 6, item 6): <see cref="Terminals"/> terminals (half on per-transaction connections, half on a kept
/// connection) run <see cref="Sales"/> card sales with PIN, each with its own amount, through the fault-injection proxy
/// in front of the simulator (cup profile with the CUP MAC). The proxy's plan is seeded and puts faults of every kind
/// on about <see cref="FaultRate"/> of the exchanges. Timeouts are loopback-sized (<see cref="ResponseTimeoutMs"/>).
/// Then the terminals' outcomes are reconciled against the simulator's ledger (<see cref="SoakReport.Reconcile"/>).
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

    /// <summary>Runs the soak; the report holds every outcome, the ledger and the proxy's counts.</summary>
    public async Task<SoakReport> Run()
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
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
        });
        proxy.Start();

        Terminal[] terminals = new Terminal[Terminals];
        for (int k = 0; k < Terminals; k++)
        {
            Terminal t = sim.SignedOnTerminal(TerminalId(k));
            LinkSettings link = new([new HostEndpoint("127.0.0.1", proxy.Port)], 1000, ResponseTimeoutMs, t.Settings.Link.Frame);
            if (k % 2 == 1) link = link.WithConnection(ConnectionMode.Kept, 0);
            t.Settings = t.Settings.WithLink(link);
            terminals[k] = t;
        }

        SoakSale[] sales = new SoakSale[Sales];
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
                    for (int i = terminal; i < Sales; i += Terminals) sales[i] = Sell(terminals[terminal], terminal, i);
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
        return new SoakReport(sales, ledger, faults, proxy.Stats.ToString(), clock.Elapsed, this);
    }

    /// <summary>Terminal id of soak terminal <paramref name="k"/>.</summary>
    public static string TerminalId(int k) => "8866" + k.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The amount of sale <paramref name="i"/>: unique, so a ledger entry names its sale.</summary>
    public static long AmountOf(int i) => 1000 + i;

    private static SoakSale Sell(Terminal t, int terminal, int i)
    {
        using CardData card = SimulatorFixture.Card();
        using PinEntry pin = SimulatorFixture.Pin("123456");
        TxnOutcome o = t.Sale(card, AmountOf(i), pin);
        return new SoakSale(i, TerminalId(terminal), o.Result, o.ResponseCode, o.Stan, o.Batch, o.AmountMinor, o.Rrn, o.ReversalReason);
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}

/// <summary>What the terminal said about one soak sale.</summary>
public sealed record SoakSale(int Index, string TerminalId, TxnResult Result, string ResponseCode, int Stan, int Batch, long AmountMinor, string Rrn, string ReversalReason)
{
    /// <summary>True for the outcomes after which the host may hold the request while the terminal has no answer.</summary>
    public bool Unanswered => Result is TxnResult.NoResponse or TxnResult.LinkFailed or TxnResult.MacFailed or TxnResult.Fault;
}

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

    /// <summary>Sales by result.</summary>
    public int Count(TxnResult r) => Array.FindAll(sales, s => s.Result == r).Length;

    /// <summary>Unanswered sales the host booked: the sales a reversal must undo.</summary>
    public List<SoakSale> OwedReversals { get; } = new();

    /// <summary>
    /// Checks the books and returns every discrepancy (empty: they balance exactly).
    /// <list type="bullet">
    /// <item>an approved sale is in the ledger, approved, with its amount and RRN (no approved sale lost);</item>
    /// <item>a declined sale is in the ledger with the same response code;</item>
    /// <item>a sale not sent, or refused by the terminal, is not in the ledger and owes no reversal;</item>
    /// <item>an unanswered sale (no response, link failed, MAC wrong, fault) has a reversal due; when the ledger has
    /// it, it is an owed reversal;</item>
    /// <item>every ledger entry of the soak's terminals belongs to exactly one sale, with that sale's amount (nothing
    /// booked that was not sold, nothing charged twice: amounts are unique per sale);</item>
    /// <item>host approved total = terminal approved total + owed reversals' total.</item>
    /// </list>
    /// </summary>
    public List<string> Reconcile()
    {
        List<string> bad = new();
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
        long terminalApproved = 0, owed = 0;
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
                    if (!s.Unanswered) bad.Add($"sale {s.Index}: result {s.Result}");
                    if (s.ReversalReason == null) bad.Add($"sale {s.Index} {s.Result} without a reversal due");
                    if (e != null && e.Approved)
                    {
                        OwedReversals.Add(s);
                        owed += e.AmountMinor;
                    }
                    break;
            }
        }
        foreach (KeyValuePair<(string, int, int), LedgerEntry> kv in byKey)
        {
            if (!claimed.Contains(kv.Key)) bad.Add($"ledger entry {kv.Key} belongs to no sale");
        }
        long hostApproved = 0;
        foreach (LedgerEntry e in byKey.Values) hostApproved += e.Approved ? e.AmountMinor : 0;
        if (hostApproved != terminalApproved + owed)
            bad.Add($"host approved {hostApproved}, terminal approved {terminalApproved} + owed reversals {owed}");
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
        b.Append(CultureInfo.InvariantCulture, $"  ledger: {ledger.Count} entries; owed reversals (host booked, terminal unanswered): {OwedReversals.Count}\n");
        b.Append("  proxy: ").Append(proxyStats);
        return b.ToString();
    }
}
