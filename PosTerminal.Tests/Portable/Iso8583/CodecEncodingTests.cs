#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Iso8583;
using PosTerminal.Util;

namespace PosTerminal.Tests.Iso8583
{
    /// <summary>
    /// For every encoding, length indicator and pad rule: pack to known bytes, unpack known bytes, round trip.
    /// The expected bytes are written out by hand from the rules (ISO 8583:1987; CUP 左靠/右靠 BCD).
    /// </summary>
    [TestClass]
    public class CodecEncodingTests
    {
        // case, value (hex for b fields), expected field bytes
        [TestMethod]
        [DataRow(1, "123456", "123456")]
        [DataRow(2, "021", "0021")]
        [DataRow(3, "021", "0210")]
        [DataRow(4, "021", "021F")]
        [DataRow(5, "6212260000123456782", "19 6212260000123456782 0")]
        [DataRow(5, "6250940000001231", "16 6250940000001231")]
        [DataRow(6, "123456789012345", "15 123456789012345F")]
        [DataRow(7, "12345", "3035 3132333435")]
        [DataRow(8, "12345678901", "0011 123456789010")]
        [DataRow(9, "1234", "303034 31323334")]
        [DataRow(10, "1234", "04 1234")]
        [DataRow(10, "123", "03 0123")]
        [DataRow(11, "12345", "0005 012345")]
        [DataRow(12, "000000012345", "303030303030303132333435")]
        [DataRow(13, "00", "3030")]
        [DataRow(14, "TERM 01@", "5445524D20303140")]
        [DataRow(15, "CUP", "0003 435550")]
        [DataRow(16, "0123456789ABCDEF", "0123456789ABCDEF")]
        [DataRow(17, "5F01021234", "0005 5F01021234")]
        [DataRow(18, "00FF10", "03 00FF10")]
        [DataRow(19, "0123456789ABCDEF", "30313233343536373839414243444546")]
        [DataRow(20, "9F2701", "303033 394632373031")]
        [DataRow(21, "6212260000123456782=30121011234567890", "37 6212260000123456782D30121011234567890 0")]
        [DataRow(22, "4761739001010010=3012101", "3234 343736313733393030313031303031303D33303132313031")]
        [DataRow(23, "4761739001010010=3012", "21 4761739001010010D3012F")]
        [DataRow(24, "ABC", "414243")]
        [DataRow(25, "A1 B2", "3035 41312042 32")]
        [DataRow(26, "CUP", "03 435550")]
        [DataRow(27, "12=4", "12D4")]
        public void Field_KnownBytes_PackUnpackRoundTrip(int fieldCase, string value, string fieldHex)
        {
            FieldSpec fs = FieldCases.Field(fieldCase);
            bool binary = fs.Type == FieldType.Binary;
            byte[] expected = Hex.Decode(FieldCases.Prefix + fieldHex);

            // pack to known bytes
            IsoMessage m = new IsoMessage(FieldCases.Spec(fieldCase));
            m.Mti = 100;
            if (binary)
            {
                byte[] v = Hex.Decode(value);
                m.SetBytes(2, v, 0, v.Length);
            }
            else
            {
                m.Set(2, value);
            }
            byte[] buf = new byte[512];
            int n = IsoCodec.Pack(m, buf, 3);
            CollectionAssert.AreEqual(expected, Bytes.Copy(buf, 3, n));

            // unpack known bytes
            IsoMessage u = new IsoMessage(FieldCases.Spec(fieldCase));
            IsoCodec.Unpack(expected, 0, expected.Length, u);
            Assert.AreEqual(100, u.Mti);
            string got = binary ? Hex.Encode(Bytes.Copy(u.Pool, u.Start(2), u.Length(2))) : u.GetString(2);
            Assert.AreEqual(value, got);
            Assert.AreEqual(10, u.WireOffset(2));
            Assert.AreEqual(expected.Length - 10, u.WireLength(2));

            // round trip: packing what was unpacked gives the same bytes
            int n2 = IsoCodec.Pack(u, buf, 0);
            CollectionAssert.AreEqual(expected, Bytes.Copy(buf, 0, n2));
        }

        [TestMethod]
        public void Mti_Ascii_PackUnpackRoundTrip()
        {
            FieldSpec[] f = new FieldSpec[65];
            f[3] = FieldSpec.Fixed(6, FieldType.Numeric, FieldEncoding.Ascii, "n6");
            MessageSpec spec = new MessageSpec("t", FieldEncoding.Ascii, FieldEncoding.HexAscii, f);
            byte[] expected = Ascii.GetBytes("0800" + "2000000000000000" + "990000");
            IsoMessage m = new IsoMessage(spec);
            m.Mti = 800;
            m.Set(3, "990000");
            byte[] buf = new byte[64];
            int n = IsoCodec.Pack(m, buf, 0);
            CollectionAssert.AreEqual(expected, Bytes.Copy(buf, 0, n));
            IsoMessage u = new IsoMessage(spec);
            IsoCodec.Unpack(expected, 0, expected.Length, u);
            Assert.AreEqual(800, u.Mti);
            Assert.AreEqual("990000", u.GetString(3));
        }

