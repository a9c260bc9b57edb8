#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Emv;
using PosTerminal.Util;

namespace PosTerminal.Tests.Emv
{
    /// <summary>
    /// Malformed BER-TLV: every case is refused with its error, tag and offset, by the throwing walk and by
    /// <see cref="TlvReader.Validate"/> alike, and nothing outside the given range is read.
    /// </summary>
    [TestClass]
    public class TlvNegativeTests
    {
        private const int Truncated = (int)TlvError.Truncated;
        private const int Overrun = (int)TlvError.Overrun;
        private const int Indefinite = (int)TlvError.IndefiniteLength;
        private const int LengthTooLong = (int)TlvError.LengthTooLong;
        private const int TagTooLong = (int)TlvError.TagTooLong;
        private const int BadTag = (int)TlvError.BadTag;
        private const int TooDeep = (int)TlvError.TooDeep;

        [TestMethod]
        // tlv.json "reject" cases
        [DataRow("9F0206000000", Truncated, 0x9F02, 0)]                  // 6 bytes declared, 3 present
        [DataRow("70805A0112", Indefinite, 0x70, 1)]                     // indefinite length inside EMV data
        [DataRow("70035A0512", Overrun, 0x5A, 2)]                        // child overruns its parent
        [DataRow(TlvVectors.ThreeByteTagAsPublished, Truncated, 0xDF8107, 0)]   // 0x42 declared, 0x40 follow
        // cut inside the tag or the length
        [DataRow("9F", Truncated, 0x9F, 0)]                              // 2-byte tag, second byte missing
        [DataRow("DF81", Truncated, 0xDF81, 0)]                          // 3-byte tag, third byte missing
        [DataRow("5A", Truncated, 0x5A, 0)]                              // no length
        [DataRow("9F02", Truncated, 0x9F02, 0)]                          // no length after a 2-byte tag
        [DataRow("5A81", Truncated, 0x5A, 0)]                            // 81 with no following byte
        [DataRow("5A8201", Truncated, 0x5A, 0)]                          // 82 with one of its two bytes
        [DataRow("5A0512345678", Truncated, 0x5A, 0)]                    // value one byte short
        [DataRow("5A81051234", Truncated, 0x5A, 0)]                      // long form, value short
        [DataRow("5A82FFFF12", Truncated, 0x5A, 0)]                      // 65535 declared
        [DataRow("9F02060000000000019F03", Truncated, 0x9F03, 9)]        // second element cut
        [DataRow("6F058403A0000012", Truncated, 0x12, 7)]                // trailing byte after a complete template
        [DataRow("0000005A0212", Truncated, 0x5A, 3)]                    // after padding
        // lengths EMV does not use
        [DataRow("5A830000010012", LengthTooLong, 0x5A, 1)]              // 3 length bytes
        [DataRow("5A840000000112", LengthTooLong, 0x5A, 1)]              // 4 length bytes
        [DataRow("5AFF12", LengthTooLong, 0x5A, 1)]                      // FF: reserved (ISO/IEC 8825-1 8.1.3.5)
        [DataRow("6F03A58000", Indefinite, 0xA5, 3)]                     // indefinite, nested
        // tags
        [DataRow("DF81810100", TagTooLong, 0xDF8181, 0)]                 // fourth tag byte announced
        [DataRow("1F8180010100", TagTooLong, 0x1F8180, 0)]
        [DataRow("FF0100", BadTag, 0xFF, 0)]                             // FF first byte (ISO/IEC 7816-4 5.2.2.1)
        [DataRow("7003FF0100", BadTag, 0xFF, 2)]                         // nested
        // children that do not fit their parent
        [DataRow("70029F02", Overrun, 0x9F02, 2)]                        // child length outside the parent
        [DataRow("70025A8101", Overrun, 0x5A, 2)]                        // the byte after the child's 81 is outside
        [DataRow("700461025A02", Overrun, 0x5A, 4)]                      // two levels down
        [DataRow("7001DF", Overrun, 0xDF, 2)]                            // child tag cut by the parent's end
        [DataRow("70035A0112 9F", Truncated, 0x9F, 5)]                   // fine template, then a cut tag
        public void Malformed_RefusedWithErrorTagAndOffset(string hex, int error, int tag, int offset)
        {
            byte[] b = Hex.Decode(hex);
            AssertRefused(b, 0, b.Length, error, tag, offset);
        }

        [TestMethod]
        public void NestedBeyondMaxDepth_TooDeep()
        {
            string hex = "C101AA";
            for (int i = 0; i <= TlvReader.MaxDepth; i++) hex = "E1" + (hex.Length / 2).ToString("X2") + hex;
            byte[] b = Hex.Decode(hex);
            AssertRefused(b, 0, b.Length, TooDeep, 0xE1, 2 * TlvReader.MaxDepth);
        }

        [TestMethod]
        [DataRow("AA 5A02 1234 BB", 1, 3, Truncated, 0x5A, 0)]           // the value's second byte is outside the range
        [DataRow("EE 9F 36 EE", 1, 1, Truncated, 0x9F, 0)]               // the tag's second byte is outside
        [DataRow("EE EE 5A 81 05", 2, 2, Truncated, 0x5A, 0)]            // the 81 length byte's follower is outside
        [DataRow("EE 70 03 5A 01 12 34", 1, 4, Truncated, 0x70, 0)]      // parent cut by the range, its child complete beyond it
        public void RangeInsideALargerBuffer_BytesOutsideNeverUsed(string hex, int offset, int count, int error, int tag, int at)
        {
            byte[] b = Hex.Decode(hex);
            AssertRefused(b, offset, count, error, tag, at);
        }

        [TestMethod]
        public void NextAtTopLevel_ThrowsOnlyWhenTheBadElementIsReached()
        {
            byte[] b = Hex.Decode("5A0112 9F");
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            TlvFormatException e = (TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { r.Next(); });
            Assert.AreEqual(Truncated, (int)e.Error);
            Assert.AreEqual(3, e.Offset);
        }

        [TestMethod]
        public void Find_MalformedBeforeTheTag_Throws_AfterIt_Finds()
        {
            byte[] b = Hex.Decode("5A0112 9F3601AA 9F");
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Find(0x9F36));
            r.Rewind();
            Expect.Throws(typeof(TlvFormatException), delegate { r.Find(0x9F37); });
        }

        // The throwing walk and Validate agree on error, tag and offset.
        private static void AssertRefused(byte[] b, int offset, int count, int error, int tag, int at)
        {
            TlvReader r = new TlvReader(b, offset, count);
            TlvFormatException e = (TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate
            {
                while (r.Walk())
                {
                }
            });
            Assert.AreEqual(error, (int)e.Error);
            Assert.AreEqual(tag, e.Tag);
            Assert.AreEqual(at, e.Offset);
            r.Reset(b, offset, count);
            Assert.AreEqual(error, (int)r.Validate());
            Assert.AreEqual(tag, r.ErrorTag);
            Assert.AreEqual(at, r.ErrorOffset);
        }
    }
}
