#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// The console's view of the reversal journal and the batch: show status (pending and failed reversal, batch totals
    /// and capacity), settle and reversal send, on the whole terminal of <see cref="TechnicianRig"/>.
    /// </summary>
    [TestClass]
    public class BatchCommandTests
    {
        private const string Host = "192.168.1.10";
        private const int Port = 5800;

        // Configured, technician logged in, no MAC (the fake host sends none), batch capacity `capacity`.
        private static TechnicianRig Rig(int capacity)
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            Terminal t = rig.Boot.Terminal;
            t.Settings = t.Settings.WithSecurity(NoSecurity.For(AcquirerProfile.Cup)).WithBatchCapacity(capacity);
            return rig;
        }

        private static TxnOutcome Sale(TechnicianRig rig, long amount)
        {
            using (CardData card = TechnicianRig.Card()) return rig.Boot.Terminal.Sale(card, amount);
        }

        // A sale the host never answers: its reversal (98) stays pending; every later connect is refused.
        private static void SaleWithoutAnswer(TechnicianRig rig)
        {
            rig.Connector.Accept(Host, Port, new ScriptedLink(rig.Clock));
            rig.Connector.Fail(Host, Port, LinkStatus.Refused);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)Sale(rig, 4200).Result);
        }

        [TestMethod]
        public void ShowStatus_PendingReversal_MaskedWithReasonAndAttempts()
        {
            TechnicianRig rig = Rig(300);
            SaleWithoutAnswer(rig);
            string o = rig.Type("show status");
            Assert.IsTrue(o.IndexOf("pending reversal: SALE, card 621226*********6782, amount 4200 (minor units), stan 000001, reason 98 (no response), attempts 0 - goes before the next transaction") >= 0, o);
            Assert.IsTrue(o.IndexOf("6212260000123456782") < 0, o);
        }

        [TestMethod]
        public void ReversalSend_EveryAttemptFails_KeptAndStatusSaysFailed()
        {
            TechnicianRig rig = Rig(300);
            SaleWithoutAnswer(rig);
            string sent = rig.Type("reversal send");
            Assert.IsTrue(sent.IndexOf("sending the reversal of stan 000001") >= 0, sent);
            Assert.IsTrue(sent.IndexOf("error: reversal failed - kept") >= 0, sent);
            Assert.IsNotNull(rig.Boot.Terminal.PendingReversal);
            Assert.IsTrue(rig.Boot.Terminal.PendingReversal.Failed);
            int attempts = rig.Boot.Terminal.PendingReversal.Attempts;
            Assert.AreEqual(1 + TerminalSettings.DefaultReversalRetries, attempts);
            string o = rig.Type("show status");
            Assert.IsTrue(o.IndexOf("pending reversal: SALE, card 621226*********6782, amount 4200 (minor units), stan 000001, reason 98 (no response), attempts "
                + attempts.ToString() + " - reversal failed - kept") >= 0, o);
            Assert.IsTrue(o.IndexOf("6212260000123456782") < 0, o);
        }

        [TestMethod]
        public void ReversalSend_HostAnswers_Reversed_ThenNone()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.Boot.Terminal.Settings = rig.Boot.Terminal.Settings.WithSecurity(NoSecurity.For(AcquirerProfile.Cup));
            rig.Connector.Accept(Host, Port, new ScriptedLink(rig.Clock));
            FakeHost host = rig.NewHost();
            rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", host));
            Assert.AreEqual((int)TxnResult.NoResponse, (int)Sale(rig, 4200).Result);
            string sent = rig.Type("reversal send");
            Assert.IsTrue(sent.IndexOf("reversed (the host answered the 0400)") >= 0, sent);
            Assert.AreEqual(400, host.LastRequest.Mti);
            Assert.IsNull(rig.Boot.Terminal.PendingReversal);
            Assert.IsTrue(rig.Type("show status").IndexOf("pending reversal: none") >= 0);
            Assert.IsTrue(rig.Type("reversal send").IndexOf("no reversal pending") >= 0);
        }

        [TestMethod]
        public void ShowStatus_BatchTotalsAndCapacity_FullSaysSettleFirst()
        {
            TechnicianRig rig = Rig(2);
            Assert.IsTrue(rig.Type("show status").IndexOf("batch: 000001, 0 debit(s) 0, 0 credit(s) 0 (minor units), 0 of 2 used\r\n") >= 0);
            rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", rig.NewHost()));
            rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", rig.NewHost()));
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(rig, 1000).Result);
            string o = rig.Type("show status");
            Assert.IsTrue(o.IndexOf("batch: 000001, 1 debit(s) 1000, 0 credit(s) 0 (minor units), 1 of 2 used\r\n") >= 0, o);
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(rig, 250).Result);
            o = rig.Type("show status");
            Assert.IsTrue(o.IndexOf("batch: 000001, 2 debit(s) 1250, 0 credit(s) 0 (minor units), 2 of 2 used - full: settle first") >= 0, o);
            TxnOutcome refused = Sale(rig, 100);
            Assert.AreEqual((int)RefusalReason.BatchFull, (int)refused.Refusal);
            Assert.IsTrue(rig.Type("show status").IndexOf("refused: batch full: settle first") >= 0);
        }

        [TestMethod]
        public void Settle_Balanced_PrintsTotalsAndNewBatch_BatchEmptied()
        {
            TechnicianRig rig = Rig(300);
            FakeHost host = rig.NewHost();
            for (int i = 0; i < 4; i++) rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", host));
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(rig, 1000).Result);
            string o = rig.Type("settle");
            Assert.IsTrue(o.IndexOf("settling batch 000001") >= 0, o);
            Assert.IsTrue(o.IndexOf("totals: 1 debit(s) 1000, 0 credit(s) 0 (minor units)") >= 0, o);
            Assert.IsTrue(o.IndexOf("settled batch 000001: balanced") >= 0, o);
            Assert.IsTrue(o.IndexOf("uploaded 0 transaction(s); new batch 000002") >= 0, o);
            Assert.AreEqual(2, rig.Boot.Terminal.Counters.Batch);
            Assert.IsTrue(rig.Type("show status").IndexOf("batch: 000002, 0 debit(s) 0, 0 credit(s) 0 (minor units), 0 of 300 used") >= 0);
        }

        [TestMethod]
        public void SetBatch_WithTransactionsInTheBatch_RefusedSettleFirst()
        {
            TechnicianRig rig = Rig(300);
            rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", rig.NewHost()));
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(rig, 1000).Result);
            string before = rig.Snapshot();
            string o = rig.Type("set batch 42");
            Assert.IsTrue(o.IndexOf("error: the open batch 000001 has 1 transaction(s): settle first") >= 0, o);
            Assert.AreEqual(before, rig.Snapshot());
            Assert.IsTrue(rig.Type("set stan 500").IndexOf("next stan 000500") >= 0);     // the trace number is free to set
        }

        [TestMethod]
        public void Settle_HostUnreachable_ErrorAndBatchStaysOpen()
        {
            TechnicianRig rig = Rig(300);
            rig.Connector.Accept(Host, Port, rig.AnsweringLink("00", rig.NewHost()));
            rig.Connector.Fail(Host, Port, LinkStatus.Refused);
            Assert.AreEqual((int)TxnResult.Approved, (int)Sale(rig, 1000).Result);
            string o = rig.Type("settle");
            Assert.IsTrue(o.IndexOf("error: settlement failed: no host could be reached; batch 000001 stays open") >= 0, o);
            Assert.AreEqual(1, rig.Boot.Terminal.Journal.Count);
            Assert.AreEqual(1, rig.Boot.Terminal.Counters.Batch);
        }

        [TestMethod]
        public void Settle_WaitsForTheSaleInProgress_ThenSettlesIt()
        {
            TechnicianRig rig = Rig(300);
            FakeHost host = rig.NewHost();
            HeldSale sale = rig.StartHeldSale(rig.AnsweringLink("00", host), rig.AnsweringLink("00", host), rig.AnsweringLink("00", host));
            string[] output = new string[1];
            System.Threading.Thread console = rig.TypeOnThread(output, "settle");
            System.Threading.Thread.Sleep(300);                                // the console thread is now waiting on the terminal
            Assert.AreEqual(1, rig.Connector.Attempts.Count);                  // the settlement has not connected
            sale.Release.Set();
            Assert.IsTrue(sale.Thread.Join(5000));
            Assert.IsTrue(console.Join(5000));
            Assert.AreEqual(1, sale.AttemptsAtRelease);                        // nothing interleaved with the sale
            Assert.AreEqual((int)TxnResult.Approved, (int)sale.Outcome.Result);
            Assert.IsTrue(output[0].IndexOf("totals: 1 debit(s) 100, 0 credit(s) 0 (minor units)") >= 0, output[0]);   // the held sale is in it
            Assert.IsTrue(output[0].IndexOf("settled batch 000001: balanced") >= 0, output[0]);
        }

        [TestMethod]
        public void NotConfigured_VoidRefundBalanceRefused_ReversalKeptUnsent()
        {
            TechnicianRig rig = Rig(300);
            SaleWithoutAnswer(rig);
            int attempts = rig.Connector.Attempts.Count;
            Terminal t = rig.Boot.Terminal;
            t.SetNotConfigured();
            TxnOutcome[] refused = new TxnOutcome[3];
            using (CardData card = TechnicianRig.Card()) refused[0] = t.Void(card, 1);
            using (CardData card = TechnicianRig.Card()) refused[1] = t.Refund(card, 100, "123456789012", "1127");
            using (CardData card = TechnicianRig.Card()) refused[2] = t.Balance(card, null);
            for (int i = 0; i < refused.Length; i++) Assert.AreEqual((int)RefusalReason.NotConfigured, (int)refused[i].Refusal);
            Assert.AreEqual((int)ReversalStatus.Pending, (int)t.SendPendingReversal());
            Assert.AreEqual((int)SettlementResult.NotConfigured, (int)t.Settle().Result);
            Assert.AreEqual(attempts, rig.Connector.Attempts.Count);          // nothing was sent
            Assert.AreEqual(0, t.PendingReversal.Attempts);
            string o = rig.Type("reversal send");
            Assert.IsTrue(o.IndexOf("error: " + ConsoleMessages.NotConfigured) >= 0, o);
            Assert.IsTrue(rig.Type("show status").IndexOf("last transaction: BALANCE, no card, amount 0 (minor units), refused: not configured") >= 0);
        }

        [TestMethod]
        public void SettleAndReversalSend_NotConfigured_RefusedWithoutConnecting()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Technician);
            string o = rig.Type("settle");
            Assert.IsTrue(o.IndexOf("error: " + ConsoleMessages.NotConfigured) >= 0, o);
            Assert.AreEqual((int)SettlementResult.NotConfigured, (int)rig.Boot.Terminal.Settle().Result);
            Assert.AreEqual((int)ReversalStatus.None, (int)rig.Boot.Terminal.SendPendingReversal());
            Assert.AreEqual(0, rig.Connector.Attempts.Count);
            Assert.IsTrue(rig.Type("reversal").IndexOf("error: usage: reversal send") >= 0);
        }
    }
}
