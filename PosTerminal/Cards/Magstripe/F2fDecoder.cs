using System;

namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// Turns the durations between flux transitions of an F2F (Aiken biphase, ISO/IEC 7811-2) swipe into bits. Every bit
    /// cell begins with a transition; a 1 has a second one in the middle of the cell. So each duration is either a whole
    /// cell (a 0) or a half cell (one half of a 1, which come in pairs), and the cell length follows the swipe speed. A
    /// duration of several cells is a dropout (the signal vanished): its cells come out as <see cref="Erased"/> bits,
    /// never guessed, so that a track missing a stretch cannot pass as another valid track.
    /// </summary>
    /// <remarks>
    /// <para>The decoder works on the whole swipe, in five passes over the durations, with no allocation:</para>
    /// <list type="number">
    /// <item>Glitches: a duration shorter than a fifth of the running mean duration is a spurious pulse (two extra
    /// transitions); it is merged with its neighbours, which restores the cell it split.</item>
    /// <item>A first classification against a running cell estimate (exponential average, weight 1/8, seeded by four
    /// clocking zeros, whole cells, from the end of the swipe that looks more like clocking zeros). Durations of at
    /// least <see cref="DropoutPerMille"/>/1000 of the cell are dropouts.</item>
    /// <item>Twice: each duration is classified again against the cell length measured around it, centred: the
    /// durations of the <see cref="WindowIntervals"/> neighbours on each side divided by the cells they make up by the
    /// previous pass. A centred window follows a swipe that speeds up or slows down without the lag of a running
    /// average, and averages the jitter of ~40 cells. Near the ends of the swipe the window shrinks to stay centred.</item>
    /// <item>Half cells must pair up: a run of half-cell durations of odd length has one duration on the wrong side of
    /// the threshold, and the one closest to it (in the run at an even position, or a whole-cell neighbour of the run)
    /// is flipped; next to a dropout, or to a whole cell of at least <see cref="SuspectPerMille"/>/1000 (the missing half
    /// plus a lost cell), the unpaired half cell is erased with it.</item>
    /// </list>
    /// <para>The threshold between half and whole cell is <see cref="ThresholdPerMille"/>/1000 of the cell: the geometric
    /// mean of the two worst cases with ±25 % jitter per duration (a half cell stretched to 0.625, a whole cell shrunk to
    /// 0.75), so both sides have the same ±9.5 % room for error in the cell estimate.</para>
    /// <para>The time unit does not matter (only ratios are used); the swipe must begin with clocking zeros, which every
    /// ISO/IEC 7811 card has on both ends.</para>
    /// </remarks>
    public sealed class F2fDecoder
    {
        /// <summary>Half cell if a duration is below this fraction (per mille) of the local cell length.</summary>
        public const int ThresholdPerMille = 685;

        /// <summary>Durations on each side of the one being classified that measure the local cell length.</summary>
        public const int WindowIntervals = 32;

        /// <summary>A duration below 1/GlitchDivisor of the running mean duration is a spurious pulse.</summary>
        public const int GlitchDivisor = 5;

        /// <summary>Fewer durations than this (after glitch removal) decode to no bits.</summary>
        public const int MinIntervals = 8;

        /// <summary>
        /// A dropout if a duration is at least this fraction (per mille) of the local cell: above a whole cell with +25 %
        /// jitter and a 10 % error in the estimate (1.375), below two cells with -25 % (1.5).
        /// </summary>
        public const int DropoutPerMille = 1450;

        /// <summary>
        /// A whole cell at least this long (per mille of the local cell) next to an unpaired half cell is taken for a half
        /// cell plus a lost cell (a dropout too short to stand out under jitter), and both are erased.
        /// </summary>
        public const int SuspectPerMille = 1400;

        /// <summary>Bit value for a cell lost in a dropout (its value is unknown).</summary>
        public const byte Erased = 2;

        // Per duration, the half cells it spans: 1 = half cell, 2 = whole cell, 3 and more = a dropout. ErasedFlag marks
        // a half cell whose partner vanished in a dropout next to it. Weight = value & HalvesMask.
        private const byte HalfCell = 1;
        private const byte WholeCell = 2;
        private const byte ErasedFlag = 0x80;
        private const int HalvesMask = 0x7F;
        private const int MaxDropoutHalves = 0x7F;
        private const int SpreadIntervals = 8;       // durations at each end compared to pick the end to start from
        private const int DropoutMeans = 4;          // a duration over 4 mean durations does not move the mean (pass 1)

        private const int CentredPasses = 2;
        private const int EdgeIntervals = 4;         // smallest centred window (each side) near the ends
        private const int SeedIntervals = 4;
        private const int AverageShift = 3;          // exponential average weight 1/8
        private const int FixedPointShift = 4;       // running estimates in 1/16 of the time unit

        private readonly byte[] _half;               // per duration: half cells it spans (HalfCell, WholeCell, dropout)

        /// <summary>A decoder for swipes of at most <paramref name="maxIntervals"/> durations (its only buffer).</summary>
        public F2fDecoder(int maxIntervals)
        {
            if (maxIntervals < MinIntervals) throw new ArgumentOutOfRangeException();
            _half = new byte[maxIntervals];
        }

        /// <summary>Most durations one swipe may have; more are ignored.</summary>
        public int MaxIntervals
        {
            get { return _half.Length; }
        }

        /// <summary>
        /// Decodes <paramref name="count"/> durations (any time unit, each &gt; 0) at <paramref name="offset"/> into bits
        /// (one byte each: 0, 1 or <see cref="Erased"/>) at <paramref name="bitsOffset"/>; returns the number of bits, at most
        /// <paramref name="maxBits"/>, 0 when there are fewer than <see cref="MinIntervals"/> durations.
        /// <b>The range of durations is rewritten in place</b> (glitches merged); the caller wipes it afterwards.
        /// </summary>
        public int Decode(int[] intervals, int offset, int count, byte[] bits, int bitsOffset, int maxBits)
        {
            if (count > _half.Length) count = _half.Length;
            int n = MergeGlitches(intervals, offset, count);
            if (n < MinIntervals) return 0;
            try
            {
                ClassifyRunning(intervals, offset, n);
                for (int pass = 0; pass < CentredPasses; pass++) ClassifyCentred(intervals, offset, n);
                PairHalfCells(intervals, offset, n);
                return Emit(n, bits, bitsOffset, maxBits);
            }
            finally
            {
                Array.Clear(_half, 0, n);              // the classes are the track's bits: wipe them
            }
        }

        // Pass 1: spurious short pulses. Each pulse adds two transitions, so a run of m tiny durations between two
        // ordinary ones L and R stands for an even number of extra transitions: with m odd, either L, the run and R were
        // one duration (a pulse inside it) or the run is a duration of its own between L and R (a pulse between
        // slivers): the reading whose durations fit a half or a whole cell better (against a running cell estimate) is
        // taken. With m even, the run belongs to L or to R and is shared between them. Compacts the range in place and
        // returns the new count.
        private static int MergeGlitches(int[] iv, int offset, int count)
        {
            if (count < SeedIntervals) return count;
            long mean = 0;
            for (int i = 0; i < SeedIntervals; i++) mean += iv[offset + i];
            mean = (mean << FixedPointShift) / SeedIntervals;
            long cell = mean;                           // the seed durations are clocking zeros: whole cells
            int end = offset + count;
            int w = offset;
            int r = offset;
            while (r < end)
            {
                int t = iv[r];
                if (!IsGlitch(t, mean))
                {
                    iv[w++] = t;
                    r++;
                    long x = (long)t << FixedPointShift;
                    if (x < DropoutMeans * mean) mean += (x - mean) >> AverageShift;
                    cell = UpdateCell(cell, t);
                    continue;
                }
                int m = 1;
                long run = t;
                while (r + m < end && IsGlitch(iv[r + m], mean))
                {
                    run += iv[r + m];
                    m++;
                }
                int next = r + m;                       // R, the first ordinary duration after the run (or end)
                r = next;
                if (w == offset)
                {
                    if (next < end) iv[next] += (int)run;  // noise before the first ordinary duration: part of it
                    continue;
                }
                long left = iv[w - 1];
                if (next == end)
                {
                    iv[w - 1] = (int)(left + run);      // noise after the last one
                    continue;
                }
                long right = iv[next];
                if ((m & 1) == 1)
                {
                    long whole = Misfit(left + run + right, cell);
                    long apart = Misfit(left, cell) + Misfit(run, cell) + Misfit(right, cell);
                    if (whole <= apart)
                    {
                        iv[w - 1] = (int)(left + run + right);
                        r = next + 1;
                    }
                    else
                    {
                        iv[w++] = (int)run;
                    }
                }
                else
                {
                    // Which side the run belongs to cannot be told reliably under heavy jitter; half to each side
                    // moves both boundaries by at most half the run, which measured better than guessing.
                    iv[w - 1] = (int)(left + run / 2);
                    iv[next] = (int)(right + run - run / 2);
                }
            }
            return w - offset;
        }

        private static bool IsGlitch(int t, long mean)
        {
            return ((long)t << FixedPointShift) * GlitchDivisor < mean;
        }

        // The running cell estimate of pass 2, for the merge decisions of pass 1.
        // One step of the running cell estimate (fixed point). A dropout counts as two cells at most: a real one moves
        // the estimate by an eighth and is forgotten, while an estimate that locked onto half the cell (every whole
        // cell looking like a dropout of two) climbs back.
        private static long UpdateCell(long cell, long t)
        {
            byte c = Classify(t << FixedPointShift, cell, WholeCell);
            long measured = (c == HalfCell ? 2 * t : t) << FixedPointShift;
            if (measured > 2 * cell) measured = 2 * cell;
            return cell + ((measured - cell) >> AverageShift);
        }

        // How far a duration is from a half or a whole cell (same fixed point as cell).
        private static long Misfit(long t, long cell)
        {
            long x = t << FixedPointShift;
            long toHalf = 2 * x - cell;
            long toWhole = x - cell;
            if (toHalf < 0) toHalf = -toHalf;
            if (toWhole < 0) toWhole = -toWhole;
            return toHalf < toWhole ? toHalf / 2 : toWhole;
        }

        // Pass 2: causal classification against a running cell estimate. It starts from the
        // end of the swipe whose first durations look more like clocking zeros (the smaller spread): a swipe cut short
        // begins or ends in the middle of the data, and an estimate seeded there could lock onto half the cell length.
        private void ClassifyRunning(int[] iv, int offset, int n)
        {
            bool backward = n >= 2 * SpreadIntervals
                && Spread(iv, offset + n - SpreadIntervals) < Spread(iv, offset);
            int step = backward ? -1 : 1;
            int first = backward ? n - 1 : 0;
            long cell = 0;
            for (int k = 0; k < SeedIntervals; k++) cell += iv[offset + first + k * step];
            cell = (cell << FixedPointShift) / SeedIntervals;
            for (int k = 0, i = first; k < n; k++, i += step)
            {
                long t = iv[offset + i];
                // the test of Classify with the cell in fixed point: cell = 2 * (cell << 4) / 2 halves
                _half[i] = Classify(t << FixedPointShift, cell, WholeCell);
                cell = UpdateCell(cell, t);
            }
        }

        // Longest over shortest of SpreadIntervals durations, x1000.
        private static long Spread(int[] iv, int at)
        {
            long min = long.MaxValue;
            long max = 0;
            for (int k = 0; k < SpreadIntervals; k++)
            {
                long t = iv[at + k];
                if (t < min) min = t;
                if (t > max) max = t;
            }
            return min <= 0 ? long.MaxValue : max * 1000 / min;
        }

        // The half cells spanned by a duration t, against a cell of 2 * time / halves.
        private static byte Classify(long t, long time, int halves)
        {
            long scaled = t * halves * 1000;
            long cell2 = 2 * time;
            if (scaled < ThresholdPerMille * cell2) return HalfCell;
            if (scaled < DropoutPerMille * cell2) return WholeCell;
            long h = (2 * t * halves + time) / cell2;     // round(2 t / cell): half cells lost
            if (h < WholeCell + 1) h = WholeCell + 1;
            return h > MaxDropoutHalves ? (byte)MaxDropoutHalves : (byte)h;
        }

        // Passes 3 and 4: classification against the centred local cell length. The window sums are kept up to date
        // as classes change (a duration's own class never counts in its own estimate). Near either end the window
        // shrinks to stay centred (a one-sided window would be biased while the swipe speeds up or slows down); the
        // first and last EdgeIntervals durations keep the class of the running estimate.
        private void ClassifyCentred(int[] iv, int offset, int n)
        {
            long time = 0;          // sum of the durations in the full window [i - W, i + W]
            int halves = 0;         // half cells they make up (a half cell counts 1, a whole cell 2)
            int hi = WindowIntervals < n - 1 ? WindowIntervals : n - 1;
            for (int j = 0; j <= hi; j++)
            {
                time += iv[offset + j];
                halves += _half[j];
            }
            for (int i = 0; i < n; i++)
            {
                long t = iv[offset + i];
                int weight = _half[i];          // no ErasedFlag before pass 5
                int reach = i < n - 1 - i ? i : n - 1 - i;
                long otherTime;
                int otherHalves;
                if (reach >= WindowIntervals)
                {
                    otherTime = time - t;
                    otherHalves = halves - weight;
                }
                else if (reach >= EdgeIntervals)
                {
                    otherTime = 0;
                    otherHalves = 0;
                    for (int j = i - reach; j <= i + reach; j++)
                    {
                        if (j == i) continue;
                        otherTime += iv[offset + j];
                        otherHalves += _half[j];
                    }
                }
                else
                {
                    otherHalves = 0;
                    otherTime = 0;
                }
                if (otherHalves > 0)
                {
                    byte c = Classify(t, otherTime, otherHalves);
                    if (c != weight)
                    {
                        halves += c - weight;
                        _half[i] = c;
                    }
                }
                int add = i + 1 + WindowIntervals;
                if (add < n)
                {
                    time += iv[offset + add];
                    halves += _half[add];
                }
                int drop = i - WindowIntervals;
                if (drop >= 0)
                {
                    time -= iv[offset + drop];
                    halves -= _half[drop];
                }
            }
        }

        // Pass 5: every run of half cells must have an even length.
        private void PairHalfCells(int[] iv, int offset, int n)
        {
            int flipsLeft = n;                          // each flip fixes one run; bounds the loop whatever the input
            int i = 0;
            while (i < n)
            {
                if (_half[i] != HalfCell)
                {
                    i++;
                    continue;
                }
                int j = i;
                while (j < n && _half[j] == HalfCell) j++;
                // An odd run at the very end is a swipe cut in the middle of a 1: nothing to pair it with.
                if (((j - i) & 1) == 0 || j == n || flipsLeft == 0)
                {
                    i = j;
                    continue;
                }
                // Next to a dropout, the missing half vanished in it: that cell is lost too, not guessed.
                if (_half[j] > WholeCell)
                {
                    _half[j - 1] = ErasedFlag | HalfCell;
                    i = j;
                    continue;
                }
                if (i > 0 && _half[i - 1] > WholeCell)
                {
                    _half[i] = ErasedFlag | HalfCell;
                    continue;                           // the rest of the run, now even, is looked at again
                }
                // A long whole cell next to it: most likely the other half plus a lost cell (1.5 cells).
                if (_half[j] == WholeCell && Ratio(iv, offset, n, j) >= SuspectPerMille)
                {
                    _half[j] = WholeCell + 1;           // a dropout of three half cells
                    _half[j - 1] = ErasedFlag | HalfCell;
                    i = j;
                    continue;
                }
                if (i > 0 && _half[i - 1] == WholeCell && Ratio(iv, offset, n, i - 1) >= SuspectPerMille)
                {
                    _half[i - 1] = WholeCell + 1;
                    _half[i] = ErasedFlag | HalfCell;
                    continue;
                }
                int best = -1;
                long bestDistance = long.MaxValue;
                for (int k = i; k < j; k += 2)
                {
                    long d = Distance(iv, offset, n, k);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = k;
                    }
                }
                if (i > 0 && _half[i - 1] == WholeCell)
                {
                    long d = Distance(iv, offset, n, i - 1);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = i - 1;
                    }
                }
                if (_half[j] == WholeCell && Distance(iv, offset, n, j) < bestDistance) best = j;
                _half[best] = _half[best] == HalfCell ? WholeCell : HalfCell;
                flipsLeft--;
                // Look at the run again from its (possibly earlier) start: a flipped neighbour can join runs.
                if (best < i) i = best;
                while (i > 0 && _half[i - 1] == HalfCell) i--;
            }
        }

        // Duration k over the local cell length, per mille.
        private long Ratio(int[] iv, int offset, int n, int k)
        {
            long time;
            int halves;
            WindowAround(iv, offset, n, k, out time, out halves);
            return time <= 0 ? 0 : (long)iv[offset + k] * halves * 1000 / (2 * time);
        }

        // The durations and half cells of the window around k, k excluded.
        private void WindowAround(int[] iv, int offset, int n, int k, out long time, out int halves)
        {
            int lo = k - WindowIntervals < 0 ? 0 : k - WindowIntervals;
            int hi = k + WindowIntervals > n - 1 ? n - 1 : k + WindowIntervals;
            time = 0;
            halves = 0;
            for (int j = lo; j <= hi; j++)
            {
                if (j == k) continue;
                time += iv[offset + j];
                halves += _half[j] & HalvesMask;
            }
        }

        // How far duration k is from the half/whole threshold, as a ratio (x1024, always >= 1024): smaller is less certain.
        private long Distance(int[] iv, int offset, int n, int k)
        {
            long time;
            int halves;
            WindowAround(iv, offset, n, k, out time, out halves);
            long a = (long)iv[offset + k] * halves * 1000;
            long b = (long)ThresholdPerMille * 2 * time;
            if (a <= 0 || b <= 0) return long.MaxValue;
            return a > b ? (a << 10) / b : (b << 10) / a;
        }

        // Whole cell -> 0; two half cells -> 1 (a lone half cell at the end -> 1); a dropout, with a lost partner half
        // next to it -> one Erased bit per cell it spans.
        private int Emit(int n, byte[] bits, int bitsOffset, int maxBits)
        {
            int w = 0;
            int i = 0;
            while (i < n && w < maxBits)
            {
                byte c = _half[i];
                if (c == WholeCell)
                {
                    bits[bitsOffset + w++] = 0;
                    i++;
                }
                else if (c == HalfCell)
                {
                    bits[bitsOffset + w++] = 1;
                    i += i + 1 < n && _half[i + 1] == HalfCell ? 2 : 1;
                }
                else
                {
                    int halves = 0;
                    while (i < n && _half[i] > WholeCell) halves += _half[i++] & HalvesMask;
                    for (int k = 0; k < (halves + 1) / 2 && w < maxBits; k++) bits[bitsOffset + w++] = Erased;
                }
            }
            return w;
        }
    }
}
