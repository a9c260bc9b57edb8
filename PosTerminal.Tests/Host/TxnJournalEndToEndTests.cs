using System;
using System.Linq;
using System.Threading.Tasks;
using AcquirerSimulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Cards;
using PosTerminal.Iso8583;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// Reversal, void, refund, balance inquiry, settlement and the header's processing requirement, terminal against the
/// simulator over loopback: what the terminal journals and what the host's ledger books must agree.
/// </summary>
[TestClass]
public class TxnJournalEndToEndTests
{
    private static TxnOutcome Sale(Terminal t, long amount)
    {
        using CardData card = SimulatorFixture.Card();
        return t.Sale(card, amount);
    }

    private static LedgerEntry Booked(SimulatorFixture sim, TxnOutcome o) => sim.Host.Ledger.Find("88880001", o.Batch, o.Stan);

    [TestMethod]
    public async Task Void_CancelsTheSaleInTheLedger_Once()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome sale = Sale(t, 2500);
        TxnOutcome v;
        using (CardData card = SimulatorFixture.Card()) v = t.Void(card, sale.Stan);
        Assert.AreEqual(TxnResult.Approved, v.Result, string.Join("\n", sim.Log.TakeLast(3)));
        Assert.IsTrue(Booked(sim, sale).Voided);
        LedgerEntry voidEntry = Booked(sim, v);
        Assert.AreEqual(LedgerKind.Void, voidEntry.Kind);
        Assert.AreSame(Booked(sim, sale), voidEntry.Original);
        Assert.AreEqual((2, 0L), sim.Host.Ledger.ApprovedTotals(), "sale and void count, and cancel out");
        using (CardData card = SimulatorFixture.Card()) v = t.Void(card, sale.Stan);
        Assert.AreEqual(RefusalReason.AlreadyVoided, v.Refusal);
    }

    [TestMethod]
    public async Task Refund_CreditsTheSale_UpToItsAmount()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome sale = Sale(t, 5000);
        TxnOutcome r;
        using (CardData card = SimulatorFixture.Card()) r = t.Refund(card, 3000, sale.Rrn, DateTime.Now.ToString("MMdd"));
        Assert.AreEqual(TxnResult.Approved, r.Result, string.Join("\n", sim.Log.TakeLast(3)));
        Assert.AreEqual(3000L, Booked(sim, sale).RefundedMinor);
        Assert.AreEqual(LedgerKind.Refund, Booked(sim, r).Kind);
        using (CardData card = SimulatorFixture.Card()) r = t.Refund(card, 2500, sale.Rrn, DateTime.Now.ToString("MMdd"));
        Assert.AreEqual(TxnResult.Declined, r.Result);
        Assert.AreEqual("13", r.ResponseCode, "more than what is left of the sale");
        using (CardData card = SimulatorFixture.Card()) r = t.Refund(card, 100, "000000999999", "0101");
        Assert.AreEqual("25", r.ResponseCode, "no such sale");
        Assert.AreEqual(2000L, sim.Host.Ledger.ApprovedTotals().Total);
    }

    [TestMethod]
    public async Task Balance_ReturnsF54_BooksNothing()
    {
        await using SimulatorFixture sim = new();
        sim.Options.Balances["6212260000123456782"] = 8_765_432;
        Terminal t = sim.SignedOnTerminal();
        TxnOutcome o;
        using (CardData card = SimulatorFixture.Card()) o = t.Balance(card, null);
        Assert.AreEqual(TxnResult.Approved, o.Result, string.Join("\n", sim.Log.TakeLast(3)));
        Assert.AreEqual(8_765_432L, o.BalanceMinor);
        Assert.AreEqual(0, sim.Host.Ledger.Entries.Count);
        Assert.IsFalse(sim.Log.Any(l => l.Contains("6212260000123456782")));
    }

    [TestMethod]
    public async Task Timeout_HostBookedIt_TheReversalUndoesItOnce()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.Terminal(responseTimeoutMs: 1500);
        t.SignOn();
        TxnOutcome late = Sale(t, 88888);   // the simulator answers after 3 s
        Assert.AreEqual(TxnResult.NoResponse, late.Result);
        Assert.AreEqual("98", late.ReversalReason);
        LedgerEntry booked = null;
        for (int i = 0; i < 100 && (booked = Booked(sim, late)) == null; i++) await Task.Delay(20);
        Assert.IsNotNull(booked);
        Assert.IsFalse(booked.Reversed);
        TxnOutcome next = Sale(t, 100);
        Assert.AreEqual(ReversalStatus.Done, next.PriorReversal);
        Assert.AreEqual(TxnResult.Approved, next.Result);
        Assert.IsTrue(booked.Reversed);
        Assert.AreEqual(1, sim.Host.Ledger.Reversals);
        Assert.AreEqual((1, 100L), sim.Host.Ledger.ApprovedTotals());
        Assert.IsTrue(sim.Log.Any(l => l.Contains("0400 REVERSAL") && l.Contains("reason=98") && l.Contains("-> 00 (reversed)")));
    }

    [TestMethod]
    public async Task NoReply_HostNeverBookedIt_Reversal25_Done()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.Terminal(responseTimeoutMs: 1000);
        t.SignOn();
        TxnOutcome lost = Sale(t, 99999);
        Assert.AreEqual("98", lost.ReversalReason);
        Assert.AreEqual(ReversalStatus.Done, t.SendPendingReversal());
        Assert.AreEqual(1, sim.Host.Ledger.UnknownReversals);
        Assert.IsTrue(sim.Log.Any(l => l.Contains("0400 REVERSAL") && l.Contains("-> 25")));
    }

    [TestMethod]
    public async Task ResponseMacWrong_A0_ReversalReachesTheLedger()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup"));
        Terminal t = sim.SignedOnTerminal();
        sim.Options.WrongResponseMac = true;
        TxnOutcome o = Sale(t, 700);
        sim.Options.WrongResponseMac = false;
        Assert.AreEqual(TxnResult.MacFailed, o.Result);
        Assert.AreEqual("A0", t.PendingReversal.Reason);
        Assert.IsFalse(Booked(sim, o).Reversed);
        TxnOutcome next = Sale(t, 800);
        Assert.AreEqual(ReversalStatus.Done, next.PriorReversal);
        Assert.IsTrue(Booked(sim, o).Reversed);
        Assert.AreEqual(TxnResult.Approved, next.Result);
        Assert.IsTrue(sim.Log.Any(l => l.Contains("0400 REVERSAL") && l.Contains("reason=A0") && l.Contains("-> 00 (reversed)")), string.Join("\n", sim.Log));
    }

    [TestMethod]
    public void Simulator_DuplicateReversal_Answered00_ReversedOnce_UnknownOriginal25_AndALateOriginalIsNotCharged()
    {
        SimulatorOptions options = new() { Security = SecuritySettings.UnsafeWithoutMac(KeyScheme.MasterSession) };
        Ledger ledger = new();
        RequestHandler handler = new(options, ledger);
        MessageSpec spec = AcquirerProfile.Cup.Spec;

        string Send(int mti, string pc, int stan, long amount)
        {
            IsoMessage rq = new(spec) { Mti = mti };
            rq.Set(IsoField.Pan, "6212260000123456782");
            rq.Set(IsoField.ProcessingCode, pc);
            rq.SetNumber(IsoField.Amount, amount);
            rq.SetNumber(IsoField.Stan, stan);
            rq.Set(IsoField.EntryMode, "022");
            rq.Set(IsoField.ConditionCode, "00");
            rq.Set(IsoField.TerminalId, "77770001");
            rq.Set(IsoField.MerchantId, "898310048990001");
            rq.Set(IsoField.Currency, "156");
            rq.Set(IsoField.Reserved60, "22000001000");
            if (mti == 400) rq.Set(IsoField.ResponseCode, "98");
            byte[] frame = new byte[1024];
            int n = IsoCodec.Pack(rq, frame, 0);
            IsoMessage rs = new(spec);
            handler.Handle("test", rq, frame, 0, n, rs);
            return rs.GetString(IsoField.ResponseCode);
        }

        Assert.AreEqual("00", Send(200, "000000", 5, 1000));
        Assert.AreEqual("00", Send(400, "000000", 5, 1000));
        Assert.AreEqual("00", Send(400, "000000", 5, 1000), "a duplicate is answered 00");
        Assert.AreEqual(1, ledger.Reversals, "and reverses nothing twice");
        Assert.AreEqual(1, ledger.DuplicateReversals);
        Assert.IsTrue(ledger.Find("77770001", 1, 5).Reversed);

        Assert.AreEqual("25", Send(400, "000000", 6, 2000), "a reversal of an unknown original: 25 (unable to locate record)");
        Assert.AreEqual("00", Send(200, "000000", 6, 2000));   // the original arrives after all
        Assert.IsTrue(ledger.Find("77770001", 1, 6).Reversed, "booked reversed: it never charges");
        Assert.AreEqual((0, 0L), ledger.ApprovedTotals());
    }

    [TestMethod]
    public async Task Settle_Balanced_ReportWithFees_BatchAdvances()
    {
        await using SimulatorFixture sim = new();
        sim.Options.Fees.Set("4899", CardType.Debit, 0.40m);
        Terminal t = sim.SignedOnTerminal();
        int batch = t.Journal.Batch;
        TxnOutcome s1 = Sale(t, 10000);
        TxnOutcome s2 = Sale(t, 20000);
        using (CardData card = SimulatorFixture.Card()) Assert.AreEqual(TxnResult.Approved, t.Void(card, s1.Stan).Result);
        using (CardData card = SimulatorFixture.Card()) Assert.AreEqual(TxnResult.Approved, t.Refund(card, 5000, s2.Rrn, DateTime.Now.ToString("MMdd")).Result);
        SettlementOutcome o = t.Settle();
        Assert.AreEqual(SettlementResult.Settled, o.Result, string.Join("\n", sim.Log.TakeLast(5)));
        Assert.IsTrue(o.Balanced);
        Assert.AreEqual(batch + 1, o.NextBatch);
        Assert.AreEqual(batch + 1, t.Counters.Batch);
        Assert.AreEqual(0, t.Journal.Count);
        SettlementReport r = sim.Host.Ledger.Settlements.Single();
        Assert.IsTrue(r.Balanced);
        Assert.AreEqual(0, r.Differences.Count);
        Assert.AreEqual(new BatchFigures(2, 30000, 2, 15000), r.HostFigures);
        // MCC 4899 from the merchant id 898 3100 4899 0001; debit 0.40 %: +40 +80 -40 -20
        Assert.AreEqual(60L, r.TotalFeesMinor);
        Assert.AreEqual(15000L - 60L, r.NetToMerchantMinor);
        Assert.IsTrue(sim.Log.Any(l => l.Contains("REPORT") && l.Contains("to merchant 14940")), string.Join("\n", sim.Log));
        Assert.AreEqual(batch + 1, Sale(t, 100).Batch);
    }

    [TestMethod]
    public async Task Settle_Unbalanced_FullUpload_DifferenceReported()
    {
        await using SimulatorFixture sim = new();
        Terminal t = sim.SignedOnTerminal();
        int batch = t.Journal.Batch;
        Sale(t, 1000);
        Sale(t, 2000);
        // the host holds a sale the terminal does not know (as after a lost journal)
        sim.Host.Ledger.Book(new LedgerEntry("88880001", "898310048990001", 999, batch, "621226*********6782", 700, "00", "000000000999", "123456", DateTime.Now));
        SettlementOutcome o = t.Settle();
        Assert.AreEqual(SettlementResult.Settled, o.Result, string.Join("\n", sim.Log.TakeLast(5)));
        Assert.IsFalse(o.Balanced);
        Assert.AreEqual(2, o.Uploaded);
        Assert.AreEqual(3, o.HostTotals.DebitCount);
        SettlementReport r = sim.Host.Ledger.Settlements.Single();
        Assert.IsFalse(r.Balanced);
        Assert.AreEqual(2, r.Uploaded.Count);
        Assert.IsTrue(r.Differences.Any(d => d.Contains("trace 000999") && d.Contains("not uploaded by the terminal")), string.Join("\n", r.Differences));
        Assert.IsTrue(sim.Log.Any(l => l.Contains("SETTLE") && l.Contains("-> 95")));
        Assert.AreEqual(batch + 1, t.Journal.Batch);
    }

    [TestMethod]
    public async Task HeaderAsksForSignOn_TheNextSaleSignsOnFirst()
    {
        await using SimulatorFixture sim = new(null, SecuritySettings.Named("cup"));
        Terminal t = sim.SignedOnTerminal();
        sim.Options.ProcessingRequirement = 3;
        TxnOutcome first = Sale(t, 100);
        sim.Options.ProcessingRequirement = 0;
        Assert.AreEqual(TxnResult.Approved, first.Result);
        Assert.IsTrue(t.SignOnDue);
        Assert.AreEqual(3, t.LastHostRequest);
        TxnOutcome second = Sale(t, 200);
        Assert.IsTrue(second.SignedOnAgain);
        Assert.AreEqual(TxnResult.Approved, second.Result);
        Assert.IsFalse(t.SignOnDue);
        Assert.AreEqual(2, sim.Log.Count(l => l.Contains("SIGN-ON") && l.Contains("-> 00")));
    }

    [TestMethod]
    [DataRow("dukpt-tdes")]
    [DataRow("dukpt-aes")]
    public async Task Iso87AsciiDukpt_EveryMessageMacedWithItsOwnKsn_ReversalVoidRefundBalanceSettle(string security)
    {
        const string Visa = ";4761739001010010=30121010000000000?";
        await using SimulatorFixture sim = new(AcquirerProfile.Iso87Ascii, SecuritySettings.Named(security));
        Terminal t = sim.Terminal(responseTimeoutMs: 1500);
        TxnOutcome lost = Sale(t, 99999, Visa);
        Assert.AreEqual("98", lost.ReversalReason);
        TxnOutcome sale = Sale(t, 4000, Visa);
        Assert.AreEqual(ReversalStatus.Done, sale.PriorReversal, string.Join("\n", sim.Log.TakeLast(4)));
        Assert.AreEqual(TxnResult.Approved, sale.Result, sale.Result + " " + sale.Refusal + " " + sale.ResponseCode + " " + string.Join("\n", sim.Log.TakeLast(4)));
        TxnOutcome sale2 = Sale(t, 6000, Visa);
        using (CardData card = SimulatorFixture.Card(Visa)) Assert.AreEqual(TxnResult.Approved, t.Void(card, sale.Stan).Result, string.Join("\n", sim.Log.TakeLast(2)));
        using (CardData card = SimulatorFixture.Card(Visa)) Assert.AreEqual(TxnResult.Approved, t.Refund(card, 1000, sale2.Rrn, DateTime.Now.ToString("MMdd")).Result);
        using (CardData card = SimulatorFixture.Card(Visa)) Assert.AreEqual(TxnResult.Approved, t.Balance(card, null).Result);
        SettlementOutcome o = t.Settle();
        Assert.AreEqual(SettlementResult.Settled, o.Result, string.Join("\n", sim.Log.TakeLast(4)));
        Assert.IsTrue(o.Balanced, string.Join("\n", sim.Log.TakeLast(4)));
        Assert.AreEqual(new BatchFigures(2, 10000, 2, 5000), sim.Host.Ledger.Settlements.Single().HostFigures);
        Assert.IsFalse(sim.Log.Any(l => l.Contains("replayed") || l.Contains("-> A0")), string.Join("\n", sim.Log));
    }

    private static TxnOutcome Sale(Terminal t, long amount, string track)
    {
        using CardData card = SimulatorFixture.Card(track);
        return t.Sale(card, amount);
    }

    [TestMethod]
    public void FeeTable_ParsesOptions_RejectsBadOnes()
    {
        FeeTable f = FeeTable.Defaults();
        f.Parse("5411:credit=0.55");
        f.Parse("*:qr=0.3");
        Assert.AreEqual(0.55m, f.RateOf("5411", CardType.Credit));
        Assert.AreEqual(0.60m, f.RateOf("5812", CardType.Credit));
        Assert.AreEqual(0.3m, f.RateOf("5411", CardType.Qr));
        Assert.AreEqual(55L, f.FeeOf("5411", CardType.Credit, 10000));
        Assert.AreEqual(1L, f.FeeOf("5411", CardType.Debit, 100), "0.5 rounds away from zero");
        Assert.AreEqual("4899", FeeTable.MccOf("898310048990001"));
        Assert.ThrowsExactly<ArgumentException>(() => f.Parse("54:credit=1"));
        Assert.ThrowsExactly<ArgumentException>(() => f.Parse("5411:gold=1"));
        Assert.ThrowsExactly<ArgumentException>(() => f.Parse("5411:debit=101"));
        Assert.ThrowsExactly<ArgumentException>(() => f.Parse("5411debit"));
    }
}
