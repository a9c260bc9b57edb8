#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards.Magstripe;

namespace PosTerminal.Tests.Cards
{
    /// <summary>F2F (Aiken biphase) flux intervals to bits, on hand-built interval sequences.</summary>
    [TestClass]
    public class F2fDecoderTests
    {
        private const string Pattern = "0000000000000000" + "11010" + "10000" + "01101" + "00001" + "11111" + "0000000000000000";

        private static string DecodeText(int[] intervals)
        {
            F2fDecoder d = new F2fDecoder(1024);
            byte[] bits = new byte[1024];
            int n = d.Decode(intervals, 0, intervals.Length, bits, 0, bits.Length);
            return StripeBits.Text(bits, 0, n);
        }

        [TestMethod]
        [DataRow(200, 200)]       // steady (track 2 at ~170 cm/s: 200 µs cells)
        [DataRow(3000, 3000)]     // slow
        [DataRow(400, 250)]       // speeding up 1.6x within 57 cells (a whole card of 250 cells allows 5x, see the host tests)
        [DataRow(250, 400)]       // slowing down 1.6x
        public void Decode_CleanSwipe_GivesTheBits(int firstCellUs, int lastCellUs)
        {
            int[] iv = StripeBits.Flux(StripeBits.Parse(Pattern), firstCellUs, lastCellUs);
            Assert.AreEqual(Pattern, DecodeText(iv));
        }

        [TestMethod]
        public void Decode_HalfCellsStretchedAndWholeCellsShrunkBy20Percent_StillSplit()
        {
            byte[] bits = StripeBits.Parse(Pattern);
            int[] iv = StripeBits.Flux(bits, 1000, 1000);
            // the worst cases next to each other, the mean cell unchanged: every first half cell +20 % (600), every
            // second one -20 % (400), whole cells alternately -20 % (800) and +20 % (1200)
            bool shrink = true;
            for (int i = 0; i < iv.Length; i++)
            {
                if (iv[i] == 500)
                {
                    iv[i] = 600;
                    iv[i + 1] = 400;
                    i++;
                }
                else
                {
                    iv[i] = shrink ? 800 : 1200;
                    shrink = !shrink;
                }
            }
            Assert.AreEqual(Pattern, DecodeText(iv));
        }

        // clean[index] split into before, width (the pulse) and the rest.
        private static int[] InsertPulse(int[] clean, int index, int before, int width)
        {
            int[] noisy = new int[clean.Length + 2];
            for (int i = 0; i < index; i++) noisy[i] = clean[i];
            noisy[index] = before;
            noisy[index + 1] = width;
            noisy[index + 2] = clean[index] - before - width;
            for (int i = index + 1; i < clean.Length; i++) noisy[i + 2] = clean[i];
            return noisy;
        }

        [TestMethod]
        [DataRow(12, 400, 40)]      // inside a whole cell of the clocking zeros
        [DataRow(12, 20, 30)]       // right after the cell's transition (the sliver before the pulse is tiny too)
        [DataRow(12, 930, 40)]      // right before the next transition
        [DataRow(16, 200, 30)]      // inside the first half cell of the start sentinel
        [DataRow(17, 10, 20)]       // at the start of the second half cell
        [DataRow(20, 300, 60)]      // inside the whole cell of the sentinel's third bit
        public void Decode_SpuriousPulse_IsMerged(int index, int before, int width)
        {
            int[] clean = StripeBits.Flux(StripeBits.Parse(Pattern), 1000, 1000);
            Assert.AreEqual(Pattern, DecodeText(InsertPulse(clean, index, before, width)));
        }

        [TestMethod]
        public void Decode_RewritesTheIntervalsInPlaceOnlyWhenMerging()
        {
            int[] iv = StripeBits.Flux(StripeBits.Parse(Pattern), 500, 500);
            int[] copy = (int[])iv.Clone();
            DecodeText(iv);
            CollectionAssert.AreEqual(copy, iv);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(7)]
        public void Decode_TooFewIntervals_GivesNoBits(int count)
        {
            int[] iv = new int[count];
            for (int i = 0; i < count; i++) iv[i] = 300;
            Assert.AreEqual("", DecodeText(iv));
        }

        [TestMethod]
        public void Decode_StopsAtMaxBits()
        {
            int[] iv = StripeBits.Flux(StripeBits.Parse(Pattern), 300, 300);
            F2fDecoder d = new F2fDecoder(1024);
            byte[] bits = new byte[10];
            Assert.AreEqual(10, d.Decode(iv, 0, iv.Length, bits, 0, 10));
        }

        [TestMethod]
        public void Constructor_TooSmall_Throws()
        {
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new F2fDecoder(4); });
        }
    }
}
