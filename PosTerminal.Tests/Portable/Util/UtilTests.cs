#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Util
{
    /// <summary>Hex, decimal, masking and currency helpers.</summary>
    [TestClass]
    public class UtilTests
    {
        [TestMethod]
        public void Hex_RoundTrip_AndRejectsBadInput()
        {
            byte[] b = Hex.Decode("00 7f Ab");
            CollectionAssert.AreEqual(new byte[] { 0x00, 0x7F, 0xAB }, b);
            Assert.AreEqual("007FAB", Hex.Encode(b));
            Expect.Throws(typeof(System.ArgumentException), delegate { Hex.Decode("0G"); });
            Expect.Throws(typeof(System.ArgumentException), delegate { Hex.Decode("ABC"); });
            byte[] dst = new byte[2];
            Assert.AreEqual(1, Hex.DecodeAscii(Ascii.GetBytes("1Z"), 0, 1, dst, 0));
        }

        [TestMethod]
        [DataRow(0L, 6, "000000")]
        [DataRow(999999L, 6, "999999")]
        [DataRow(12345L, 12, "000000012345")]
        public void Ascii_Number_ZeroFilled(long value, int width, string expected)
        {
            Assert.AreEqual(expected, Ascii.Number(value, width));
            byte[] b = Ascii.GetBytes(expected);
            Assert.AreEqual(value, Ascii.ParseNumber(b, 0, b.Length));
        }

        [TestMethod]
        public void Ascii_Number_RejectsOverflowAndNegative()
        {
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { Ascii.Number(1000000, 6); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { Ascii.Number(-1, 6); });
            Assert.AreEqual(-1L, Ascii.ParseNumber(Ascii.GetBytes("12a"), 0, 3));
            Assert.AreEqual(-1L, Ascii.ParseNumber("1.5"));
        }

        [TestMethod]
        [DataRow("6212260000123456782", "621226*********6782")]
        [DataRow("4761739001010010", "476173******0010")]
        [DataRow("476173900101", "************")]
        [DataRow("6212260000123456782=30121011234567890", "621226*********6782=*****************")]
        public void Mask_Pan_KeepsFirstSixLastFourOnly(string value, string masked)
        {
            byte[] v = Ascii.GetBytes(value);
            Assert.AreEqual(masked, Mask.Pan(v, 0, v.Length));
        }

        [TestMethod]
        public void MessageDump_MasksSensitiveFields()
        {
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            m.Mti = 200;
            m.Set(IsoField.Pan, "6212260000123456782");
            m.Set(IsoField.Track2, "6212260000123456782=30121011234567890");
            byte[] pin = Hex.Decode("0123456789ABCDEF");
            m.SetBytes(IsoField.PinBlock, pin, 0, 8);
            m.Set(IsoField.TerminalId, "88880001");
            string summary = m.ToString();
            Assert.IsTrue(summary.IndexOf("F2=621226*********6782") >= 0);
            Assert.IsTrue(summary.IndexOf("F52=[8 bytes]") >= 0);
            Assert.IsFalse(summary.IndexOf("6212260000123456782") >= 0);
            Assert.IsFalse(summary.IndexOf("0123456789ABCDEF") >= 0);
            byte[] image = new byte[256];
            int n = IsoCodec.Pack(m, image, 0);
            string listing = MessageDump.Describe(m, image, 0);
            Assert.IsFalse(listing.IndexOf("6212260000123456782") >= 0);
            Assert.IsFalse(listing.IndexOf("62 12 26 00 00 12") >= 0);
            Assert.IsFalse(listing.IndexOf("01 23 45 67") >= 0);
            Assert.IsTrue(listing.IndexOf("38 38 38 38 30 30 30 31") >= 0);
            Assert.IsTrue(n > 0);
        }

        [TestMethod]
        [DataRow(12345L, "156", "CNY 123.45")]
        [DataRow(5L, "840", "USD 0.05")]
        [DataRow(1500L, "392", "JPY 1500")]
        [DataRow(100L, "999", "999 1.00")]
        public void Currency_Format(long minor, string code, string text)
        {
            Assert.AreEqual(text, Currency.Format(minor, code));
        }
    }
}
