#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Cards.Scanner;
using PosTerminal.Tests.Fakes;

namespace PosTerminal.Tests.Cards
{
    /// <summary>The scanner driver over a serial line: lines in, checked payment codes (or reasons) out.</summary>
    [TestClass]
    public class PaymentCodeScannerTests
    {
        [TestMethod]
        [DataRow("284412345678901234\r", 2)]
        [DataRow("134526838612345678\n", 1)]
        [DataRow("6226012345678901234\r\n", 3)]
        public void Line_BecomesCode(string line, int scheme)
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine serial = new MemorySerialLine(clock);
            PaymentCodeScanner scanner = new PaymentCodeScanner(serial, clock);
            serial.Type(line);
            PaymentCode code;
            Assert.AreEqual((int)ScanStatus.Scanned, (int)scanner.TryScan(1000, out code));
            Assert.AreEqual(scheme, (int)code.Scheme);
            Assert.AreEqual((int)PaymentCodeStatus.Ok, (int)scanner.LastRejection);
            code.Dispose();
            // the CR LF's LF does not make an empty line
            Assert.AreEqual((int)ScanStatus.NoCode, (int)scanner.TryScan(100, out code));
            Assert.IsNull(code);
        }

        [TestMethod]
        [DataRow("6901234567892\r", 3)]
        [DataRow("HELLO\r", 2)]
        [DataRow("\r", 1)]
        [DataRow("1234567890123456789012345678901234567890123456789012345678901234567890\r", 5)]   // 70 characters
        public void BadLine_RejectedWithReason_ThenTheNextCodeReads(string line, int reason)
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine serial = new MemorySerialLine(clock);
            PaymentCodeScanner scanner = new PaymentCodeScanner(serial, clock);
            serial.Type(line + "284412345678901234\r");
            PaymentCode code;
            Assert.AreEqual((int)ScanStatus.Rejected, (int)scanner.TryScan(1000, out code));
            Assert.IsNull(code);
            Assert.AreEqual(reason, (int)scanner.LastRejection);
            Assert.AreEqual((int)ScanStatus.Scanned, (int)scanner.TryScan(1000, out code));
            Assert.AreEqual("28************1234", code.Masked);
            code.Dispose();
        }

        [TestMethod]
        public void LineSplitAcrossShortWaits_StillReads()
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine serial = new MemorySerialLine(clock);
            PaymentCodeScanner scanner = new PaymentCodeScanner(serial, clock);
            PaymentCode code;
            serial.Type("2844123456");
            Assert.AreEqual((int)ScanStatus.NoCode, (int)scanner.TryScan(20, out code));   // the wait ends mid-line
            serial.Type("78901234\r");
            Assert.AreEqual((int)ScanStatus.Scanned, (int)scanner.TryScan(20, out code));
            Assert.AreEqual(18, code.Length);
            code.Dispose();
        }

        [TestMethod]
        public void LineThatStops_IsDropped_NotJoinedToTheNext()
        {
            ManualClock clock = new ManualClock();
            MemorySerialLine serial = new MemorySerialLine(clock);
            PaymentCodeScanner scanner = new PaymentCodeScanner(serial, clock);
            PaymentCode code;
            serial.Type("28441234");
            Assert.AreEqual((int)ScanStatus.NoCode, (int)scanner.TryScan(PaymentCodeScanner.LineIdleMs + 50, out code));
            serial.Type("134526838612345678\r");
            Assert.AreEqual((int)ScanStatus.Scanned, (int)scanner.TryScan(100, out code));
            Assert.AreEqual((int)PaymentCodeScheme.WeChatPay, (int)code.Scheme);
            code.Dispose();
        }
    }
}
