#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Txn
{
    /// <summary>
    /// The reversal state machine (冲正) and the batch journal over an in-memory host with books: journalled before
    /// the first byte, reasons 06/98, sent before the next transaction or at once, retries, 00/12/25 done, kept after
    /// the last failure, late answers, restarts, and a power cut at every byte of every journal write.
    /// </summary>
    [TestClass]
    public class ReversalJournalTests
    {
        private const string Track = ";6212260000123456782=30121011234567890?";

        private sealed class Bench
        {
            public ManualClock Clock = new ManualClock();
            public PowerCutStore Store = new PowerCutStore();
            public AcquirerProfile Profile = AcquirerProfile.Cup;
            public BookingHost Host;
            public int Retries = TerminalSettings.DefaultReversalRetries;
            public bool Immediately;
            public int Capacity = BatchJournal.DefaultCapacity;

            public Bench()
            {
                Host = new BookingHost(Profile, Clock);
            }

            public Bench(AcquirerProfile profile)
            {
                Profile = profile;
                Host = new BookingHost(Profile, Clock);
            }

            public Terminal Build()
            {
                HostEndpoint[] hosts = { new HostEndpoint("192.168.1.10", 5800) };
                LinkSettings link = new LinkSettings(hosts, 1000, 5000, Profile.DefaultFrame);
                TerminalSettings s = new TerminalSettings(Profile, "88880001", "898310048990001", "TEST SHOP", "156", link)
                    .WithSecurity(NoSecurity.For(Profile)).WithReversalRetries(Retries).WithReverseImmediately(Immediately)
                    .WithBatchCapacity(Capacity);
                return new Terminal(s, Host, Clock, Store, null);
            }

            public void Script(string actions)
            {
                string[] a = actions.Split(',');
                for (int i = 0; i < a.Length; i++) Host.Script.Add(a[i]);
            }
        }

        private static CardData Card()
        {
            byte[] t = Ascii.GetBytes(Track);
            CardData card;
            Assert.AreEqual((int)Track2Status.Ok, (int)Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            return card;
        }

        private static TxnOutcome Sale(Terminal t, long amount)
        {
            using (CardData card = Card()) return t.Sale(card, amount);
        }

        // ---- the reversal state machine ----

        [TestMethod]
        public void Sale_ReversalIsOnTheMediumBeforeTheFirstByteLeaves()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            ProbeHook hook = new ProbeHook(b);
            b.Host.OnRequest = hook.Look;
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            // what a terminal booting from the medium at the instant the request reached the host found
            Assert.IsNotNull(hook.Seen, "no reversal on the medium when the request went out");
            Assert.AreEqual("06", hook.Seen.Reason);
            Assert.AreEqual(o.Stan, hook.Seen.Stan);
            Assert.AreEqual(100L, hook.Seen.AmountMinor);
            Assert.IsNull(t.PendingReversal, "a valid answer clears it");
            Assert.IsNull(b.Build().PendingReversal);
            Assert.AreEqual(1, b.Build().Journal.Count);
        }

        private sealed class ProbeHook
        {
            private readonly Bench _bench;
            public PendingReversal Seen;

            public ProbeHook(Bench bench)
            {
                _bench = bench;
            }

            public void Look(IsoMessage request)
            {
                if (Seen == null) Seen = _bench.Build().PendingReversal;
            }
        }

        [TestMethod]
        public void NoResponse_Reason98_SentBeforeTheNextSale_WithTheOriginalsFields_ThenDone()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("silent");
            TxnOutcome first = Sale(t, 1500);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)first.Result);
            Assert.AreEqual("98", first.ReversalReason);
            Assert.AreEqual((int)ReversalStatus.Pending, (int)first.Reversal);
            Assert.IsTrue(first.Receipt.IndexOf("REVERSAL PENDING") >= 0);
            Assert.AreEqual("98", t.PendingReversal.Reason);

            TxnOutcome second = Sale(t, 200);
            Assert.AreEqual((int)TxnResult.Approved, (int)second.Result);
            Assert.AreEqual((int)ReversalStatus.Done, (int)second.PriorReversal);
            Assert.IsNull(t.PendingReversal);
            IsoMessage rev = (IsoMessage)b.Host.Requests[1];
            IsoMessage orig = (IsoMessage)b.Host.Requests[0];
            Assert.AreEqual(400, rev.Mti);
            Assert.AreEqual("98", rev.GetString(IsoField.ResponseCode));
            Assert.AreEqual(orig.GetString(IsoField.Stan), rev.GetString(IsoField.Stan));
            Assert.AreEqual(orig.GetString(IsoField.ProcessingCode), rev.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("000000001500", rev.GetString(IsoField.Amount));
            Assert.AreEqual(orig.GetString(IsoField.ConditionCode), rev.GetString(IsoField.ConditionCode));
            Assert.AreEqual(orig.GetString(IsoField.Reserved60), rev.GetString(IsoField.Reserved60));
            Assert.AreEqual(orig.GetString(IsoField.EntryMode), rev.GetString(IsoField.EntryMode));
            Assert.IsFalse(rev.Has(IsoField.Pan) || rev.Has(IsoField.Track2) || rev.Has(IsoField.Expiry));
            Assert.AreEqual(0, b.Host.Charged.Count - 1, "the timed-out sale is undone, the second one charged");
            Assert.AreEqual(1, b.Host.Reversed);
        }

        [TestMethod]
        public void LostConnection_Reason06_Pending()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("close");
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)TxnResult.LinkFailed, (int)o.Result);
            Assert.AreEqual("06", o.ReversalReason);
            Assert.AreEqual("06", t.PendingReversal.Reason);
        }

        [TestMethod]
        public void NotConnected_NothingLeft_NoReversal()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("refuse");
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)TxnResult.NotSent, (int)o.Result);
            Assert.IsNull(o.ReversalReason);
            Assert.IsNull(t.PendingReversal);
        }

        [TestMethod]
        [DataRow("00")]
        [DataRow("12")]
        [DataRow("25")]
        public void ReversalAnswer_00_12_25_MeanDone(string rc)
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("silent," + rc);
            Sale(t, 100);
            Assert.AreEqual((int)ReversalStatus.Done, (int)t.SendPendingReversal());
            Assert.IsNull(t.PendingReversal);
            Assert.AreEqual(1, b.Host.Count(400));
        }

        [TestMethod]
        public void ReversalRefused_RetriedUpToTheSetting_ThenKeptAndTold()
        {
            Bench b = new Bench();
            b.Retries = 2;
            Terminal t = b.Build();
            b.Script("silent,05,silent,close");
            Sale(t, 100);
            TxnOutcome next = Sale(t, 200);
            Assert.AreEqual(3, b.Host.Count(400), "1 + 2 retries");
            Assert.AreEqual((int)TxnResult.Refused, (int)next.Result);
            Assert.AreEqual((int)RefusalReason.ReversalPending, (int)next.Refusal);
            Assert.AreEqual((int)ReversalStatus.Failed, (int)next.PriorReversal);
            Assert.AreEqual("REVERSAL FAILED - CALL SUPPORT", Receipt.ReversalNotice(next));
            PendingReversal kept = t.PendingReversal;
            Assert.IsTrue(kept.Failed);
            Assert.AreEqual(3, kept.Attempts);
            Assert.AreEqual(1, b.Host.Count(200), "the second sale never went out");

            // kept across a restart, and delivered by the next round
            Terminal rebooted = b.Build();
            Assert.IsTrue(rebooted.PendingReversal.Failed);
            Assert.AreEqual(3, rebooted.PendingReversal.Attempts);
            TxnOutcome third = Sale(rebooted, 300);
            Assert.AreEqual((int)ReversalStatus.Done, (int)third.PriorReversal);
            Assert.AreEqual((int)TxnResult.Approved, (int)third.Result);
            Assert.IsNull(rebooted.PendingReversal);
        }

        [TestMethod]
        public void FailedReversal_DoesNotBlockABalanceInquiry()
        {
            Bench b = new Bench();
            b.Retries = 0;
            Terminal t = b.Build();
            b.Script("silent,silent,00");
            Sale(t, 100);
            TxnOutcome o;
            using (CardData card = Card()) o = t.Balance(card, null);
            Assert.AreEqual((int)ReversalStatus.Failed, (int)o.PriorReversal);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(12345L, o.BalanceMinor);
            Assert.IsNotNull(t.PendingReversal);
        }

        [TestMethod]
        public void ReverseImmediately_SentAfterTheFailure_InTheSameCall()
        {
            Bench b = new Bench();
            b.Immediately = true;
            Terminal t = b.Build();
            b.Script("silent,00");
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)o.Result);
            Assert.AreEqual((int)ReversalStatus.Done, (int)o.Reversal);
            Assert.IsTrue(o.Receipt.IndexOf("REVERSED") >= 0);
            Assert.IsNull(t.PendingReversal);
            Assert.AreEqual(0, b.Host.Charged.Count);
        }

        [TestMethod]
        public void LateResponse_RecordedUnmatched_DoesNotCancelTheReversal()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("late");
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)o.Result);
            // the 0210 arrives on the next connection, ahead of the 0410: it answers nothing in progress
            Assert.AreEqual((int)ReversalStatus.Done, (int)t.SendPendingReversal());
            Assert.AreEqual(1, t.UnmatchedResponses);
            Assert.AreEqual(0, b.Host.Charged.Count, "the late approval did not make the sale stand");
            Assert.AreEqual(0, t.Journal.Count);
        }

        [TestMethod]
        public void PendingReversal_SurvivesRestart()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("silent");
            TxnOutcome o = Sale(t, 4321);
            Terminal rebooted = b.Build();
            PendingReversal r = rebooted.PendingReversal;
            Assert.IsNotNull(r);
            Assert.AreEqual("98", r.Reason);
            Assert.AreEqual(o.Stan, r.Stan);
            Assert.AreEqual(4321L, r.AmountMinor);
            Assert.AreEqual("621226*********6782", r.MaskedPan);
            Assert.IsTrue(r.ToString().IndexOf("6212260000") < 0);
            Assert.AreEqual((int)ReversalStatus.Done, (int)rebooted.SendPendingReversal());
        }

        [TestMethod]
        public void Journal_HoldsNoCardData()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Script("silent");
            Sale(t, 100);
            Sale(t, 200);
            byte[] all = b.Store.Medium.AllBytes();
            string stored = Ascii.GetString(all, 0, all.Length);
            Assert.IsTrue(stored.IndexOf("6212260000") < 0);
            Assert.IsTrue(stored.IndexOf("30121011234567890") < 0);
        }

        [TestMethod]
        public void HeaderProcessingRequirement_Recorded_SignOnRequestActedOn()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            b.Host.ProcessingRequirement = 6;
            Sale(t, 100);
            Assert.AreEqual(6, t.LastHostRequest);
            Assert.IsFalse(t.SignOnDue);
            b.Host.ProcessingRequirement = 3;
            Sale(t, 100);
            Assert.IsTrue(t.SignOnDue);
            // no master key here: the sign-on the host asked for fails, so the next sale does not go out
            TxnOutcome o = Sale(t, 100);
            Assert.AreEqual((int)RefusalReason.SignOnFailed, (int)o.Refusal);
        }

        // ---- void, refund, balance ----

        [TestMethod]
        public void Void_CarriesTheSalesReferences_AndCancelsItOnce()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            TxnOutcome sale = Sale(t, 2500);
            TxnOutcome v;
            using (CardData card = Card()) v = t.Void(card, sale.Stan);
            Assert.AreEqual((int)TxnResult.Approved, (int)v.Result);
            IsoMessage rq = b.Host.Last;
            Assert.AreEqual(200, rq.Mti);
            Assert.AreEqual("200000", rq.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("00", rq.GetString(IsoField.ConditionCode));
            Assert.AreEqual("23", rq.GetString(IsoField.Reserved60).Substring(0, 2));
            Assert.AreEqual("000000002500", rq.GetString(IsoField.Amount));
            Assert.AreEqual(sale.Rrn, rq.GetString(IsoField.Rrn));
            Assert.AreEqual(sale.AuthCode, rq.GetString(IsoField.AuthCode));
            Assert.AreEqual(Ascii.Number(sale.Batch, 6) + Ascii.Number(sale.Stan, 6), rq.GetString(IsoField.Reserved61));
            Assert.AreEqual(2, t.Journal.Count);
            BatchTotals totals = t.Journal.Totals();
            Assert.AreEqual(1, totals.DebitCount);
            Assert.AreEqual(1, totals.CreditCount);
            Assert.AreEqual(0L, totals.NetMinor);
            using (CardData card = Card()) v = t.Void(card, sale.Stan);
            Assert.AreEqual((int)RefusalReason.AlreadyVoided, (int)v.Refusal);
            using (CardData card = Card()) v = t.Void(card, 999);
            Assert.AreEqual((int)RefusalReason.OriginalNotFound, (int)v.Refusal);
        }

        [TestMethod]
        public void Void_IsReversible()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            TxnOutcome sale = Sale(t, 2500);
            b.Script("silent");
            TxnOutcome v;
            using (CardData card = Card()) v = t.Void(card, sale.Stan);
            Assert.AreEqual("98", v.ReversalReason);
            Assert.AreEqual(v.Stan, t.PendingReversal.Stan);
            Assert.AreEqual("200000", t.PendingReversal.ProcessingCode);
            Assert.AreEqual(sale.Rrn, t.PendingReversal.Rrn);
        }

        [TestMethod]
        public void Refund_0220_NeverReversed_InTheBatchAsACredit()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            TxnOutcome sale = Sale(t, 5000);
            TxnOutcome r;
            using (CardData card = Card()) r = t.Refund(card, 1200, sale.Rrn, "1127");
            Assert.AreEqual((int)TxnResult.Approved, (int)r.Result);
            IsoMessage rq = b.Host.Last;
            Assert.AreEqual(220, rq.Mti);
            Assert.AreEqual("200000", rq.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("25", rq.GetString(IsoField.Reserved60).Substring(0, 2));
            Assert.AreEqual(sale.Rrn, rq.GetString(IsoField.Rrn));
            Assert.AreEqual(Ascii.Number(sale.Batch, 6) + Ascii.Number(sale.Stan, 6) + "1127", rq.GetString(IsoField.Reserved61));
            Assert.AreEqual(3800L, t.Journal.Totals().NetMinor);

            b.Script("silent");
            using (CardData card = Card()) r = t.Refund(card, 100, sale.Rrn, "1127");
            Assert.AreEqual((int)TxnResult.NoResponse, (int)r.Result);
            Assert.IsNull(r.ReversalReason);
            Assert.IsNull(t.PendingReversal);
            using (CardData card = Card()) r = t.Refund(card, 100, "short", "1127");
            Assert.AreEqual((int)RefusalReason.InvalidReference, (int)r.Refusal);
            using (CardData card = Card()) r = t.Refund(card, 100, sale.Rrn, "1341");
            Assert.AreEqual((int)RefusalReason.InvalidReference, (int)r.Refusal);
        }

        [TestMethod]
        public void Balance_NoAmount_BalanceFromF54_NotInTheBatch()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            TxnOutcome o;
            using (CardData card = Card()) o = t.Balance(card, null);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(12345L, o.BalanceMinor);
            Assert.IsTrue(o.Receipt.IndexOf("BALANCE") >= 0 && o.Receipt.IndexOf("CNY 123.45") >= 0);
            IsoMessage rq = b.Host.Last;
            Assert.AreEqual(200, rq.Mti);
            Assert.AreEqual("310000", rq.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("01", rq.GetString(IsoField.Reserved60).Substring(0, 2));
            Assert.IsFalse(rq.Has(IsoField.Amount));
            Assert.AreEqual(0, t.Journal.Count);
            Assert.IsNull(t.PendingReversal);
        }

        [TestMethod]
        public void Iso87Ascii_VoidRefundBalance_Identities()
        {
            Bench b = new Bench(AcquirerProfile.Iso87Ascii);
            Terminal t = b.Build();
            TxnOutcome sale = Sale(t, 700);
            using (CardData card = Card()) t.Void(card, sale.Stan);
            Assert.AreEqual(200, b.Host.Last.Mti);
            Assert.AreEqual("020000", b.Host.Last.GetString(IsoField.ProcessingCode));
            using (CardData card = Card()) t.Refund(card, 100, sale.Rrn, "0101");
            Assert.AreEqual(220, b.Host.Last.Mti);
            Assert.AreEqual("200000", b.Host.Last.GetString(IsoField.ProcessingCode));
            using (CardData card = Card()) t.Balance(card, null);
            Assert.AreEqual(100, b.Host.Last.Mti);
            Assert.AreEqual("310000", b.Host.Last.GetString(IsoField.ProcessingCode));
        }

        [TestMethod]
        public void Iso87Ascii_Reversal_CarriesF90()
        {
            Bench b = new Bench(AcquirerProfile.Iso87Ascii);
            Terminal t = b.Build();
            b.Script("silent");
            TxnOutcome o = Sale(t, 700);
            t.SendPendingReversal();
            IsoMessage rev = b.Host.Last;
            Assert.AreEqual(400, rev.Mti);
            string f90 = rev.GetString(IsoField.OriginalData);
            Assert.AreEqual(42, f90.Length);
            Assert.AreEqual("0200" + Ascii.Number(o.Stan, 6), f90.Substring(0, 10));
            Assert.AreEqual(((IsoMessage)b.Host.Requests[0]).GetString(IsoField.TransmissionDateTime), f90.Substring(10, 10));
        }

        // ---- batch journal and settlement ----

        [TestMethod]
        public void BatchFull_NewSalesRefusedSettleFirst_BalanceStillWorks()
        {
            Bench b = new Bench();
            b.Capacity = 2;
            Terminal t = b.Build();
            Sale(t, 100);
            Sale(t, 200);
            TxnOutcome o = Sale(t, 300);
            Assert.AreEqual((int)RefusalReason.BatchFull, (int)o.Refusal);
            Assert.AreEqual(2, b.Host.Count(200));
            using (CardData card = Card()) o = t.Balance(card, null);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual((int)SettlementResult.Settled, (int)t.Settle().Result);
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(t, 300).Result);
        }

        [TestMethod]
        public void Settle_Balanced_TotalsInF48_BatchEnd202_BatchAdvances_JournalCleared()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            int batch = t.Journal.Batch;
            TxnOutcome s1 = Sale(t, 1000);
            Sale(t, 2000);
            using (CardData card = Card()) t.Void(card, s1.Stan);
            SettlementOutcome o = t.Settle();
            Assert.AreEqual((int)SettlementResult.Settled, (int)o.Result);
            Assert.IsTrue(o.Balanced);
            Assert.AreEqual(batch, o.Batch);
            Assert.AreEqual(batch + 1, o.NextBatch);
            Assert.AreEqual(0, o.Uploaded, "agreed totals: only chip transactions go up");
            IsoMessage settle = null;
            for (int i = 0; i < b.Host.Requests.Count; i++)
            {
                if (((IsoMessage)b.Host.Requests[i]).Mti == 500) settle = (IsoMessage)b.Host.Requests[i];
            }
            Assert.AreEqual("000000003000002000000001000001" + "0" + "0000000000000000000000000000000", settle.GetString(IsoField.AdditionalData));
            Assert.AreEqual("00" + Ascii.Number(batch, 6) + "201", settle.GetString(IsoField.Reserved60));
            Assert.AreEqual("001", settle.GetString(IsoField.Reserved63));
            IsoMessage end = b.Host.Last;
            Assert.AreEqual(320, end.Mti);
            Assert.AreEqual("00" + Ascii.Number(batch, 6) + "202", end.GetString(IsoField.Reserved60));
            Assert.AreEqual("0000", end.GetString(IsoField.AdditionalData));
            Assert.AreEqual(0, t.Journal.Count);
            Assert.AreEqual(batch + 1, t.Journal.Batch);
            Assert.AreEqual(batch + 1, t.Counters.Batch);
            Assert.IsTrue(o.Report.IndexOf("TOTALS AGREE") >= 0);
            Assert.AreEqual(batch + 1, Sale(t, 100).Batch);
            Assert.AreEqual(batch + 1, b.Build().Journal.Batch);
        }

        [TestMethod]
        public void Settle_Unbalanced_UploadsTheWholeBatch_InGroupsOfEight_ThenBatchEnd207()
        {
            Bench b = new Bench();
            b.Host.Unbalanced = true;
            Terminal t = b.Build();
            for (int i = 0; i < 10; i++) Sale(t, 100 + i);
            SettlementOutcome o = t.Settle();
            Assert.AreEqual((int)SettlementResult.Settled, (int)o.Result);
            Assert.IsFalse(o.Balanced);
            Assert.AreEqual(10, o.Uploaded);
            Assert.AreEqual(3, b.Host.Count(320), "8 + 2 uploaded, then the batch end");
            IsoMessage first = null;
            for (int i = 0; i < b.Host.Requests.Count && first == null; i++)
            {
                if (((IsoMessage)b.Host.Requests[i]).Mti == 320) first = (IsoMessage)b.Host.Requests[i];
            }
            string f48 = first.GetString(IsoField.AdditionalData);
            Assert.AreEqual(2 + 8 * 40, f48.Length);
            Assert.AreEqual("08", f48.Substring(0, 2));
            Assert.AreEqual("00" + "000001" + "62122600000000067820" + "000000000100", f48.Substring(2, 40));
            Assert.AreEqual("201", first.GetString(IsoField.Reserved60).Substring(8, 3));
            Assert.AreEqual("207", b.Host.Last.GetString(IsoField.Reserved60).Substring(8, 3));
            Assert.AreEqual("0010", b.Host.Last.GetString(IsoField.AdditionalData));
            Assert.IsTrue(o.Report.IndexOf("TOTALS DIFFER") >= 0);
        }

        [TestMethod]
        public void Settle_HostDoesNotAnswer_BatchKept_SettleAgain()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            Sale(t, 1000);
            int batch = t.Journal.Batch;
            b.Script("silent");
            SettlementOutcome o = t.Settle();
            Assert.AreEqual((int)SettlementResult.NoResponse, (int)o.Result);
            Assert.AreEqual(1, t.Journal.Count);
            Assert.AreEqual(batch, t.Journal.Batch);
            Assert.AreEqual((int)SettlementResult.Settled, (int)t.Settle().Result);
            Assert.AreEqual(batch + 1, t.Journal.Batch);
        }

        [TestMethod]
        public void Settle_PendingReversalGoesFirst()
        {
            Bench b = new Bench();
            Terminal t = b.Build();
            Sale(t, 1000);
            b.Script("silent");
            Sale(t, 2000);
            SettlementOutcome o = t.Settle();
            Assert.AreEqual((int)ReversalStatus.Done, (int)o.PriorReversal);
            Assert.AreEqual((int)SettlementResult.Settled, (int)o.Result);
            Assert.AreEqual(1000L, o.Totals.DebitAmountMinor);
        }

        // ---- power cuts ----

        // After any cut: what the host charged is in the batch, or owed back by the pending reversal, never both and
        // never neither; once the reversal is delivered the books agree exactly.
        private static void AssertBooksAgreeAfterRestart(Bench b, string where)
        {
            b.Store.Restore();
            Terminal t = b.Build();
            Assert.IsFalse(t.Journal.Damaged, where);
            PendingReversal r = t.PendingReversal;
            for (int i = 0; i < b.Host.Charged.Count; i++)
            {
                int stan = (int)b.Host.Charged[i];
                bool inBatch = t.Journal.FindSale(stan) != null;
                bool owed = r != null && r.Stan == stan;
                Assert.IsTrue(inBatch != owed, where + ": charged trace " + stan.ToString() + " in batch " + inBatch.ToString() + ", reversal " + owed.ToString());
            }
            t.SendPendingReversal();
            Assert.IsNull(t.PendingReversal, where);
            Assert.AreEqual(b.Host.Charged.Count, t.Journal.Count, where);
            for (int i = 0; i < b.Host.Charged.Count; i++) Assert.IsNotNull(t.Journal.FindSale((int)b.Host.Charged[i]), where);
        }

        // A power-cut scenario: Setup runs uncut, Act runs with the cut armed, Check runs after the restart.
        private abstract class CutScenario
        {
            public abstract void Setup(Bench b, Terminal t);
            public abstract void Act(Bench b, Terminal t);
            public abstract void Check(Bench b, string where);
        }

        // Runs the scenario once to learn Act's writes, then once per byte of each of them with the power cut there.
        private static int AtEveryByte(CutScenario scenario)
        {
            Bench probe = new Bench();
            Terminal pt = probe.Build();
            scenario.Setup(probe, pt);
            int before = probe.Store.Lengths.Count;
            scenario.Act(probe, pt);
            int writes = probe.Store.Lengths.Count - before;
            Assert.IsTrue(writes >= 1, "no writes to cut");
            int points = 0;
            for (int w = 0; w < writes; w++)
            {
                int length = (int)probe.Store.Lengths[before + w];
                for (int cut = 0; cut < length; cut++)
                {
                    Bench b = new Bench();
                    Terminal t = b.Build();
                    scenario.Setup(b, t);
                    b.Store.CutAt(w, cut);
                    scenario.Act(b, t);
                    b.Store.Restore();
                    scenario.Check(b, "write " + w.ToString() + " byte " + cut.ToString());
                    points++;
                }
            }
            return points;
        }

        private sealed class SaleCut : CutScenario
        {
            private readonly string _answer;

            public SaleCut(string answer)
            {
                _answer = answer;
            }

            public override void Setup(Bench b, Terminal t)
            {
                Sale(t, 100);
                b.Host.Script.Add(_answer);
            }

            public override void Act(Bench b, Terminal t)
            {
                Sale(t, 200);
            }

            public override void Check(Bench b, string where)
            {
                AssertBooksAgreeAfterRestart(b, _answer + " " + where);
            }
        }

        private sealed class ReversalCut : CutScenario
        {
            public override void Setup(Bench b, Terminal t)
            {
                b.Host.Script.Add("silent");
                Sale(t, 100);
                b.Host.Script.Add("05");
                b.Host.Script.Add("00");
            }

            public override void Act(Bench b, Terminal t)
            {
                t.SendPendingReversal();
            }

            public override void Check(Bench b, string where)
            {
                AssertBooksAgreeAfterRestart(b, "reversal " + where);
            }
        }

        private sealed class SettlementCut : CutScenario
        {
            public int Batch;

            public override void Setup(Bench b, Terminal t)
            {
                Sale(t, 100);
                Sale(t, 200);
                Batch = t.Journal.Batch;
            }

            public override void Act(Bench b, Terminal t)
            {
                t.Settle();
            }

            public override void Check(Bench b, string where)
            {
                Terminal r = b.Build();
                bool open = r.Journal.Count == 2 && r.Journal.Batch == Batch && r.Counters.Batch == Batch;
                bool settled = r.Journal.Count == 0 && r.Journal.Batch == Batch + 1 && r.Counters.Batch == Batch + 1;
                Assert.IsTrue(open || settled, "settlement " + where + ": count " + r.Journal.Count.ToString() + " batch "
                    + r.Journal.Batch.ToString() + " counter " + r.Counters.Batch.ToString());
                if (open) Assert.AreEqual((int)SettlementResult.Settled, (int)r.Settle().Result, where);
                Assert.AreEqual(Batch + 1, r.Journal.Batch, where);
                Assert.AreEqual(0, r.Journal.Count, where);
            }
        }

        [TestMethod]
        [DataRow("00")]
        [DataRow("silent")]
        [DataRow("05")]
        public void PowerCut_AtEveryByteOfEverySaleWrite_BooksAgree(string answer)
        {
            Assert.IsTrue(AtEveryByte(new SaleCut(answer)) > 100);
        }

        [TestMethod]
        public void PowerCut_AtEveryByteOfTheReversalRound_BooksAgree()
        {
            Assert.IsTrue(AtEveryByte(new ReversalCut()) > 50);
        }

        [TestMethod]
        public void PowerCut_AtEveryByteOfSettlement_BatchEitherStillToSettleOrSettledAndAdvanced()
        {
            Assert.IsTrue(AtEveryByte(new SettlementCut()) > 100);
        }
    }
}
