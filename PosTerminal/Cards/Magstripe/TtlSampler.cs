using PosTerminal.Hal;

namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// Turns the level changes of a TTL reader module's CP, STROBE and DATA lines (<see cref="ITtlLineCapture"/>) into
    /// bits: while CP is low, every falling edge of STROBE samples DATA, and DATA low is a 1 (MagTek TTL interface:
    /// DATA is valid at least 1 µs before the STROBE falling edge; the lines are active low). Sampling ends when CP
    /// returns high. A gap between strobes of at least <see cref="F2fDecoder.DropoutPerMille"/>/1000 of the running
    /// strobe period means the module lost bits (a dropout): they come out as <see cref="F2fDecoder.Erased"/>, one per
    /// missing period. No allocation.
    /// </summary>
    public static class TtlSampler
    {
        private const int AverageShift = 3;          // running strobe period: exponential average, weight 1/8
        private const int FixedPointShift = 4;

        /// <summary>
        /// Samples <paramref name="count"/> events at <paramref name="offset"/> (line ids, new levels 0 low / 1 high, times
        /// in µs; every line starts high) into bits at <paramref name="bitsOffset"/> (one byte each: 0, 1 or
        /// <see cref="F2fDecoder.Erased"/>); returns the number of bits, at most <paramref name="maxBits"/>.
        /// </summary>
        public static int Sample(byte[] lines, byte[] levels, int[] timesUs, int offset, int count,
            byte[] bits, int bitsOffset, int maxBits)
        {
            bool present = false;
            bool strobeLow = false;
            bool dataLow = false;
            int n = 0;
            int lastStrobe = -1;
            long period = 0;                         // fixed point, 1/16 µs
            for (int i = offset; i < offset + count; i++)
            {
                bool low = levels[i] == 0;
                switch ((TtlLine)lines[i])
                {
                    case TtlLine.CardPresent:
                        if (!low && present) return n;      // card gone: the swipe is over
                        present = low;
                        break;
                    case TtlLine.Data:
                        dataLow = low;
                        break;
                    case TtlLine.Strobe:
                        if (low && !strobeLow && present)
                        {
                            int t = timesUs[i];
                            if (lastStrobe >= 0)
                            {
                                long gap = (long)(t - lastStrobe) << FixedPointShift;
                                if (period > 0 && gap * 1000 >= F2fDecoder.DropoutPerMille * period)
                                {
                                    long missing = (gap + period / 2) / period - 1;
                                    for (long k = 0; k < missing && n < maxBits; k++) bits[bitsOffset + n++] = F2fDecoder.Erased;
                                }
                                else
                                {
                                    period = period == 0 ? gap : period + ((gap - period) >> AverageShift);
                                }
                            }
                            lastStrobe = t;
                            if (n < maxBits) bits[bitsOffset + n++] = dataLow ? (byte)1 : (byte)0;
                        }
                        strobeLow = low;
                        break;
                }
            }
            return n;
        }
    }
}
