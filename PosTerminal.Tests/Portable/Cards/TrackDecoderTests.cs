#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards.Magstripe;
using PosTerminal.Util;

namespace PosTerminal.Tests.Cards
{
    /// <summary>
    /// Bits to characters (ISO/IEC 7811-2, ISO/IEC 7813) on hand-built streams: the 5- and 7-bit codes come from the
    /// character tables (<see cref="StripeBits"/>), the LRC characters are worked out by hand below.
    /// </summary>
    [TestClass]
    public class TrackDecoderTests
    {
        // Visa's test account 4761 7390 0101 0010 on track 2. Column XOR of the data bits of all 36 characters from
        // ';' through '?' = 0x1, so the LRC character is 0x1 ("1000" + odd parity "0").
        private const string VisaTrack2 = ";4761739001010010=30121010000000000?";
        private const string VisaTrack2Lrc = "10000";

        // The same account on track 1 (format B); column XOR = 0x2D, LRC "101101" + odd parity "1".
        private const string VisaTrack1 = "%B4761739001010010^TEST/CARD^30121010000000000?";
        private const string VisaTrack1Lrc = "1011011";

        private static byte[] Track2Stream(string chars, string lrc, int lead, int trail)
        {
            return StripeBits.Parse(StripeBits.Zeros(lead) + StripeBits.Track2Codes(chars) + lrc + StripeBits.Zeros(trail));
        }

        private static MagstripeStatus Decode(MagstripeTrack track, byte[] bits, out string chars, out bool reversed)
        {
            byte[] c = new byte[TrackFormat.MaxCharacters(track)];
            int n;
            MagstripeStatus s = TrackDecoder.Decode(track, bits, 0, bits.Length, c, 0, out n, out reversed);
            chars = Ascii.GetString(c, 0, n);
            return s;
        }

        [TestMethod]
        public void SentinelPatterns_AreTheTabulatedValues()
        {
            Assert.AreEqual(0x0B, TrackFormat.StartSentinelPattern(MagstripeTrack.Track2));
            Assert.AreEqual(0x45, TrackFormat.StartSentinelPattern(MagstripeTrack.Track1));
            Assert.AreEqual("11010", StripeBits.Track2Codes(";"));
            Assert.AreEqual("1010001", StripeBits.Track1Code('%'));
            Assert.AreEqual(284, TrackFormat.MaxBits(MagstripeTrack.Track2));
            Assert.AreEqual(739, TrackFormat.MaxBits(MagstripeTrack.Track1));
        }

        [TestMethod]
        public void Track2_HandBuiltStream_DecodesForward()
        {
            byte[] bits = Track2Stream(VisaTrack2, VisaTrack2Lrc, 22, 30);
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual(VisaTrack2, chars);
            Assert.IsFalse(reversed);
        }

        [TestMethod]
        public void Track2_ReversedStream_DecodesBackward()
        {
            byte[] bits = StripeBits.Reversed(Track2Stream(VisaTrack2, VisaTrack2Lrc, 22, 30));
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual(VisaTrack2, chars);
            Assert.IsTrue(reversed);
        }

