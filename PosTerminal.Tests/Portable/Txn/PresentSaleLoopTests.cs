#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Cards.Magstripe;
using PosTerminal.Cards.Readers;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Txn
{
    /// <summary>The device's attended sale: amount on the console, then the first card or code of the card-read wait.</summary>
    [TestClass]
    public class PresentSaleLoopTests
    {
        private const string Track = "6212260000123456782=30121011234567890";
        private const string ChipTrack = "6212260000123456782=30122011234567890";
        private const string Pan = "6212260000123456782";
        private const string MaskedPan = "621226*********6782";
        private const string WeChatCode = "134526838612345678";
        private const int PresentTimeoutMs = 5000;

        // The board of these tests: a console, a stripe reader, a scanner (and a chip reader when asked) on one clock.
        private sealed class Rig
        {
            public ManualClock Clock = new ManualClock();
            public ScriptedConnector Connector = new ScriptedConnector();
            public MemorySerialLine Console;
            public ScriptedReader Swipe;
            public ScriptedReader Scan;
            public ScriptedReader Insert;
            public PresentSaleLoop Loop;

            public Rig(bool withChipReader)
            {
                Console = new MemorySerialLine(Clock);
                Swipe = new ScriptedReader(Clock, ReaderKind.Swipe, EntryMethod.Swipe);
                Scan = new ScriptedReader(Clock, ReaderKind.Scan, EntryMethod.Scan);
                Insert = new ScriptedReader(Clock, ReaderKind.Insert, EntryMethod.Chip);
                ICardReader[] readers = withChipReader
                    ? new ICardReader[] { Swipe, Insert, Scan }
                    : new ICardReader[] { Swipe, Scan };
                ScriptedLink link = new ScriptedLink(Clock);
                link.OnWrite = Answer;
                Connector.Accept("192.168.1.10", 5800, link);
                Loop = new PresentSaleLoop(Build(Clock, Connector), Clock, Console, new CardWait(Clock, readers), PresentTimeoutMs);
            }

            public string Output()
            {
                return Console.Output();
            }
        }

        private static Terminal Build(ManualClock clock, ScriptedConnector connector)
        {
            HostEndpoint[] hosts = { new HostEndpoint("192.168.1.10", 5800) };
            LinkSettings link = new LinkSettings(hosts, 1000, 5000, AcquirerProfile.Cup.DefaultFrame);
            TerminalSettings s = new TerminalSettings(AcquirerProfile.Cup, "88880001", "898310048990001", "TEST SHOP", "156", link);
            s = s.WithSecurity(NoSecurity.For(s.Profile));
            return new Terminal(s, connector, clock, new MemoryStore(), null);
        }

        private static void Answer(ScriptedLink link, byte[] written, int length)
        {
            FakeHost host = new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, new ManualClock()), AcquirerProfile.Cup.Spec);
            link.Enqueue(host.Answer(host.Decode(written, length), "00", 10, null));
        }

        private static int Count(string text, string part)
        {
            int n = 0;
            int at = text.IndexOf(part);
            while (at >= 0)
            {
                n++;
                at = text.IndexOf(part, at + part.Length);
            }
            return n;
        }

        [TestMethod]
        public void RunOnce_AmountThenSwipe_ApprovedAndOnlyMaskedDataShown()
        {
            Rig r = new Rig(false);
            r.Console.Type("2500\r\n");
            r.Swipe.CardAt(3000, Track);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(2500L, o.AmountMinor);
            string shown = r.Output();
            Assert.IsTrue(shown.IndexOf("SWIPE CARD OR SCAN CODE (ESC CANCELS)\r\n") >= 0);
            Assert.IsTrue(shown.IndexOf("CARD " + MaskedPan + " - PROCESSING\r\n") >= 0);
            Assert.IsTrue(shown.IndexOf("APPROVED (00)\r\n") >= 0);
            Assert.IsFalse(shown.IndexOf(Pan) >= 0);
            Assert.AreEqual(1, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_CodeScanned_CodeSaleApprovedAndOnlyMaskedCodeShown()
        {
            Rig r = new Rig(false);
            r.Console.Type("1234\r");
            r.Scan.CodeAt(1500, WeChatCode);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual("13************5678", o.MaskedPan);
            string shown = r.Output();
            Assert.IsTrue(shown.IndexOf("CODE 13************5678 - PROCESSING\r\n") >= 0);
            Assert.IsTrue(shown.IndexOf("APPROVED (00)\r\n") >= 0);
            Assert.IsFalse(shown.IndexOf(WeChatCode) >= 0);
            Assert.AreEqual(1, r.Connector.Attempts.Count);
        }

        [TestMethod]
        [DataRow("12a\r")]
        [DataRow("0\n")]
        [DataRow("1000000000000\r")]
        [DataRow("12345678901234567890\r")]
        public void RunOnce_BadAmount_NoWaitNothingSent(string typed)
        {
            Rig r = new Rig(false);
            r.Console.Type(typed);
            r.Swipe.CardAt(100, Track);
            Assert.IsNull(r.Loop.RunOnce(1000));
            Assert.IsTrue(r.Output().IndexOf("INVALID AMOUNT") >= 0);
            Assert.AreEqual(0, r.Swipe.Polls);
            Assert.AreEqual(0, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_NoAmount_OnlyThePrompt()
        {
            Rig r = new Rig(false);
            Assert.IsNull(r.Loop.RunOnce(1000));
            Assert.AreEqual("AMOUNT (minor units)> ", r.Output());
            Assert.AreEqual(0, r.Swipe.Polls);
        }

        [TestMethod]
        public void RunOnce_NothingPresented_NoCardAfterThePresentTimeout()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            Assert.IsNull(r.Loop.RunOnce(1000));
            Assert.IsTrue(r.Output().IndexOf("NO CARD\r\n") >= 0);
            Assert.IsTrue(r.Clock.MonotonicMs >= PresentTimeoutMs);
            Assert.IsTrue(r.Clock.MonotonicMs < PresentTimeoutMs + PresentSaleLoop.ConsolePollMs);
            Assert.AreEqual(0, r.Connector.Attempts.Count);
        }

        [TestMethod]
        [DataRow("\u001b")]
        [DataRow("c")]
        [DataRow("C")]
        [DataRow("\u0003")]
        public void RunOnce_CancelKeyOnConsole_WaitEndsNothingSent(string key)
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r\n" + key);
            r.Swipe.CardAt(3000, Track);
            Assert.IsNull(r.Loop.RunOnce(1000));
            Assert.IsTrue(r.Output().IndexOf("CANCELLED\r\n") >= 0);
            Assert.IsTrue(r.Clock.MonotonicMs <= PresentSaleLoop.ConsolePollMs);
            Assert.AreEqual(1, r.Swipe.Pending);
            Assert.AreEqual(0, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_OtherKeysDuringTheWait_IgnoredAndNotCarriedIntoTheNextAmount()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r\nxyz 9");
            r.Swipe.CardAt(2000, Track);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(100L, o.AmountMinor);
            Assert.IsNull(r.Loop.RunOnce(1000));              // nothing typed since: no amount, not "xyz 9"
            Assert.IsFalse(r.Output().IndexOf("INVALID AMOUNT") >= 0);
        }

        [TestMethod]
        public void RunOnce_CancelSignalFromAnotherThread_WaitEnds()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            PresentSaleLoop loop = r.Loop;
            r.Swipe.OnPoll = delegate (long now)
            {
                if (now >= 1000) loop.Cancel.Cancel();
            };
            r.Swipe.CardAt(4000, Track);
            Assert.IsNull(loop.RunOnce(1000));
            Assert.IsTrue(r.Output().IndexOf("CANCELLED\r\n") >= 0);
            Assert.IsTrue(r.Clock.MonotonicMs < 1000 + PresentSaleLoop.ConsolePollMs);
            Assert.AreEqual(0, r.Connector.Attempts.Count);
            r.Swipe.OnPoll = null;
        }

        [TestMethod]
        public void RunOnce_FailedReads_ReportedByNumberThenTheCardIsRead()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            r.Scan.FailureAt(400, (int)PaymentCodeStatus.NotDigits);
            r.Swipe.FailureAt(1000, (int)MagstripeStatus.Lrc);
            r.Swipe.CardAt(2000, Track);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            string shown = r.Output();
            Assert.IsTrue(shown.IndexOf("CODE REJECTED (2) - TRY AGAIN\r\n") >= 0);
            Assert.IsTrue(shown.IndexOf("CARD READ FAILED (6) - TRY AGAIN\r\n") >= 0);
            Assert.AreEqual(1, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_ChipCardSwiped_AskedToInsertAndTheWaitGoesOn()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            r.Swipe.CardAt(1000, ChipTrack);
            r.Scan.CodeAt(2500, WeChatCode);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            string shown = r.Output();
            Assert.AreEqual(1, Count(shown, "CHIP CARD - PLEASE INSERT\r\n"));
            Assert.IsFalse(shown.IndexOf("CARD " + MaskedPan) >= 0);
            Assert.AreEqual(1, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_ChipFailuresCountPerSale_FallbackDoesNotCarryOver()
        {
            Rig r = new Rig(true);
            r.Console.Type("100\r");
            r.Insert.FailureAt(100, 1);
            r.Insert.FailureAt(300, 1);
            r.Insert.FailureAt(500, 1);
            Assert.IsNull(r.Loop.RunOnce(1000));
            Assert.IsTrue(r.Output().IndexOf("CHIP FAILED 3 TIMES - SWIPE THE CARD\r\n") >= 0);

            r.Console.Type("100\r");
            r.Swipe.CardAt(r.Clock.MonotonicMs + 1000, ChipTrack);
            Assert.IsNull(r.Loop.RunOnce(1000));                // a new sale: the chip card must use its chip again
            Assert.AreEqual(1, Count(r.Output(), "CHIP CARD - PLEASE INSERT\r\n"));
            Assert.AreEqual(0, r.Connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_ReaderFault_ReportedOnceAndTheOtherReaderStillServes()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            r.Swipe.Throws = true;
            r.Scan.CodeAt(1500, WeChatCode);
            TxnOutcome o = r.Loop.RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(1, Count(r.Output(), "CARD READER FAULT - USE ANOTHER WAY TO PAY\r\n"));
        }

        [TestMethod]
        public void RunOnce_EveryReaderFaulty_EndsAtOnceWithoutCard()
        {
            Rig r = new Rig(false);
            r.Console.Type("100\r");
            r.Swipe.Throws = true;
            r.Scan.Throws = true;
            Assert.IsNull(r.Loop.RunOnce(1000));
            string shown = r.Output();
            Assert.AreEqual(1, Count(shown, "CARD READER FAULT"));
            Assert.AreEqual(1, Count(shown, "CODE READER FAULT"));
            Assert.IsTrue(shown.IndexOf("NO CARD\r\n") >= 0);
            Assert.IsTrue(r.Clock.MonotonicMs < PresentTimeoutMs);
        }

        [TestMethod]
        public void IsCancelKey_OnlyEscCtrlCAndC()
        {
            Assert.IsTrue(PresentSaleLoop.IsCancelKey(0x1B));
            Assert.IsTrue(PresentSaleLoop.IsCancelKey(0x03));
            Assert.IsTrue(PresentSaleLoop.IsCancelKey((byte)'C'));
            Assert.IsTrue(PresentSaleLoop.IsCancelKey((byte)'c'));
            Assert.IsFalse(PresentSaleLoop.IsCancelKey((byte)'\r'));
            Assert.IsFalse(PresentSaleLoop.IsCancelKey((byte)'\n'));
            Assert.IsFalse(PresentSaleLoop.IsCancelKey((byte)'1'));
            Assert.IsFalse(PresentSaleLoop.IsCancelKey((byte)'x'));
        }
    }
}
