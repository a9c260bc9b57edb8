using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>The terminal against the acquirer simulator over real TCP on loopback: approve, decline, no reply, delay, failover.</summary>
[TestClass]
public class LoopbackLinkTests
{
    [TestMethod]
    public async Task Sale_Approved_BookedInLedger()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.Terminal();
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = t.Sale(card, 12345);
        Assert.AreEqual(TxnResult.Approved, o.Result, o.Receipt);
        Assert.AreEqual("00", o.ResponseCode);
        Assert.AreEqual(12, o.Rrn.Length);
        Assert.AreEqual(6, o.AuthCode.Length);
        var booked = sim.Host.Ledger.Entries.Single();
        Assert.AreEqual(12345L, booked.AmountMinor);
        Assert.AreEqual(o.Stan, booked.Stan);
        Assert.AreEqual(o.Rrn, booked.Rrn);
        Assert.AreEqual("621226*********6782", booked.MaskedPan);
    }

    [TestMethod]
    public async Task Sale_AmountEndingIn51_Declined51()
    {
        await using SimulatorFixture sim = new();
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = sim.Terminal().Sale(card, 151);
        Assert.AreEqual(TxnResult.Declined, o.Result);
        Assert.AreEqual("51", o.ResponseCode);
        Assert.IsNull(o.AuthCode);
    }

    [TestMethod]
    public async Task Sale_NoReplyRule_TimesOutAfterResponseTimeout()
    {
        await using SimulatorFixture sim = new(null, null, "amount=4242:noreply");
        Stopwatch w = Stopwatch.StartNew();
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = sim.Terminal(responseTimeoutMs: 700).Sale(card, 4242);
        Assert.AreEqual(TxnResult.NoResponse, o.Result);
        Assert.IsTrue(w.ElapsedMilliseconds >= 650, "gave up after " + w.ElapsedMilliseconds + " ms");
        Assert.IsTrue(o.RoundTripMs >= 650);
    }

    [TestMethod]
    public async Task Sale_DelayedReply_WithinTimeoutApproved_BeyondTimeoutNoResponse()
    {
        await using SimulatorFixture sim = new(null, null, "amount=3000:delay=400");
        TxnOutcome inTime, late;
        using (CardData card = SimulatorFixture.Card()) inTime = sim.Terminal(responseTimeoutMs: 3000).Sale(card, 3000);
        using (CardData card = SimulatorFixture.Card()) late = sim.Terminal(responseTimeoutMs: 150).Sale(card, 3000);
        Assert.AreEqual(TxnResult.Approved, inTime.Result);
        Assert.IsTrue(inTime.RoundTripMs >= 350);
        Assert.AreEqual(TxnResult.NoResponse, late.Result);
    }

    [TestMethod]
    public async Task Sale_PrimaryRefused_BackupServes_AndIsReported()
    {
        await using SimulatorFixture sim = new();
        HostEndpoint dead = new("127.0.0.1", SimulatorFixture.ClosedPort());
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = sim.Terminal(3000, null, "88880001", dead, sim.Endpoint).Sale(card, 100);
        Assert.AreEqual(TxnResult.Approved, o.Result);
        Assert.AreEqual(1, o.HostIndex);
        Assert.AreEqual(sim.Endpoint.ToString(), o.Host);
        StringAssert.Contains(o.Receipt, "backup 1");
    }

    [TestMethod]
    public async Task Sale_AllHostsDown_NotSent()
    {
        await using SimulatorFixture sim = new();
        HostEndpoint a = new("127.0.0.1", SimulatorFixture.ClosedPort());
        HostEndpoint b = new("127.0.0.1", SimulatorFixture.ClosedPort());
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = sim.Terminal(3000, null, "88880001", a, b).Sale(card, 100);
        Assert.AreEqual(TxnResult.NotSent, o.Result);
        Assert.AreEqual(0, sim.Host.Frames);
    }

    [TestMethod]
    public async Task Sale_AsciiProfile_ApprovedEndToEnd()
    {
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii);
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card(";4761739001010010=30121010000000000?")) o = sim.Terminal(3000, AcquirerProfile.Iso87Ascii).Sale(card, 999);
        Assert.AreEqual(TxnResult.Approved, o.Result);
        Assert.AreEqual("476173******0010", sim.Host.Ledger.Entries.Single().MaskedPan);
    }

    [TestMethod]
    public async Task Sales_FromManyTerminalsAtOnce_AllAnswered()
    {
        await using SimulatorFixture sim = new();
        TxnOutcome[] done = SimulatorFixture.Concurrently(24, i =>
        {
            using CardData card = SimulatorFixture.Card();
            return sim.Terminal(terminalId: "8888" + i.ToString("D4")).Sale(card, 1000 + i);
        });
        Assert.AreEqual(24, done.Count(o => o.Result == TxnResult.Approved), string.Join(", ", done.Select(o => o.Result + "/" + o.Refusal + "/" + o.RoundTripMs)));
        Assert.AreEqual(24, sim.Host.Connections);
    }
}
