#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Txn
{
    /// <summary>The device's attended sale loop over serial lines: amount from the operator, track line from the reader.</summary>
    [TestClass]
    public class SerialSaleLoopTests
    {
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

        [TestMethod]
        public void RunOnce_AmountThenSwipe_ApprovedReceiptOnOperatorLine()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector connector = new ScriptedConnector();
            ScriptedLink link = new ScriptedLink(clock);
            link.OnWrite = Answer;
            connector.Accept("192.168.1.10", 5800, link);
            MemorySerialLine op = new MemorySerialLine(clock);
            MemorySerialLine reader = new MemorySerialLine(clock);
            op.Type("2500\r\n");
            reader.Type(";6212260000123456782=30121011234567890?\r");
            TxnOutcome o = new SerialSaleLoop(Build(clock, connector), clock, op, reader).RunOnce(1000);
            Assert.IsNotNull(o);
            Assert.AreEqual((int)TxnResult.Approved, (int)o.Result);
            Assert.AreEqual(2500L, o.AmountMinor);
            string shown = op.Output();
            Assert.IsTrue(shown.IndexOf("CARD 621226*********6782") >= 0);
            Assert.IsTrue(shown.IndexOf("APPROVED (00)\r\n") >= 0);
            Assert.IsFalse(shown.IndexOf("6212260000123456782") >= 0);
        }

        [TestMethod]
        [DataRow("12a\r", "INVALID AMOUNT")]
        [DataRow("0\n", "INVALID AMOUNT")]
        [DataRow("12345678901234567890\r", "INVALID AMOUNT")]
        public void RunOnce_BadAmount_NothingSent(string typed, string message)
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector connector = new ScriptedConnector();
            MemorySerialLine op = new MemorySerialLine(clock);
            op.Type(typed);
            TxnOutcome o = new SerialSaleLoop(Build(clock, connector), clock, op, new MemorySerialLine(clock)).RunOnce(1000);
            Assert.IsNull(o);
            Assert.IsTrue(op.Output().IndexOf(message) >= 0);
            Assert.AreEqual(0, connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_BadSwipe_ReasonShownNothingSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector connector = new ScriptedConnector();
            MemorySerialLine op = new MemorySerialLine(clock);
            MemorySerialLine reader = new MemorySerialLine(clock);
            op.Type("100\r");
            reader.Type(";6212260000123456783=30121011234567890?\r\n");
            TxnOutcome o = new SerialSaleLoop(Build(clock, connector), clock, op, reader).RunOnce(1000);
            Assert.IsNull(o);
            Assert.IsTrue(op.Output().IndexOf("CARD READ FAILED (6)") >= 0);
            Assert.AreEqual(0, connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_NoSwipe_TimesOut()
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine op = new MemorySerialLine(clock);
            op.Type("100\r");
            TxnOutcome o = new SerialSaleLoop(Build(clock, new ScriptedConnector()), clock, op, new MemorySerialLine(clock)).RunOnce(1000);
            Assert.IsNull(o);
            Assert.IsTrue(op.Output().IndexOf("NO CARD") >= 0);
            Assert.IsTrue(clock.MonotonicMs >= SerialSaleLoop.SwipeTimeoutMs);
        }

        [TestMethod]
        public void LineReader_CrLfOverflowAndTimeout()
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine line = new MemorySerialLine(clock);
            LineReader r = new LineReader(line, 4);
            line.Type("ab\r\ncd");
            Assert.IsTrue(r.TryRead(clock, 100));
            Assert.AreEqual(2, r.Length);
            Assert.IsFalse(r.TryRead(clock, 100));   // "cd" never ends: dropped when the time is up
            line.Type("efg\n");
            Assert.IsTrue(r.TryRead(clock, 100));
            Assert.AreEqual(3, r.Length);
            Assert.AreEqual((byte)'e', r.Buffer[0]);
            line.Type("vwxyz\r");
            Assert.IsTrue(r.TryRead(clock, 100));
            Assert.AreEqual(4, r.Length);
            Assert.IsTrue(r.Overflowed);
            line.Type("\n\r");                     // the LF completes the CRLF; the CR is an empty line
            Assert.IsTrue(r.TryRead(clock, 100));
            Assert.AreEqual(0, r.Length);
            Assert.IsFalse(r.Overflowed);
        }

        [TestMethod]
        public void RunOnce_AmountStartedThenTimeout_DoesNotLeakIntoTheNextAmount()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector connector = new ScriptedConnector();
            MemorySerialLine op = new MemorySerialLine(clock);
            SerialSaleLoop loop = new SerialSaleLoop(Build(clock, connector), clock, op, new MemorySerialLine(clock));
            op.Type("12");
            Assert.IsNull(loop.RunOnce(1000));
            op.Type("0\r");
            Assert.IsNull(loop.RunOnce(1000));       // "0", not "120": refused as an invalid amount
            Assert.IsTrue(op.Output().IndexOf("INVALID AMOUNT") >= 0);
            Assert.AreEqual(0, connector.Attempts.Count);
        }

        [TestMethod]
        public void RunOnce_ChipCardSwiped_AskedToInsertNothingSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnector connector = new ScriptedConnector();
            MemorySerialLine op = new MemorySerialLine(clock);
            MemorySerialLine reader = new MemorySerialLine(clock);
            op.Type("100\r");
            reader.Type(";6212260000123456782=30122011234567890?\r");
            TxnOutcome o = new SerialSaleLoop(Build(clock, connector), clock, op, reader).RunOnce(1000);
            Assert.AreEqual((int)RefusalReason.UseChip, (int)o.Refusal);
            Assert.IsTrue(op.Output().IndexOf("CHIP CARD - PLEASE INSERT") >= 0);
            Assert.AreEqual(0, connector.Attempts.Count);
        }
    }
}
