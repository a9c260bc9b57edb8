using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using AcquirerSimulator;
using FaultProxy;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Terminal -> fault-injection proxy -> simulator over loopback, one scripted fault per scenario, with the outcome the
/// terminal must reach (nothing approved that the host did not answer, a reversal due whenever the host may hold a
/// request the terminal has no answer to); plus the proxy's determinism, its stats against the simulator's ledger, and
/// its own robustness. Response timeouts are short (400 ms) to keep the class fast.
/// </summary>
[TestClass]
public class FaultProxyTests
{
    private const int TimeoutMs = 400;   // the terminal's response timeout in these tests
    private const int HoldMs = 700;      // DelayResponse / LateReply hold: past the terminal's timeout
    private const string TerminalId = "88880001";
    private const string Pan = "6212260000123456782";

    // A proxy in front of the simulator, cup framing (TPDU + header = 11 bytes before the message).
    private static FaultInjectingProxy Proxy(SimulatorFixture sim, FaultPlan plan, ConcurrentQueue<string> log = null, int upstreamPort = 0)
    {
        FaultInjectingProxy p = new(new ProxyOptions
        {
            Upstream = new IPEndPoint(IPAddress.Loopback, upstreamPort == 0 ? sim.Host.Port : upstreamPort),
            Plan = plan,
            MessageOffset = FrameFormat.TpduLength + 6,
            DelayMs = HoldMs,
            LateMs = HoldMs,
            RefuseWindowMs = 300,
            Log = log == null ? null : log.Enqueue,
        });
        p.Start();
        return p;
    }

    private static HostEndpoint At(FaultInjectingProxy p) => new("127.0.0.1", p.Port);

    // A terminal (per-transaction connections) whose hosts are the given ones.
    private static Terminal Via(SimulatorFixture sim, params HostEndpoint[] hosts) => sim.Terminal(TimeoutMs, null, TerminalId, hosts);

    // Points a terminal (e.g. one that signed on directly) at other hosts.
    private static void Redirect(Terminal t, params HostEndpoint[] hosts)
    {
        t.Settings = t.Settings.WithLink(new LinkSettings(hosts, 2000, TimeoutMs, t.Settings.Link.Frame));
    }

    private static void KeepConnection(Terminal t)
    {
        t.Settings = t.Settings.WithLink(t.Settings.Link.WithConnection(ConnectionMode.Kept, 0));
    }

