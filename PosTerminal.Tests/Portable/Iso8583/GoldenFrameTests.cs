#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Link;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Iso8583
{
    /// <summary>Published frames (see <see cref="GoldenFrames"/>) decode to what their authors say, and pack back to the same bytes.</summary>
    [TestClass]
    public class GoldenFrameTests
    {
        // Reads a whole CUP frame through the framing code, unpacks the message, checks it packs back identically.
        internal static IsoMessage ReadCupFrame(string hex, string expectedTpdu, string expectedHeader)
        {
            byte[] frame = Hex.Decode(hex);
            ManualClock clock = new ManualClock();
            ScriptedLink link = new ScriptedLink(clock);
            link.Enqueue(frame);
            FrameFormat format = new FrameFormat(LengthHeader.Binary2, Hex.Decode(expectedTpdu), Hex.Decode(expectedHeader), 2048);
            FrameCodec codec = new FrameCodec(format, clock);
            byte[] buf = new byte[2050];
            int length;
            Assert.AreEqual((int)LinkStatus.Ok, (int)codec.ReadFrame(link, buf, Deadline.In(clock, 1000), out length));
            Assert.AreEqual(frame.Length, length);
            Assert.AreEqual(expectedTpdu, Hex.Encode(buf, 2, 5));
            Assert.AreEqual(expectedHeader, Hex.Encode(buf, 7, 6));
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            IsoCodec.Unpack(buf, 13, length - 13, m);
            AssertPacksTo(m, frame, 13);
            return m;
        }

        private static void AssertPacksTo(IsoMessage m, byte[] expected, int offset)
        {
            byte[] out1 = new byte[expected.Length];
            int n = IsoCodec.Pack(m, out1, offset);
            Assert.AreEqual(expected.Length - offset, n);
            Array8.AssertRange(expected, out1, offset, n);
        }

        private static string HexOf(IsoMessage m, int field)
        {
            byte[] b = new byte[m.Length(field)];
            m.CopyTo(field, b, 0);
            return Hex.Encode(b);
        }

        [TestMethod]
        public void CnblogsQrSale_Decodes_AndPacksBackIdentically()
        {
            IsoMessage m = ReadCupFrame(GoldenFrames.CnblogsQrSale0200, "6000030000", "603210320072");
            Assert.AreEqual(200, m.Mti);
            Assert.AreEqual("000000", m.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("000000001234", m.GetString(IsoField.Amount));
            Assert.AreEqual("000002", m.GetString(IsoField.Stan));
            Assert.AreEqual("030", m.GetString(IsoField.EntryMode));
            Assert.AreEqual("99", m.GetString(IsoField.ConditionCode));
            Assert.AreEqual("00000001", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("952718182217875", m.GetString(IsoField.MerchantId));
            Assert.AreEqual("156", m.GetString(IsoField.Currency));
            Assert.AreEqual("2600000100060000000", m.GetString(IsoField.Reserved60));
            Assert.AreEqual(43, m.Length(IsoField.Reserved62));
            Assert.IsTrue(HexOf(m, IsoField.Reserved62).StartsWith("5F0112"));
            Assert.AreEqual("B3A092AE", Ascii.GetString(Hex.Decode(HexOf(m, IsoField.Mac)), 0, 8));
        }

        [TestMethod]
        public void CsdnContactlessSale_Decodes_AndPacksBackIdentically()
        {
            IsoMessage m = ReadCupFrame(GoldenFrames.CsdnContactlessSale0200, "6000060000", "603100311003");
            Assert.AreEqual("6224242900000113", m.GetString(IsoField.Pan));
            Assert.AreEqual("000000000001", m.GetString(IsoField.Amount));
            Assert.AreEqual("000403", m.GetString(IsoField.Stan));
            Assert.AreEqual("2806", m.GetString(IsoField.Expiry));
            Assert.AreEqual("071", m.GetString(IsoField.EntryMode));
            Assert.AreEqual("000", m.GetString(IsoField.CardSequence));
            Assert.AreEqual("12", m.GetString(IsoField.PinCaptureCode));
            Assert.AreEqual("6224242900000113=28062013949031013", m.GetString(IsoField.Track2));
            Assert.AreEqual("10000019", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("D1EEF419D0AE2609", HexOf(m, IsoField.PinBlock));
            Assert.AreEqual("2600000000000000", m.GetString(IsoField.SecurityControl));
            Assert.AreEqual(139, m.Length(IsoField.IccData));
            Assert.AreEqual(153, m.Length(59));
            Assert.AreEqual("22000024000600", m.GetString(IsoField.Reserved60));
            Assert.AreEqual("3846363531423236", HexOf(m, IsoField.Mac));
        }

        [TestMethod]
        public void CsdnSignOn_Decodes_AndPacksBackIdentically()
        {
            IsoMessage m = ReadCupFrame(GoldenFrames.CsdnSignOn0800, "6000490000", "603200320501");
            Assert.AreEqual(800, m.Mti);
            Assert.AreEqual("000074", m.GetString(IsoField.Stan));
            Assert.AreEqual("12345678", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("123456789123456", m.GetString(IsoField.MerchantId));
            Assert.AreEqual("00000000003", m.GetString(IsoField.Reserved60));
            Assert.AreEqual("Sequence No249491000001041812CA859291", m.GetString(IsoField.Reserved62));
            Assert.AreEqual("123", m.GetString(IsoField.Reserved63));
        }

        [TestMethod]
        public void CsdnCapkQuery_MessageOnly_Decodes_AndPacksBackIdentically()
        {
            byte[] msg = Hex.Decode(GoldenFrames.CsdnCapkQuery0830);
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            IsoCodec.Unpack(msg, 0, msg.Length, m);
            Assert.AreEqual(830, m.Mti);
            Assert.AreEqual("00", m.GetString(IsoField.ResponseCode));
            Assert.AreEqual("67004642", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("897370179323002", m.GetString(IsoField.MerchantId));
            Assert.AreEqual("00000001372", m.GetString(IsoField.Reserved60));
            Assert.AreEqual(277, m.Length(IsoField.Reserved62));
            Assert.AreEqual("3546453035384442", HexOf(m, IsoField.Mac));
            AssertPacksTo(m, msg, 0);
        }

        [TestMethod]
        public void BlogspotAscii0210_Decodes_AndPacksBackIdentically()
        {
            byte[] msg = Ascii.GetBytes(GoldenFrames.BlogspotResponse0210);
            IsoMessage m = new IsoMessage(Iso87AsciiSpec.Spec);
            IsoCodec.Unpack(msg, 0, msg.Length, m);
            Assert.AreEqual(210, m.Mti);
            Assert.AreEqual("593600141001099999", m.GetString(IsoField.Pan));
            Assert.AreEqual("011000", m.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("000010000000", m.GetString(IsoField.Amount));
            Assert.AreEqual("1007021533", m.GetString(IsoField.TransmissionDateTime));
            Assert.AreEqual("000001", m.GetString(IsoField.Stan));
            Assert.AreEqual("191533", m.GetString(IsoField.LocalTime));
            Assert.AreEqual("1006", m.GetString(IsoField.LocalDate));
            Assert.AreEqual("1007", m.GetString(IsoField.SettlementDate));
            Assert.AreEqual("565656", m.GetString(IsoField.AcquirerId));
            Assert.AreEqual("100609010224", m.GetString(IsoField.Rrn));
            Assert.AreEqual("00", m.GetString(IsoField.ResponseCode));
            Assert.AreEqual("00000901", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("360", m.GetString(IsoField.Currency));
            Assert.AreEqual("100236C0102240000000", m.GetString(54));
            AssertPacksTo(m, msg, 0);
        }

        [TestMethod]
        public void ReadmeAscii0200_Decodes_AndPacksBackIdentically()
        {
            byte[] msg = Ascii.GetBytes(GoldenFrames.ReadmeRequest0200);
            IsoMessage m = new IsoMessage(Iso87AsciiSpec.Spec);
            IsoCodec.Unpack(msg, 0, msg.Length, m);
            Assert.AreEqual(200, m.Mti);
            Assert.AreEqual("000010", m.GetString(IsoField.ProcessingCode));
            Assert.AreEqual("000000001500", m.GetString(IsoField.Amount));
            Assert.AreEqual("1206041200", m.GetString(IsoField.TransmissionDateTime));
            Assert.AreEqual("000001", m.GetString(IsoField.Stan));
            Assert.AreEqual("12340001", m.GetString(IsoField.TerminalId));
            Assert.AreEqual("840", m.GetString(IsoField.Currency));
            AssertPacksTo(m, msg, 0);
        }

        [TestMethod]
        public void GoldenFrames_CutAtEveryLength_GiveTypedErrorsOnly()
        {
            // Every proper prefix of a real message must be rejected with an IsoFormatException, never decoded.
            byte[] msg = Hex.Decode(GoldenFrames.CsdnContactlessSale0200);
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            for (int len = 0; len < msg.Length - 13; len++)
            {
                int cut = len;
                Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Unpack(msg, 13, cut, m); });
            }
        }
    }
}