        [TestMethod]
        public void Track1_HandBuiltStream_DecodesBothWays()
        {
            string text = StripeBits.Zeros(61) + StripeBits.Track1Codes(VisaTrack1) + VisaTrack1Lrc + StripeBits.Zeros(40);
            byte[] bits = StripeBits.Parse(text);
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track1, bits, out chars, out reversed));
            Assert.AreEqual(VisaTrack1, chars);
            Assert.IsFalse(reversed);
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track1, StripeBits.Reversed(bits), out chars, out reversed));
            Assert.AreEqual(VisaTrack1, chars);
            Assert.IsTrue(reversed);
        }

        [TestMethod]
        [DataRow(4, 0)]
        [DataRow(3, 3)]
        [DataRow(0, 3)]
        public void Track2_StartSentinel_NeedsFourLeadingZeros(int zeros, int status)
        {
            // ';'=0xB, '1'=0x1, '='=0xD, '?'=0xF: XOR = 0x8, LRC "0001" + odd parity "0"
            byte[] bits = Track2Stream(";1=?", "00010", zeros, 5);
            string chars;
            bool reversed;
            Assert.AreEqual(status, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual(status == 0 ? ";1=?" : "", chars);
        }

        [TestMethod]
        public void Track2_SwipeCutAtACharacterBoundary_IsNoEndSentinelNotAReversedCharacter()
        {
            // Swiped backwards and cut after 8 characters: the stream starts with the 8th character reversed, which
            // keeps its odd parity; it must not be taken for a start.
            string text = StripeBits.Zeros(22) + StripeBits.Track2Codes(";4761739");
            byte[] bits = StripeBits.Reversed(StripeBits.Parse(text));
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoEndSentinel, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
        }

        [TestMethod]
        public void Track2_NoiseOnesInTheLeadIn_AreSkipped()
        {
            byte[] bits = StripeBits.Parse("000010000001000000000" + StripeBits.Track2Codes(VisaTrack2) + VisaTrack2Lrc + StripeBits.Zeros(20));
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual(VisaTrack2, chars);
        }

        [TestMethod]
        [DataRow(22 + 5 * 4 + 1, 4)]     // a data bit of the 5th character: parity
        [DataRow(22 + 5 * 20 + 4, 4)]    // the parity bit of the 21st character
        [DataRow(22 + 5 * 36 + 2, 6)]    // a bit of the LRC character: its parity fails
        [DataRow(22 + 0, 3)]             // the start sentinel: none found (either way)
        public void Track2_FlippedBit_GivesTheReason(int bit, int status)
        {
            byte[] bits = Track2Stream(VisaTrack2, VisaTrack2Lrc, 22, 30);
            bits[bit] ^= 1;
            string chars;
            bool reversed;
            Assert.AreEqual(status, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual("", chars);
        }

        [TestMethod]
        public void Track2_WrongLrcWithGoodParity_IsLrc()
        {
            byte[] bits = Track2Stream(VisaTrack2, "00100" /* 0x4, odd parity */, 22, 30);
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Lrc, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
        }

        [TestMethod]
        public void Track2_TwoFlipsInOneCharacter_KeepParityButFailLrc()
        {
            byte[] bits = Track2Stream(VisaTrack2, VisaTrack2Lrc, 22, 30);
            int c = 22 + 5 * 10;           // 11th character: flip a data bit and its parity bit
            bits[c + 1] ^= 1;
            bits[c + 4] ^= 1;
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Lrc, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
        }

        [TestMethod]
        public void Track2_CutBeforeTheEndSentinel_IsNoEndSentinel()
        {
            string text = StripeBits.Zeros(22) + StripeBits.Track2Codes(";4761739001010010=3012");
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoEndSentinel, (int)Decode(MagstripeTrack.Track2, StripeBits.Parse(text), out chars, out reversed));
            Assert.AreEqual((int)MagstripeStatus.NoEndSentinel, (int)Decode(MagstripeTrack.Track2, StripeBits.Reversed(StripeBits.Parse(text)), out chars, out reversed));
        }

        [TestMethod]
        [DataRow("00000", 0)]
        [DataRow("0000", 9)]
        [DataRow("", 9)]
        [DataRow("00100", 9)]
        [DataRow("00001", 9)]
        public void Track2_ClockingZerosAfterTheLrc_AreRequired(string after, int status)
        {
            byte[] bits = StripeBits.Parse(StripeBits.Zeros(22) + StripeBits.Track2Codes(";1=?") + "00010" + after);
            string chars;
            bool reversed;
            Assert.AreEqual(status, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual(status == 0 ? ";1=?" : "", chars);
            Assert.AreEqual(5, TrackDecoder.TrailingZeros(MagstripeTrack.Track2));
            Assert.AreEqual(7, TrackDecoder.TrailingZeros(MagstripeTrack.Track1));
        }

        [TestMethod]
        public void Track2_TwoFlipsMakingAnEndSentinel_AreCaughtByTheTrailingZeros()
        {
            // "...012345?": flipping bits 2 and 3 of '3' (11001) gives '?' (11111) with good parity; the following '4'
            // (0x4) then equals the column parity of ";...012?" for this track, so it passes for the LRC: only the
            // '5' after it, where clocking zeros must be, gives the damage away.
            string track = ";6250940000001231=29081010000012345?";
            int lrc = 0;
            for (int i = 0; i < track.Length; i++) lrc ^= track[i] - 0x30;
            byte[] bits = StripeBits.Parse(StripeBits.Zeros(22) + StripeBits.Track2Codes(track)
                + StripeBits.Track2Codes(new string((char)(0x30 + lrc), 1)) + StripeBits.Zeros(30));
            int three = 22 + 5 * 32;
            Assert.AreEqual("11001", StripeBits.Text(bits, three, 5));
            bits[three + 2] ^= 1;
            bits[three + 3] ^= 1;
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoTrailingZeros, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
            Assert.AreEqual("", chars);
        }

        [TestMethod]
        public void Track2_EndSentinelWithoutLrc_IsLrc()
        {
            string text = StripeBits.Zeros(22) + StripeBits.Track2Codes(VisaTrack2);
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Lrc, (int)Decode(MagstripeTrack.Track2, StripeBits.Parse(text), out chars, out reversed));
        }

        [TestMethod]
        public void Track2_MoreThanFortyCharacters_IsNoEndSentinel()
        {
            string text = StripeBits.Zeros(10) + StripeBits.Track2Codes(";" + "1234567890123456789012345678901234567890" + "?") + "00000";
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoEndSentinel, (int)Decode(MagstripeTrack.Track2, StripeBits.Parse(text), out chars, out reversed));
        }

        [TestMethod]
        public void Track2_SentinelPatternInsideTheData_IsNotTakenForTheStart()
        {
            // The real start sentinel is damaged; the data "...10" "5..." holds 0000 11010 (a sentinel after four zeros)
            // far behind the lead-in: the decoder must not start there.
            string data = StripeBits.Track2Codes("105=1?");
            string text = StripeBits.Zeros(22) + "11011" /* damaged ';' */ + data + "00000" + StripeBits.Zeros(20);
            Assert.IsTrue(text.IndexOf("000011010") > 22);
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoStartSentinel, (int)Decode(MagstripeTrack.Track2, StripeBits.Parse(text), out chars, out reversed));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(14)]
        public void TooFewBits_IsTooShort(int count)
        {
            byte[] bits = new byte[count];
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.TooShort, (int)Decode(MagstripeTrack.Track2, bits, out chars, out reversed));
        }

        [TestMethod]
        public void AllZeros_IsNoStartSentinel()
        {
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.NoStartSentinel, (int)Decode(MagstripeTrack.Track2, new byte[200], out chars, out reversed));
        }

        [TestMethod]
        public void Track3_FiveBitCharacters_Decode()
        {
            // track 3 (ISO 4909) uses the track 2 character set, at 210 bpi
            string t = ";011234=?";
            int lrc = 0;
            for (int i = 0; i < t.Length; i++) lrc ^= t[i] - 0x30;
            string lrcCode = StripeBits.Track2Codes(new string((char)(0x30 + lrc), 1));
            byte[] bits = StripeBits.Parse(StripeBits.Zeros(30) + StripeBits.Track2Codes(t) + lrcCode + StripeBits.Zeros(30));
            string chars;
            bool reversed;
            Assert.AreEqual((int)MagstripeStatus.Ok, (int)Decode(MagstripeTrack.Track3, bits, out chars, out reversed));
            Assert.AreEqual(t, chars);
        }
    }
}
