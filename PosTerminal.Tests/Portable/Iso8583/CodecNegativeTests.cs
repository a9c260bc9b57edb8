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
    /// Malformed input: every row must give exactly the typed error (error code, field, byte offset from the
    /// MTI), never a wrong value, an exception of another type, or a read past the buffer. Errors are passed
    /// as numbers because attribute rows hold constants only (IsoError values: 1 Truncated, 2 LengthOverMax,
    /// 3 LengthMismatch, 4 BadLength, 5 BadDigit, 6 BadPadding, 7 BadBitmap, 8 FieldNotInSpec, 9 TrailingBytes,
    /// 10 BadMti, 11 BufferTooSmall).
    /// </summary>
    [TestClass]
    public class CodecNegativeTests
    {
        private const string P = FieldCases.Prefix;

        [TestMethod]
        [DataRow(1, P + "1234", 1, 2, 10)]                                  // fixed field cut short
        [DataRow(1, P + "12345A", 5, 2, 12)]                                // nibble A in n
        [DataRow(1, P + "12D456", 5, 2, 11)]                                // nibble D (track separator) in n
        [DataRow(2, P + "1021", 6, 2, 10)]                                  // right-aligned n3 with leading 1
        [DataRow(3, P + "0215", 6, 2, 11)]                                  // left-aligned n3 with trailing pad 5
        [DataRow(5, P + "1A 6212260000123456782 0", 4, 2, 10)]             // LL BCD indicator with nibble A
        [DataRow(5, P + "20 62122600001234567820", 2, 2, 10)]              // LL 20 > max 19
        [DataRow(5, P + "19 62122600001234", 1, 2, 11)]                    // LL value cut short
        [DataRow(5, P, 1, 2, 10)]                                           // LL indicator missing
        [DataRow(7, P + "3035 3132334135", 5, 2, 15)]                       // letter in ASCII n
        [DataRow(7, P + "3A35 3132333435", 4, 2, 10)]                       // ASCII LL indicator not digits
        [DataRow(8, P + "1000 00", 2, 2, 10)]                               // LLL BCD 1000 > 999
        [DataRow(8, P + "00", 1, 2, 10)]                                    // LLL BCD indicator cut
        [DataRow(9, P + "3033", 1, 2, 10)]                                  // LLL ASCII indicator cut
        [DataRow(11, P + "03E8 00", 2, 2, 10)]                              // LLL binary 1000 > 999
        [DataRow(12, P + "303030303030303030303030 2D", 9, 2, 22)]          // a byte after the last field
        [DataRow(12, P + "3030303030303030303030 2D", 5, 2, 21)]            // '-' in ASCII n12
        [DataRow(13, P + "3040", 5, 2, 11)]                                 // '@' in an
        [DataRow(14, P + "5445524D0A303140", 5, 2, 14)]                     // line feed in ans
        [DataRow(14, P + "5445524D7F303140", 5, 2, 14)]                     // DEL in ans
        [DataRow(24, P + "413142", 5, 2, 11)]                               // digit in a
        [DataRow(19, P + "303132333435363738394142434445 47", 5, 2, 25)]    // 'G' in hex b
        [DataRow(21, P + "04 12E4", 5, 2, 12)]                              // nibble E in z
        [DataRow(21, P + "03 1235", 6, 2, 12)]                              // z pad nibble 5
        [DataRow(17, P + "0005 5F010212", 1, 2, 12)]                        // LLL b declared 5, 4 present
        [DataRow(26, P + "64 435550", 2, 2, 10)]                            // LL binary 100 > 99
        [DataRow(1, "0100 6000000000000000 123456 123456", 8, 3, 13)]        // bitmap names a field not in spec
        [DataRow(1, "0100 C000000000000000 0000000000000000", 8, 1, 2)]     // secondary bitmap in a 64-field spec
        [DataRow(1, "0100 400000", 1, 1, 2)]                                // bitmap cut short
        [DataRow(1, "", 1, 0, 0)]                                            // empty message
        [DataRow(1, "01", 1, 0, 0)]                                          // MTI cut short
        [DataRow(1, "01A0 4000000000000000 123456", 10, 0, 1)]              // BCD MTI nibble A
        [DataRow(FieldCases.AsciiProfile, "30385830 32303030303030303030303030303030 393930303030", 10, 0, 0)]   // "08X0"
        [DataRow(FieldCases.AsciiProfile, "30383030 32303030303030303030303030304730 393930303030", 7, 1, 18)]  // 'G' in hex bitmap
        [DataRow(FieldCases.AsciiProfile, "30383030 41303030303030303030303030303030 3034303030", 1, 1, 20)]   // secondary bitmap cut
        [DataRow(FieldCases.AsciiProfile, "30323030 30303030303030303030303030303031", 1, 64, 20)]            // F64 announced, absent
        [DataRow(FieldCases.AsciiProfile, "30323030 30383030303030303030303030303030 3132", 8, 5, 20)]       // F5 not in the profile
        public void Unpack_Malformed_ThrowsTypedError(int spec, string hex, int error, int field, int offset)
        {
            byte[] bytes = Hex.Decode(hex);
            IsoMessage m = new IsoMessage(FieldCases.Spec(spec));
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Unpack(bytes, 0, bytes.Length, m); });
            Assert.AreEqual(error, (int)e.Error);
            Assert.AreEqual(field, e.Field);
            Assert.AreEqual(offset, e.Offset);
        }

        [TestMethod]
        public void Unpack_NeverReadsPastTheGivenRange()
        {
            // A valid 4-byte field follows in the array, but the caller says the message ends before it.
            byte[] bytes = Hex.Decode(P + "123456");
            IsoMessage m = new IsoMessage(FieldCases.Spec(1));
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Unpack(bytes, 0, bytes.Length - 1, m); });
            Assert.AreEqual((int)IsoError.Truncated, (int)e.Error);
            Assert.AreEqual(2, e.Field);
        }

        [TestMethod]
        [DataRow(1, "12345", 3, 2, 10)]                                     // fixed n6 given 5 digits
        [DataRow(5, "62122600001234567820", 2, 2, 10)]                      // LL max 19 given 20
        [DataRow(1, "12A456", 5, 2, 10)]                                    // letter in n
        [DataRow(22, "4761=ab", 5, 2, 10)]                                  // letters in z
        [DataRow(13, "0@", 5, 2, 10)]                                       // '@' in an
        [DataRow(24, "AB1", 5, 2, 10)]                                      // digit in a
        [DataRow(27, "1234=", 3, 2, 10)]                                    // fixed z4 given 5
        public void Pack_InvalidValue_ThrowsTypedError(int spec, string value, int error, int field, int offset)
        {
            IsoMessage m = new IsoMessage(FieldCases.Spec(spec));
            m.Mti = 100;
            m.Set(2, value);
            byte[] buf = new byte[128];
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Pack(m, buf, 0); });
            Assert.AreEqual(error, (int)e.Error);
            Assert.AreEqual(field, e.Field);
            Assert.AreEqual(offset, e.Offset);
        }

        [TestMethod]
        public void Unpack_ValuesOutgrowTheMessagePool_ThrowsBufferTooSmall()
        {
            byte[] bytes = Hex.Decode(P + "0048 " + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
            IsoMessage m = new IsoMessage(FieldCases.Spec(17), 40);
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Unpack(bytes, 0, bytes.Length, m); });
            Assert.AreEqual((int)IsoError.BufferTooSmall, (int)e.Error);
            Assert.AreEqual(2, e.Field);
            Assert.AreEqual(10, e.Offset);
        }

        [TestMethod]
        public void Pack_MtiNotSet_ThrowsBadMti()
        {
            IsoMessage m = new IsoMessage(FieldCases.Spec(1));
            m.Set(2, "123456");
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Pack(m, new byte[64], 0); });
            Assert.AreEqual((int)IsoError.BadMti, (int)e.Error);
            Assert.AreEqual(0, e.Field);
        }

        [TestMethod]
        public void Pack_BufferTooSmall_ThrowsAndWritesNothingPastIt()
        {
            IsoMessage m = new IsoMessage(FieldCases.Spec(1));
            m.Mti = 100;
            m.Set(2, "123456");
            byte[] buf = new byte[12];
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Pack(m, buf, 0); });
            Assert.AreEqual((int)IsoError.BufferTooSmall, (int)e.Error);
            Assert.AreEqual(2, e.Field);
        }

        [TestMethod]
        public void Set_FieldNotInSpec_ThrowsArgumentOutOfRange()
        {
            IsoMessage m = new IsoMessage(FieldCases.Spec(1));
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { m.Set(3, "1"); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { m.Set(1, "1"); });
        }

        [TestMethod]
        public void FormatError_CarriesNoCardData()
        {
            // A track with a bad nibble: the exception holds numbers only; its text has no digits of the track.
            byte[] bytes = Hex.Decode(P + "37 6212260000123456782D3012101123456789E 0");
            IsoMessage m = new IsoMessage(FieldCases.Spec(21));
            IsoFormatException e = (IsoFormatException)Expect.Throws(typeof(IsoFormatException), delegate { IsoCodec.Unpack(bytes, 0, bytes.Length, m); });
            Assert.AreEqual((int)IsoError.BadDigit, (int)e.Error);
            string text = e.ToString();
            Assert.IsFalse(text != null && text.IndexOf("621226") >= 0);
            string message = e.Message;
            Assert.IsFalse(message != null && message.IndexOf("6782") >= 0);
        }
    }
}
