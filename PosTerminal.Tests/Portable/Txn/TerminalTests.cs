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
using PosTerminal.Tests.Iso8583;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Txn
{
    /// <summary>The sale flow over an in-memory acquirer: the request it builds, outcomes, STAN persistence, masking.</summary>
    [TestClass]
    public class TerminalTests
    {
        private const string Track = ";6212260000123456782=30121011234567890?";
        private const string Pan = "6212260000123456782";

        private sealed class Fixture
        {
            public ManualClock Clock = new ManualClock();
            public MemoryStore Store = new MemoryStore();
            public ScriptedConnector Connector = new ScriptedConnector();
            public FakeHost Host;
            public string Rc = "00";
            public long PartialAmount = -1;
            public bool Silent;
            public AcquirerProfile Profile = AcquirerProfile.Cup;

            public Terminal Build()
            {
                HostEndpoint[] hosts = { new HostEndpoint("192.168.1.10", 5800) };
                LinkSettings link = new LinkSettings(hosts, 1000, 5000, Profile.DefaultFrame);
                TerminalSettings s = new TerminalSettings(Profile, "88880001", "898310048990001", "TEST SHOP", "156", link);
                s = s.WithSecurity(NoSecurity.For(s.Profile));
                return new Terminal(s, Connector, Clock, Store, null);
            }

            public ScriptedLink NextLink()
            {
                ScriptedLink link = new ScriptedLink(Clock);
                Host = new FakeHost(new FrameCodec(Profile.DefaultFrame, Clock), Profile.Spec);
                link.OnWrite = OnWrite;
                Connector = new ScriptedConnector();
                Connector.Accept("192.168.1.10", 5800, link);
                return link;
            }

            private void OnWrite(ScriptedLink link, byte[] written, int length)
            {
                IsoMessage rq = Host.Decode(written, length);
                if (Silent) return;
                if (PartialAmount >= 0) rq.SetNumber(IsoField.Amount, PartialAmount);   // the host answers another amount
                link.Enqueue(Host.Answer(rq, Rc, 10, null));
            }
        }

        private static CardData Card()
        {
            byte[] t = Ascii.GetBytes(Track);
            CardData card;
            Assert.AreEqual((int)Track2Status.Ok, (int)Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            return card;
        }

        [TestMethod]
        public void Sale_Cup_BuildsUnionPaySaleRequest_AndIsApproved()
        {
            Fixture f = new Fixture();
            f.NextLink();
            Terminal t = f.Build();
            TxnOutcome o;
            using (CardData card = Card()) o = t.Sale(card, 12345);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual("00", o.ResponseCode);
            Assert.AreEqual("123456789012", o.Rrn);
            Assert.AreEqual("654321", o.AuthCode);
            Assert.AreEqual(1, o.Stan);
            Assert.AreEqual(0, o.HostIndex);

            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual(200, rq.Mti);
            Assert.AreEqual(Pan, rq.GetString(IsoField.Pan));
            Assert.AreEqual("000000", rq.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("000000012345", rq.GetString(IsoField.Amount));
            Assert.AreEqual("000001", rq.GetString(IsoField.Stan));
            Assert.AreEqual("3012", rq.GetString(IsoField.Expiry));
            Assert.AreEqual("022", rq.GetString(IsoField.EntryMode));
            Assert.AreEqual("00", rq.GetString(IsoField.ConditionCode));
            Assert.AreEqual("6212260000123456782=30121011234567890", rq.GetString(IsoField.Track2));
            Assert.AreEqual("88880001", rq.GetString(IsoField.TerminalId));
            Assert.AreEqual("898310048990001", rq.GetString(IsoField.MerchantId));
            Assert.AreEqual("156", rq.GetString(IsoField.Currency));
            Assert.AreEqual("2200000100020", rq.GetString(IsoField.Reserved60));
            Assert.IsFalse(rq.Has(IsoField.TransmissionDateTime));
        }

        [TestMethod]
        public void Sale_Receipt_MasksPan_AndShowsNoTrackOrExpiry()
        {
            Fixture f = new Fixture();
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 12345);
            Assert.IsTrue(o.Receipt.IndexOf("621226*********6782") >= 0);
            Assert.IsFalse(o.Receipt.IndexOf(Pan) >= 0);
            Assert.IsFalse(o.Receipt.IndexOf("30121011234567890") >= 0);
            Assert.IsTrue(o.Receipt.IndexOf("CNY 123.45") >= 0);
            Assert.IsTrue(o.Receipt.IndexOf("APPROVED (00)") >= 0);
            Assert.AreEqual("621226*********6782", o.MaskedPan);
        }

        [TestMethod]
        [DataRow("51", "INSUFFICIENT FUNDS (51)")]
        [DataRow("05", "DO NOT HONOUR (05)")]
        [DataRow("Q9", "DECLINED (Q9)")]
        public void Sale_HostDeclines_OutcomeCarriesResponseCode(string rc, string text)
        {
            Fixture f = new Fixture();
            f.Rc = rc;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Declined, (int)o.Result);
            Assert.AreEqual(rc, o.ResponseCode);
            Assert.IsNull(o.AuthCode);
            Assert.IsTrue(o.Receipt.IndexOf(text) >= 0);
        }

        [TestMethod]
        [DataRow("11")]
        [DataRow("A2")]
        public void Sale_CupApprovalCodesOtherThan00_AreApprovals(string rc)
        {
            Fixture f = new Fixture();
            f.Rc = rc;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(100L, o.ApprovedAmountMinor);
        }

        [TestMethod]
        public void Sale_PartialApproval_ReportsTheApprovedAmount()
        {
            Fixture f = new Fixture();
            f.Rc = "10";
            f.PartialAmount = 6000;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 10000);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(6000L, o.ApprovedAmountMinor);
            Assert.IsTrue(o.Receipt.IndexOf("REQUESTED") >= 0);
            Assert.IsTrue(o.Receipt.IndexOf("CNY 60.00") >= 0);
        }

        [TestMethod]
        public void Sale_AmountChangedWithoutPartialApprovalCode_IsNotTheAnswer()
        {
            Fixture f = new Fixture();
            f.Rc = "00";
            f.PartialAmount = 6000;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 10000);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)o.Result);
        }

        [TestMethod]
        public void Sale_ChipCardSwiped_RefusedUseChip()
        {
            Fixture f = new Fixture();
            f.NextLink();
            byte[] t = Ascii.GetBytes(";6212260000123456782=30122011234567890?");
            CardData card;
            Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card);
            TxnOutcome o = f.Build().Sale(card, 100);
            card.Dispose();
            Assert.AreEqual((int)TxnResult.Refused, (int)o.Result);
            Assert.AreEqual((int)RefusalReason.UseChip, (int)o.Refusal);
            Assert.AreEqual(0, f.Connector.Attempts.Count);
        }

        [TestMethod]
        public void Sale_FrameBuffersAreWipedAfterTheExchange()
        {
            Fixture f = new Fixture();
            f.NextLink();
            FrameSpy spy = new FrameSpy();
            HostEndpoint[] hosts = { new HostEndpoint("192.168.1.10", 5800) };
            LinkSettings link = new LinkSettings(hosts, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
            TerminalSettings s = new TerminalSettings(AcquirerProfile.Cup, "88880001", "898310048990001", "TEST SHOP", "156", link);
                s = s.WithSecurity(NoSecurity.For(s.Profile));
            Terminal t = new Terminal(s, f.Connector, f.Clock, f.Store, spy);
            TxnOutcome o;
            using (CardData card = Card()) o = t.Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.IsNotNull(spy.Sent);
            Assert.IsNotNull(spy.Received);
            for (int i = 0; i < spy.Sent.Length; i++) Assert.AreEqual((byte)0, spy.Sent[i]);
            for (int i = 0; i < spy.Received.Length; i++) Assert.AreEqual((byte)0, spy.Received[i]);
        }

        private sealed class FrameSpy : ILinkObserver
        {
            public byte[] Sent;
            public byte[] Received;

            public void OnConnect(int index, HostEndpoint host, PosTerminal.Hal.LinkStatus status)
            {
            }

            public void OnSent(IsoMessage message, byte[] frame, int messageOffset, int frameLength)
            {
                Sent = frame;
            }

            public void OnReceived(IsoMessage message, byte[] frame, int messageOffset, int frameLength, bool matched)
            {
                Received = frame;
            }

            public void OnFormatError(IsoFormatException error, int frameLength)
            {
            }
        }

        [TestMethod]
        public void Sale_NoAnswer_NoResponse()
        {
            Fixture f = new Fixture();
            f.Silent = true;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 100);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)o.Result);
            Assert.IsNull(o.ResponseCode);
        }

        [TestMethod]
        public void Sale_HostUnreachable_NotSent()
        {
            Fixture f = new Fixture();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 100);
            Assert.AreEqual((int)TxnResult.NotSent, (int)o.Result);
            Assert.AreEqual(-1, o.HostIndex);
        }

        [TestMethod]
        [DataRow(0L)]
        [DataRow(-5L)]
        [DataRow(1000000000000L)]
        public void Sale_BadAmount_RefusedBeforeAnyConnection(long amount)
        {
            Fixture f = new Fixture();
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, amount);
            Assert.AreEqual((int)TxnResult.Refused, (int)o.Result);
            Assert.AreEqual((int)RefusalReason.InvalidAmount, (int)o.Refusal);
            Assert.AreEqual(0, f.Connector.Attempts.Count);
            Assert.AreEqual(0, o.Stan);
        }

        [TestMethod]
        public void Sale_StanCannotBeSaved_Refused()
        {
            Fixture f = new Fixture();
            f.NextLink();
            Terminal t = f.Build();
            f.Store.CutAfterBytes = 3;
            TxnOutcome o;
            using (CardData card = Card()) o = t.Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Refused, (int)o.Result);
            Assert.AreEqual((int)RefusalReason.StorageFailure, (int)o.Refusal);
            Assert.AreEqual(0, f.Connector.Attempts.Count);
        }

        [TestMethod]
        public void Stan_PersistsAcrossRestarts()
        {
            Fixture f = new Fixture();
            for (int i = 1; i <= 3; i++)
            {
                f.NextLink();
                TxnOutcome o;
                using (CardData card = Card()) o = f.Build().Sale(card, 100);   // a new Terminal each time: a reboot
                Assert.AreEqual(i, o.Stan);
                Assert.AreEqual(Ascii.Number(i, 6), f.Host.LastRequest.GetString(IsoField.Stan));
            }
        }

        [TestMethod]
        public void Stan_Wraps999999To000001()
        {
            MemoryStore store = new MemoryStore();
            PosTerminal.Storage.RecordStore rs = new PosTerminal.Storage.RecordStore(store);
            byte[] rec = new byte[8];
            Bytes.WriteUInt32BE(999998, rec, 0);
            Bytes.WriteUInt32BE(7, rec, 4);
            rs.Save(TerminalCounters.RecordName, 1, rec, 0, 8);
            TerminalCounters c = new TerminalCounters(rs);
            Assert.AreEqual(7, c.Batch);
            Assert.AreEqual(999999, c.NextStan());
            Assert.AreEqual(1, c.NextStan());
            Assert.AreEqual(2, new TerminalCounters(rs).NextStan());
        }

        [TestMethod]
        public void Sale_AsciiProfile_SendsLocalTimeAndInternationalEntryMode()
        {
            Fixture f = new Fixture();
            f.Profile = AcquirerProfile.Iso87Ascii;
            f.NextLink();
            TxnOutcome o;
            using (CardData card = Card()) o = f.Build().Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual("1127023015", rq.GetString(IsoField.TransmissionDateTime));   // GMT
            Assert.AreEqual("103015", rq.GetString(IsoField.LocalTime));
            Assert.AreEqual("1127", rq.GetString(IsoField.LocalDate));
            Assert.AreEqual("902", rq.GetString(IsoField.EntryMode));
            Assert.IsFalse(rq.Has(IsoField.Reserved60));
        }

        [TestMethod]
        public void Settings_ChangedBetweenSales_ApplyToTheNextOne()
        {
            Fixture f = new Fixture();
            f.NextLink();
            Terminal t = f.Build();
            ScriptedLink second = new ScriptedLink(f.Clock);
            FakeHost host2 = new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, f.Clock), AcquirerProfile.Cup.Spec);
            second.OnWrite = delegate (ScriptedLink l, byte[] w, int n) { l.Enqueue(host2.Answer(host2.Decode(w, n), "00", 10, null)); };
            f.Connector.Accept("10.1.1.1", 6000, second);
            HostEndpoint[] hosts = { new HostEndpoint("10.1.1.1", 6000) };
            t.Settings = t.Settings.WithLink(new LinkSettings(hosts, 1000, 5000, AcquirerProfile.Cup.DefaultFrame));
            TxnOutcome o;
            using (CardData card = Card()) o = t.Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual("10.1.1.1:6000", o.Host);
            Assert.AreEqual(1, host2.Requests);
        }

        private sealed class ThrowingConnector : PosTerminal.Hal.ILinkConnector
        {
            public PosTerminal.Hal.LinkStatus Connect(string host, int port, int timeoutMs, out PosTerminal.Hal.IByteLink link)
            {
                throw new System.InvalidOperationException("adapter bug");
            }
        }

        [TestMethod]
        public void Sale_AdapterThrows_FaultOutcomeNotException()
        {
            Fixture f = new Fixture();
            HostEndpoint[] hosts = { new HostEndpoint("192.168.1.10", 5800) };
            LinkSettings link = new LinkSettings(hosts, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
            TerminalSettings s = new TerminalSettings(AcquirerProfile.Cup, "88880001", "898310048990001", "TEST SHOP", "156", link);
                s = s.WithSecurity(NoSecurity.For(s.Profile));
            Terminal t = new Terminal(s, new ThrowingConnector(), f.Clock, f.Store, null);
            TxnOutcome o;
            using (CardData card = Card()) o = t.Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Fault, (int)o.Result);
            Assert.AreEqual(1, o.Stan);
            Assert.IsTrue(o.Receipt.IndexOf("TERMINAL ERROR") >= 0);
        }

        [TestMethod]
        public void Store_NeverHoldsCardData()
        {
            Fixture f = new Fixture();
            f.NextLink();
            using (CardData card = Card()) f.Build().Sale(card, 100);
            string stored = Ascii.GetString(f.Store.AllBytes(), 0, f.Store.AllBytes().Length);
            Assert.IsFalse(stored.IndexOf("6212260000") >= 0);
        }

        private static PaymentCode Code(string digits)
        {
            byte[] b = Ascii.GetBytes(digits);
            PaymentCode code;
            Assert.AreEqual((int)PaymentCodeStatus.Ok, (int)PaymentCode.TryCreate(b, 0, b.Length, out code));
            return code;
        }

        private static string HexOf(IsoMessage m, int field)
        {
            byte[] b = new byte[m.Length(field)];
            m.CopyTo(field, b, 0);
            return Hex.Encode(b);
        }

        [TestMethod]
        public void CodeSale_Cup_FieldsAsInTheCapturedQrSale()
        {
            // The captured UnionPay QR sale (cnblogs q/128930): our request for its code must carry the same F3, F22,
            // F25, F60.1 and the code as TLV 5F01 at the start of F62.
            IsoMessage captured = GoldenFrameTests.ReadCupFrame(GoldenFrames.CnblogsQrSale0200, "6000030000", "603210320072");
            string capturedF62 = HexOf(captured, IsoField.Reserved62);
            string codeDigits = Ascii.GetString(Hex.Decode(capturedF62.Substring(6, 36)), 0, 18);
            Assert.AreEqual("284412345678901234", codeDigits);

            Fixture f = new Fixture();
            f.NextLink();
            TxnOutcome o;
            using (PaymentCode code = Code(codeDigits)) o = f.Build().Sale(code, 1234);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual("28************1234", o.MaskedPan);
            Assert.IsTrue(o.Receipt.IndexOf("CODE          28************1234") >= 0);
            Assert.IsTrue(o.Receipt.IndexOf(codeDigits) < 0);

            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual(captured.Mti, rq.Mti);
            foreach (int field in new int[] { IsoField.ProcessingCode, IsoField.Amount, IsoField.EntryMode, IsoField.ConditionCode, IsoField.Currency })
            {
                Assert.AreEqual(captured.GetString(field), rq.GetString(field));
            }
            Assert.AreEqual(captured.GetString(IsoField.Reserved60).Substring(0, 2), rq.GetString(IsoField.Reserved60).Substring(0, 2));
            Assert.AreEqual(capturedF62.Substring(0, 42), HexOf(rq, IsoField.Reserved62));
            Assert.IsFalse(rq.Has(IsoField.Pan));
            Assert.IsFalse(rq.Has(IsoField.Track2));
            Assert.IsFalse(rq.Has(IsoField.Expiry));
            Assert.IsFalse(rq.Has(IsoField.PinBlock));
        }

        [TestMethod]
        public void CodeSale_AsciiProfile_CodeInField48_EntryMode030()
        {
            Fixture f = new Fixture();
            f.Profile = AcquirerProfile.Iso87Ascii;
            f.NextLink();
            TxnOutcome o;
            using (PaymentCode code = Code("134526838612345678")) o = f.Build().Sale(code, 500);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual("030", rq.GetString(IsoField.EntryMode));
            Assert.AreEqual("00", rq.GetString(IsoField.ConditionCode));
            Assert.AreEqual("134526838612345678", rq.GetString(IsoField.AdditionalData));
            Assert.IsFalse(rq.Has(IsoField.Pan));
            Assert.IsFalse(rq.Has(IsoField.Reserved62));
        }

        [TestMethod]
        public void CodeSale_DisposedCode_RefusedWithoutConnecting()
        {
            Fixture f = new Fixture();
            PaymentCode code = Code("134526838612345678");
            code.Dispose();
            TxnOutcome o = f.Build().Sale(code, 500);
            Assert.AreEqual((int)TxnResult.Refused, (int)o.Result);
            Assert.AreEqual((int)RefusalReason.NoCard, (int)o.Refusal);
            Assert.AreEqual(0, f.Connector.Attempts.Count);
        }

        [TestMethod]
        public void CodeSale_NoAnswer_NeedsReversal()
        {
            Fixture f = new Fixture();
            f.Silent = true;
            f.NextLink();
            TxnOutcome o;
            using (PaymentCode code = Code("6226012345678901234")) o = f.Build().Sale(code, 500);
            Assert.AreEqual((int)TxnResult.NoResponse, (int)o.Result);
            Assert.AreEqual("98", o.ReversalReason);
        }

        [TestMethod]
        [DataRow("cup", 2, "001", "052", "001", "0")]           // chip: F23 from the card
        [DataRow("cup", 3, "002", "072", "002", "0")]           // contactless (as the captured qPBOC sale's 07x)
        [DataRow("cup", 6, null, "022", null, "2")]             // fallback: stripe entry mode, F60.5 IC condition 2
        [DataRow("iso87ascii", 2, "001", "052", "001", null)]
        [DataRow("iso87ascii", 6, null, "802", null, null)]     // ISO fallback code 80
        public void Sale_EntryModeAndCardSequence_PerProfile(string profile, int entry, string sequence, string f22, string f23, string f605)
        {
            Fixture f = new Fixture();
            f.Profile = AcquirerProfile.Find(profile);
            f.NextLink();
            TxnOutcome o;
            using (CardData card = new CardData(Ascii.GetBytes(Pan), Ascii.GetBytes("6212260000123456782=30122011234567890"), "3012", "201",
                (EntryMethod)entry, null, sequence))
            {
                o = f.Build().Sale(card, 100);
            }
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            IsoMessage rq = f.Host.LastRequest;
            Assert.AreEqual(f22, rq.GetString(IsoField.EntryMode));
            Assert.AreEqual(f23, rq.GetString(IsoField.CardSequence));
            if (f605 != null)
            {
                string f60 = rq.GetString(IsoField.Reserved60);
                Assert.AreEqual(f605, f60.Substring(f60.Length - 1));
            }
        }

        [TestMethod]
        public void CardData_BadSequenceNumber_Rejected()
        {
            Expect.Throws(typeof(System.ArgumentException), delegate { new CardData(Ascii.GetBytes(Pan), null, null, null, EntryMethod.Chip, null, "01"); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new CardData(Ascii.GetBytes(Pan), null, null, null, EntryMethod.Chip, null, "0A1"); });
        }
    }
}