        [TestMethod]
        public void SecondaryBitmap_Binary_PackUnpackRoundTrip()
        {
            FieldSpec[] f = new FieldSpec[129];
            f[3] = FieldSpec.Fixed(6, FieldType.Numeric, FieldEncoding.Bcd, "n6");
            f[70] = FieldSpec.Fixed(3, FieldType.Numeric, FieldEncoding.Bcd, "n3");
            f[128] = FieldSpec.Fixed(8, FieldType.Binary, FieldEncoding.Binary, "b8");
            MessageSpec spec = new MessageSpec("t", FieldEncoding.Bcd, FieldEncoding.Binary, f);
            // bit 1 (secondary present) + bit 3; secondary: bit 70 (6th of the second map) + bit 128
            byte[] expected = Hex.Decode("0800 A000000000000000 0400000000000001 990000 0301 1122334455667788");
            IsoMessage m = new IsoMessage(spec);
            m.Mti = 800;
            m.Set(3, "990000");
            m.Set(70, "301");
            byte[] mac = Hex.Decode("1122334455667788");
            m.SetBytes(128, mac, 0, 8);
            byte[] buf = new byte[64];
            int n = IsoCodec.Pack(m, buf, 0);
            CollectionAssert.AreEqual(expected, Bytes.Copy(buf, 0, n));
            IsoMessage u = new IsoMessage(spec);
            IsoCodec.Unpack(expected, 0, expected.Length, u);
            Assert.AreEqual("301", u.GetString(70));
            Assert.AreEqual(8, u.Length(128));
            Assert.IsTrue(u.ValueEquals(128, m));
            Assert.AreEqual(16, u.WireLength(1));
        }

        [TestMethod]
        public void SecondaryBitmap_HexAscii_PackUnpackRoundTrip()
        {
            MessageSpec spec = PosTerminal.Iso8583.Profiles.Iso87AsciiSpec.Spec;
            byte[] expected = Ascii.GetBytes("0800" + "A000000000000000" + "0400000000000000" + "990000" + "301");
            IsoMessage m = new IsoMessage(spec);
            m.Mti = 800;
            m.Set(3, "990000");
            m.Set(70, "301");
            byte[] buf = new byte[64];
            int n = IsoCodec.Pack(m, buf, 0);
            CollectionAssert.AreEqual(expected, Bytes.Copy(buf, 0, n));
            IsoMessage u = new IsoMessage(spec);
            IsoCodec.Unpack(expected, 0, expected.Length, u);
            Assert.AreEqual("301", u.GetString(70));
            Assert.AreEqual(32, u.WireLength(1));
        }

        [TestMethod]
        public void SetNumber_FixedField_ZeroFilled()
        {
            IsoMessage m = new IsoMessage(PosTerminal.Iso8583.Profiles.CupSpec.Spec);
            m.SetNumber(IsoField.Amount, 12345);
            m.SetNumber(IsoField.Stan, 7);
            Assert.AreEqual("000000012345", m.GetString(IsoField.Amount));
            Assert.AreEqual("000007", m.GetString(IsoField.Stan));
            Assert.AreEqual(12345L, m.GetNumber(IsoField.Amount));
        }

        [TestMethod]
        public void Compaction_WithEmptyValues_KeepsEveryValueIntact()
        {
            IsoMessage m = new IsoMessage(PosTerminal.Iso8583.Profiles.CupSpec.Spec, 64);
            m.Set(IsoField.AdditionalResponse, "");
            m.Set(IsoField.Reserved63, "ABCDEFGH");
            for (int i = 0; i < 20; i++)
            {
                m.Set(IsoField.Rrn, "yyyyyyyyyyyy");
                m.Remove(IsoField.Rrn);
                m.Set(IsoField.TerminalId, "T000000" + (i % 10).ToString());
            }
            Assert.AreEqual("ABCDEFGH", m.GetString(IsoField.Reserved63));
            Assert.AreEqual("", m.GetString(IsoField.AdditionalResponse));
            Assert.AreEqual("T0000009", m.GetString(IsoField.TerminalId));
        }

        [TestMethod]
        public void ReusedMessage_ReplacedAndRemovedValues_AreWipedAndCompacted()
        {
            IsoMessage m = new IsoMessage(PosTerminal.Iso8583.Profiles.CupSpec.Spec, 64);
            for (int i = 0; i < 50; i++)
            {
                m.Set(IsoField.TerminalId, "T000000" + (i % 10).ToString());
                m.Set(IsoField.MerchantId, "123456789012345");
                m.Remove(IsoField.MerchantId);
                m.Set(IsoField.Rrn, "000000000001");
            }
            Assert.AreEqual("T0000009", m.GetString(IsoField.TerminalId));
            Assert.IsFalse(m.Has(IsoField.MerchantId));
            m.Clear();
            for (int i = 0; i < m.Pool.Length; i++) Assert.AreEqual((byte)0, m.Pool[i]);
        }
    }
}