    // A sale on a thread of its own: the terminal blocks, and the proxy and the simulator need the thread pool meanwhile
    // (a blocked pool thread on a small machine would make them late, and a 400 ms timeout would fire).
    private static Task<TxnOutcome> Sale(Terminal t, long amount) => Task.Factory.StartNew(() =>
    {
        using CardData card = SimulatorFixture.Card();
        return t.Sale(card, amount);
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static LedgerEntry Booked(SimulatorFixture sim, TxnOutcome o) => sim.Host.Ledger.Find(TerminalId, o.Batch, o.Stan);

    private static string Show(TxnOutcome o) => $"{o.Result} rc={o.ResponseCode} reversal={o.ReversalReason} rtt={o.RoundTripMs}";

    // The outcome of a sale whose answer never reached the terminal intact: nothing approved, a reversal due.
    private static void AssertNotAcceptedReversalDue(TxnOutcome o, string reversal = null)
    {
        Assert.IsFalse(o.IsApproved, Show(o));
        Assert.IsTrue(o.Result is TxnResult.NoResponse or TxnResult.LinkFailed or TxnResult.MacFailed, Show(o));
        if (reversal == null) Assert.IsNotNull(o.ReversalReason, Show(o));
        else Assert.AreEqual(reversal, o.ReversalReason, Show(o));
    }

    // Approved, and exactly as the host booked it.
    private static void AssertApprovedAsBooked(SimulatorFixture sim, TxnOutcome o)
    {
        Assert.AreEqual(TxnResult.Approved, o.Result, Show(o));
        LedgerEntry e = Booked(sim, o);
        Assert.IsNotNull(e, "approved but not in the ledger: STAN " + o.Stan);
        Assert.AreEqual(o.Rrn, e.Rrn);
        Assert.AreEqual(o.AmountMinor, e.AmountMinor);
        Assert.IsTrue(e.Approved);
    }

    private static async Task WaitListening(FaultInjectingProxy p)
    {
        Stopwatch w = Stopwatch.StartNew();
        while (!p.IsListening && w.ElapsedMilliseconds < 3000) await Task.Delay(10);
        Assert.IsTrue(p.IsListening, "the proxy did not listen again after its refusal window");
    }

    /// <summary>Counts frames the terminal received and did not take as the answer.</summary>
    private sealed class Unmatched : ILinkObserver
    {
        public int Count;
        public void OnConnect(int index, HostEndpoint host, LinkStatus status) { }
        public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength) { }
        public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
        {
            if (!matched) Interlocked.Increment(ref Count);
        }
        public void OnFormatError(IsoFormatException error, int frameLength) { }
    }

    // ---- connection faults ----

    [TestMethod]
    public async Task Refuse_BackupConfigured_FallsOverToTheBackup_ProxyListensAgainAfterTheWindow()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtConnection(1, FaultKind.Refuse));
        TxnOutcome o = await Sale(Via(sim, At(proxy), sim.Endpoint), 100);
        AssertApprovedAsBooked(sim, o);
        Assert.AreEqual(1, o.HostIndex);
        Assert.AreEqual(1, proxy.Stats.Faults(FaultKind.Refuse));
        Assert.AreEqual(0, proxy.Stats.Connections);
        await WaitListening(proxy);
        AssertApprovedAsBooked(sim, await Sale(Via(sim, At(proxy)), 101));
        Assert.AreEqual(1, proxy.Stats.Connections);
    }

    [TestMethod]
    public async Task Refuse_NoBackup_NotSent_NoReversal()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtConnection(1, FaultKind.Refuse));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        Assert.AreEqual(TxnResult.NotSent, o.Result, Show(o));
        Assert.IsNull(o.ReversalReason);
        Assert.AreEqual(0, sim.Host.Connections);
        Assert.AreEqual(0, sim.Host.Ledger.Entries.Count);
    }

    [TestMethod]
    public async Task CloseAtOnce_LinkFailed_ReversalDue_HostNeverSawIt()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtConnection(1, FaultKind.CloseAtOnce));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        Assert.AreEqual(TxnResult.LinkFailed, o.Result, Show(o));
        Assert.AreEqual("06", o.ReversalReason);
        Assert.AreEqual(0, sim.Host.Connections);
        Assert.AreEqual(0, proxy.Stats.Requests);
        AssertApprovedAsBooked(sim, await Sale(Via(sim, At(proxy)), 101));
    }

    // ---- request faults ----

    [TestMethod]
    public async Task DropRequest_NoResponse98_NothingBooked()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.DropRequest));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "98");
        Assert.AreEqual(TxnResult.NoResponse, o.Result);
        Assert.IsTrue(o.RoundTripMs >= TimeoutMs - 50, Show(o));
        Assert.IsNull(Booked(sim, o));
        Assert.AreEqual(0, proxy.Stats.RequestsForwarded);
    }

    [TestMethod]
    public async Task TruncateRequest_LinkFailed06_HostDropsThePieceAndBooksNothing()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.TruncateRequest));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "06");
        Assert.AreEqual(TxnResult.LinkFailed, o.Result);
        Assert.IsNull(Booked(sim, o));
        for (int i = 0; i < 100 && sim.Host.BadFrames == 0; i++) await Task.Delay(10);
        Assert.IsTrue(sim.Log.Any(l => l.Contains("closed inside a frame")), string.Join("\n", sim.Log));
        AssertApprovedAsBooked(sim, await Sale(Via(sim, At(proxy)), 101));
    }

    // ---- response faults ----

    [TestMethod]
    public async Task Reset_LinkFailed06_HostBookedIt_SoTheReversalIsOwed()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.Reset));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "06");
        Assert.AreEqual(TxnResult.LinkFailed, o.Result);
        Assert.IsTrue(o.RoundTripMs < TimeoutMs, "a reset is seen at once, not after the timeout: " + Show(o));
        Assert.IsTrue(Booked(sim, o).Approved);
    }

    [TestMethod]
    public async Task DropResponse_NoResponse98_HostBookedIt()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.DropResponse));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "98");
        Assert.AreEqual(TxnResult.NoResponse, o.Result);
        Assert.IsTrue(Booked(sim, o).Approved);
        Assert.AreEqual(1, proxy.Stats.RequestsForwarded);
        Assert.AreEqual(0, proxy.Stats.ResponsesDelivered);
    }

    [TestMethod]
    public async Task DelayResponse_PastTheTimeout_NoResponse98()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.DelayResponse));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "98");
        Assert.AreEqual(TxnResult.NoResponse, o.Result);
        Assert.IsTrue(o.RoundTripMs >= TimeoutMs - 50, Show(o));
        Assert.IsNotNull(Booked(sim, o));
        AssertApprovedAsBooked(sim, await Sale(Via(sim, At(proxy)), 101));
    }

    [TestMethod]
    public async Task LateReply_KeptConnection_NoResponse98_NeverTakenAsTheNextAnswer()
    {
        await using SimulatorFixture sim = new();
        ConcurrentQueue<string> log = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(2, FaultKind.LateReply), log);
        Terminal t = Via(sim, At(proxy));
        KeepConnection(t);
        AssertApprovedAsBooked(sim, await Sale(t, 100));
        TxnOutcome late = await Sale(t, 200);
        AssertNotAcceptedReversalDue(late, "98");
        Assert.AreEqual(TxnResult.NoResponse, late.Result);
        Assert.IsTrue(Booked(sim, late).Approved, "the host answered the late one");
        TxnOutcome next = await Sale(t, 300);
        AssertApprovedAsBooked(sim, next);
        Assert.AreNotEqual(Booked(sim, late).Rrn, next.Rrn);
        Assert.IsTrue(log.Any(l => l.Contains("late reply to req=2")), string.Join("\n", log));
    }

    [TestMethod]
    public async Task TruncateResponse_LinkFailed06_HostBookedIt()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.TruncateResponse));
        TxnOutcome o = await Sale(Via(sim, At(proxy)), 100);
        AssertNotAcceptedReversalDue(o, "06");
        Assert.AreEqual(TxnResult.LinkFailed, o.Result);
        Assert.IsTrue(Booked(sim, o).Approved);
    }

    [TestMethod]
    public async Task CorruptMessage_WithResponseMac_NeverAccepted_ReversalDue()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup"));
        const int Sales = 5;
        FaultPlan plan = new(11);
        // Sale i is request 2i - 1: from the second on, the reversal of the one before goes first (request 2i - 2).
        for (int i = 1; i <= Sales; i++) plan.AtRequest(2 * i - 1, FaultKind.CorruptMessage);
        await using FaultInjectingProxy proxy = Proxy(sim, plan);
        Terminal t = sim.SignedOnTerminal(TerminalId);
        Redirect(t, At(proxy));
        TxnOutcome[] done = new TxnOutcome[Sales];
        for (int i = 0; i < Sales; i++) done[i] = await Sale(t, 100 + i);
        foreach (TxnOutcome o in done)
        {
            AssertNotAcceptedReversalDue(o);
            Assert.IsNotNull(Booked(sim, o));
        }
        Assert.IsTrue(done.Any(o => o.Result == TxnResult.MacFailed && o.ReversalReason == "A0"), string.Join(", ", done.Select(Show)));
        Assert.AreEqual(Sales, proxy.Stats.Faults(FaultKind.CorruptMessage));
        AssertApprovedAsBooked(sim, await Sale(t, 200));
    }

    [TestMethod]
    public async Task CorruptLength_NotAccepted_ReversalDue_TerminalKeepsWorking()
    {
        await using SimulatorFixture sim = new();
        const int Sales = 4;
        FaultPlan plan = new(5);
        // Sale i is request 2i - 1: from the second on, the reversal of the one before goes first (request 2i - 2).
        for (int i = 1; i <= Sales; i++) plan.AtRequest(2 * i - 1, FaultKind.CorruptLength);
        await using FaultInjectingProxy proxy = Proxy(sim, plan);
        Terminal t = Via(sim, At(proxy));
        for (int i = 0; i < Sales; i++) AssertNotAcceptedReversalDue(await Sale(t, 100 + i));
        AssertApprovedAsBooked(sim, await Sale(t, 200));
    }

    [TestMethod]
    public async Task Garbage_TypedError_ReversalDue_TheNextSaleIsApproved()
    {
        await using SimulatorFixture sim = new();
        const int Sales = 3;
        FaultPlan plan = new(3);
        // Sale i is request 2i - 1: from the second on, the reversal of the one before goes first (request 2i - 2).
        for (int i = 1; i <= Sales; i++) plan.AtRequest(2 * i - 1, FaultKind.Garbage);
        await using FaultInjectingProxy proxy = Proxy(sim, plan);
        Terminal t = Via(sim, At(proxy));
        for (int i = 0; i < Sales; i++)
        {
            TxnOutcome o = await Sale(t, 100 + i);
            AssertNotAcceptedReversalDue(o);
            Assert.IsTrue(o.Result is TxnResult.NoResponse or TxnResult.LinkFailed, Show(o));
        }
        AssertApprovedAsBooked(sim, await Sale(t, 200));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task DuplicateResponse_FirstTaken_TheCopyNeverAnswersTheNextSale(bool keptConnection)
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(1, FaultKind.DuplicateResponse));
        Terminal t = Via(sim, At(proxy));
        if (keptConnection) KeepConnection(t);
        TxnOutcome first = await Sale(t, 100);
        TxnOutcome second = await Sale(t, 200);
        AssertApprovedAsBooked(sim, first);
        AssertApprovedAsBooked(sim, second);
        Assert.AreNotEqual(first.Rrn, second.Rrn);
        Assert.AreEqual(200L, Booked(sim, second).AmountMinor);
        // The proxy counts a delivery after its write completes, which may be just after the terminal has read it.
        for (int i = 0; i < 200 && proxy.Stats.ResponsesDelivered < 3; i++) await Task.Delay(10);
        Assert.AreEqual(3, proxy.Stats.ResponsesDelivered);
    }

    [TestMethod]
    public async Task StaleResponse_KeptConnection_CountedUnmatched_ThenTheRightAnswerTaken()
    {
        await using SimulatorFixture sim = new();
        Unmatched seen = new();
        sim.Observer = seen;
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan().AtRequest(2, FaultKind.StaleResponse));
        Terminal t = Via(sim, At(proxy));
        KeepConnection(t);
        TxnOutcome first = await Sale(t, 100);
        TxnOutcome second = await Sale(t, 200);
        AssertApprovedAsBooked(sim, first);
        AssertApprovedAsBooked(sim, second);
        Assert.AreNotEqual(first.Rrn, second.Rrn);
        Assert.AreEqual(1, seen.Count, "the stale copy of the first answer was read and not matched");
        Assert.AreEqual(1, proxy.Stats.Connections, "both sales went over the kept connection");
        Assert.AreEqual(FaultKind.StaleResponse, proxy.Events.Single().Kind);
    }

    // ---- determinism, reconciliation, plan ----

    // Eight sales through a proxy drawing every kind at a high rate; returns the fault log.
    private static async Task<string[]> RandomRun(long seed)
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, FaultPlan.Parse("all", 0.6, seed));
        Terminal t = Via(sim, At(proxy));
        for (int i = 0; i < 8; i++)
        {
            await WaitListening(proxy);
            await Sale(t, 100 + i);
        }
        return proxy.Events.Select(e => e.ToString()).ToArray();
    }

    [TestMethod]
    public async Task SameSeed_SameTraffic_SameFaults()
    {
        string[] a = await RandomRun(7);
        string[] b = await RandomRun(7);
        Assert.IsTrue(a.Length >= 3, string.Join("\n", a));
        CollectionAssert.AreEqual(a, b, "run 1:\n" + string.Join("\n", a) + "\nrun 2:\n" + string.Join("\n", b));
    }

    [TestMethod]
    public void Plan_DrawsDependOnlyOnSeedAndNumber_AtTheConfiguredRate()
    {
        FaultPlan a = FaultPlan.Parse("all", 0.1, 42);
        FaultPlan b = FaultPlan.Parse("all", 0.1, 42);
        FaultPlan c = FaultPlan.Parse("all", 0.1, 43);
        int faults = 0, differ = 0;
        const int N = 20000;
        for (int n = N; n >= 1; n--)   // any order: a draw is a function of (seed, scope, n)
        {
            FaultKind k = a.Decide(FaultScope.Response, n);
            Assert.AreEqual(k, b.Decide(FaultScope.Response, n));
            if (k != FaultKind.None) faults++;
            if (k != c.Decide(FaultScope.Response, n)) differ++;
        }
        Assert.IsTrue(faults > N * 0.09 && faults < N * 0.11, faults + " faults in " + N);
        Assert.IsTrue(differ > N * 0.1, "another seed, other faults: " + differ);
    }

    [TestMethod]
    public void Plan_Parse_KindsAndOwnProbabilities_BadInputRejected()
    {
        FaultPlan p = FaultPlan.Parse("drop-response, reset=0.02,refuse", 0.1, 1);
        Assert.AreEqual(0.1, p.Probability(FaultKind.DropResponse), 1e-12);
        Assert.AreEqual(0.02, p.Probability(FaultKind.Reset), 1e-12);
        Assert.AreEqual(0.1, p.Probability(FaultKind.Refuse), 1e-12);
        Assert.AreEqual(0.0, p.Probability(FaultKind.Garbage));
        FaultPlan all = FaultPlan.Parse("all", 0.3, 1);
        Assert.AreEqual(0.3, FaultKinds.All.Where(k => FaultKinds.ScopeOf(k) == FaultScope.Response).Sum(all.Probability), 1e-9);
        Assert.AreEqual(0.3, all.Probability(FaultKind.DropRequest) + all.Probability(FaultKind.TruncateRequest), 1e-9);
        Assert.ThrowsExactly<ArgumentException>(() => FaultPlan.Parse("nosuchfault", 0.1, 1));
        Assert.ThrowsExactly<ArgumentException>(() => FaultPlan.Parse("reset=0.9,dropresponse=0.9", 0.1, 1));
        Assert.ThrowsExactly<ArgumentException>(() => new FaultPlan().AtRequest(1, FaultKind.Refuse));
    }

    [TestMethod]
    public async Task Soak_LedgerAgreesWithTheTerminal_CleanExchangesApproved_NothingLost_LogHoldsNoCardData()
    {
        await using SimulatorFixture sim = new();
        ConcurrentQueue<string> log = new();
        await using FaultInjectingProxy proxy = Proxy(sim, FaultPlan.Parse("all", 0.35, 2024), log);
        Terminal t = Via(sim, At(proxy));
        int clean = 0;
        for (int i = 0; i < 14; i++)
        {
            await WaitListening(proxy);
            int before = proxy.Events.Count;
            TxnOutcome o = await Sale(t, 1000 + i);
            FaultEvent[] hit = proxy.Events.Skip(before).ToArray();
            LedgerEntry e = Booked(sim, o);
            string why = Show(o) + " faults: " + string.Join("; ", hit.Select(x => x.ToString()));
            if (hit.Length == 0)
            {
                clean++;
                AssertApprovedAsBooked(sim, o);
                continue;
            }
            // Whatever the fault: an approval is one the host booked, with the same RRN; a booked sale the terminal
            // did not see approved has a reversal due; a request the host never got whole is not booked.
            if (o.IsApproved) AssertApprovedAsBooked(sim, o);
            else if (e != null) Assert.IsNotNull(o.ReversalReason, why);
            // (Faults may also hit the reversal sent ahead of a sale: only a sale that was not approved had them all.)
            if (!o.IsApproved && hit.All(x => !x.HostGotRequest)) Assert.IsNull(e, why);
        }
        Assert.IsTrue(clean >= 3 && clean < 14, "clean exchanges: " + clean);
        for (int i = 0; i < 100 && sim.Host.Ledger.Entries.Count + sim.Host.Ledger.Reversals + sim.Host.Ledger.DuplicateReversals + sim.Host.Ledger.UnknownReversals < proxy.Stats.RequestsForwarded; i++) await Task.Delay(10);
        Ledger books = sim.Host.Ledger;
        Assert.AreEqual(proxy.Stats.RequestsForwarded, books.Entries.Count + books.Reversals + books.DuplicateReversals + books.UnknownReversals,
            "every request the host got whole is booked once (sales) or applied once (reversals): " + proxy.Stats);
        string all = string.Join("\n", log);
        Assert.IsFalse(all.Contains(Pan) || all.Contains("30121011234567890"), all);
    }

    // ---- the proxy's own robustness ----

    [TestMethod]
    public async Task HostileLengthOrUnreachableUpstream_OnlyThatConnectionEnds_ProxyKeepsServing()
    {
        await using SimulatorFixture sim = new();
        await using FaultInjectingProxy proxy = Proxy(sim, new FaultPlan());
        using (TcpClient c = new())
        {
            await c.ConnectAsync(IPAddress.Loopback, proxy.Port);
            NetworkStream s = c.GetStream();
            await s.WriteAsync(new byte[] { 0xFF, 0xFF, 1, 2, 3 });
            using CancellationTokenSource cts = new(3000);
            int n;
            try
            {
                n = await s.ReadAsync(new byte[16], cts.Token);
            }
            catch (System.IO.IOException)
            {
                n = 0;
            }
            Assert.AreEqual(0, n, "the proxy closes a connection announcing a frame over its maximum");
        }
        Assert.AreEqual(1, proxy.Stats.ProtocolErrors);
        Assert.AreEqual(0, sim.Host.Frames);
        AssertApprovedAsBooked(sim, await Sale(Via(sim, At(proxy)), 100));

        await using FaultInjectingProxy dead = Proxy(sim, new FaultPlan(), null, SimulatorFixture.ClosedPort());
        TxnOutcome o = await Sale(Via(sim, At(dead)), 101);
        Assert.AreEqual(TxnResult.LinkFailed, o.Result, Show(o));
        Assert.AreEqual(1, dead.Stats.UpstreamFailures);
    }

    [TestMethod]
    public async Task StartStop_ManyTimes_WithConnectionsOpen_DisposesPromptly()
    {
        await using SimulatorFixture sim = new();
        Stopwatch w = Stopwatch.StartNew();
        for (int i = 0; i < 30; i++)
        {
            FaultInjectingProxy p = Proxy(sim, new FaultPlan(i).AtRequest(1, FaultKind.DelayResponse));
            using TcpClient c = new();
            await c.ConnectAsync(IPAddress.Loopback, p.Port);
            await p.DisposeAsync();
            await p.DisposeAsync();
            Assert.IsFalse(p.IsListening);
        }
        Assert.IsTrue(w.ElapsedMilliseconds < 10000, "30 start/stop cycles took " + w.ElapsedMilliseconds + " ms");
    }
}
