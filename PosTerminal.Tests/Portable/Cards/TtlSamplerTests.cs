#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards.Magstripe;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Cards
{
    /// <summary>TTL module lines to bits: DATA sampled on STROBE falling edges while CP is low, DATA low = 1.</summary>
    [TestClass]
    public class TtlSamplerTests
    {
        private const byte Cp = (byte)TtlLine.CardPresent;
        private const byte Strobe = (byte)TtlLine.Strobe;
        private const byte Data = (byte)TtlLine.Data;

        // Events 100 µs apart.
        private static string Sample(byte[] lines, byte[] levels)
        {
            int[] times = new int[lines.Length];
            for (int i = 0; i < times.Length; i++) times[i] = 100 * i;
            return Sample(lines, levels, times);
        }

        private static string Sample(byte[] lines, byte[] levels, int[] times)
        {
            byte[] bits = new byte[64];
            int n = TtlSampler.Sample(lines, levels, times, 0, lines.Length, bits, 0, bits.Length);
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = bits[i] == F2fDecoder.Erased ? 'x' : (char)('0' + bits[i]);
            return new string(c);
        }

        [TestMethod]
        public void Sample_StrobesWhileCardPresent_GiveInvertedData()
        {
            byte[] lines = { Cp, Strobe, Strobe, Data, Strobe, Strobe, Strobe, Strobe, Data, Strobe, Strobe, Cp };
            byte[] levels = { 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1 };
            Assert.AreEqual("0110", Sample(lines, levels));
        }

        [TestMethod]
        public void Sample_StrobesBeforeCardPresentAndAfterRelease_AreIgnored()
        {
            byte[] lines = { Strobe, Strobe, Cp, Data, Strobe, Strobe, Cp, Strobe, Strobe };
            byte[] levels = { 0, 1, 0, 0, 0, 1, 1, 0, 1 };
            Assert.AreEqual("1", Sample(lines, levels));
        }

        [TestMethod]
        public void Sample_DataChangeAfterTheFallingEdge_CountsForTheNextBit()
        {
            byte[] lines = { Cp, Strobe, Data, Strobe, Strobe, Strobe };
            byte[] levels = { 0, 0, 0, 1, 0, 1 };
            Assert.AreEqual("01", Sample(lines, levels));
        }

        [TestMethod]
        public void Sample_RepeatedLowLevel_IsNotASecondEdge()
        {
            byte[] lines = { Cp, Strobe, Strobe, Strobe };
            byte[] levels = { 0, 0, 0, 1 };
            Assert.AreEqual("0", Sample(lines, levels));
        }

        [TestMethod]
        public void Sample_StopsAtMaxBits()
        {
            byte[] lines = { Cp, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe };
            byte[] levels = { 0, 0, 1, 0, 1, 0, 1 };
            byte[] bits = new byte[2];
            Assert.AreEqual(2, TtlSampler.Sample(lines, levels, new int[lines.Length], 0, lines.Length, bits, 0, 2));
        }

        [TestMethod]
        public void Sample_GapOfThreeStrobePeriods_GivesTwoErasedBits()
        {
            // strobes every 100 µs, then one 300 µs later (two strobes lost), then back to 100 µs
            byte[] lines = { Cp, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe, Strobe, Cp };
            byte[] levels = { 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 };
            int[] times = { 0, 100, 150, 200, 250, 300, 350, 600, 650, 700, 750, 900 };
            Assert.AreEqual("000xx00", Sample(lines, levels, times));
        }

        [TestMethod]
        public void Sample_SwipeSlowingDownSteadily_HasNoErasure()
        {
            // the strobe period grows by 2 % per bit (a swipe slowing down 1.3x in 12 bits)
            int bitsCount = 12;
            byte[] lines = new byte[2 * bitsCount + 2];
            byte[] levels = new byte[lines.Length];
            int[] times = new int[lines.Length];
            lines[0] = Cp;
            int t = 0;
            int period = 100;
            for (int i = 0; i < bitsCount; i++)
            {
                t += period;
                period = period * 102 / 100;
                lines[1 + 2 * i] = Strobe;
                times[1 + 2 * i] = t;
                lines[2 + 2 * i] = Strobe;
                levels[2 + 2 * i] = 1;
                times[2 + 2 * i] = t + 10;
            }
            lines[lines.Length - 1] = Cp;
            levels[lines.Length - 1] = 1;
            times[lines.Length - 1] = t + 1000;
            Assert.AreEqual("000000000000", Sample(lines, levels, times));
        }
    }
}
