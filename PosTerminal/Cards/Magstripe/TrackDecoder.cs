using System;

namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// Turns the bit stream of one track into its characters (ISO/IEC 7811-2/-6, ISO/IEC 7813): finds the start sentinel
    /// after the leading clocking zeros, reads characters least significant bit first, checks each one's odd parity,
    /// stops at the end sentinel, checks the LRC character (even parity of each data-bit column from the start
    /// sentinel through the end sentinel, with its own odd parity bit) and the clocking zeros after it. When that fails
    /// it tries again with the stream reversed (a swipe the other way). No allocation.
    /// </summary>
    /// <remarks>
    /// The trailing zeros matter: two flipped bits can turn a digit into an end sentinel with good parity, and then the
    /// next digit passes for the LRC one time in 16. Every character of the track has odd parity, so at least one 1
    /// bit; only behind the real LRC come zeros.
    /// </remarks>
    public static class TrackDecoder
    {
        /// <summary>
        /// The start sentinel must follow at least this many zero bits (ISO/IEC 7811 puts ~22 clocking zeros before it on
        /// track 2 and ~60 on track 1; a TTL module passes on all but the first ~15 flux reversals). Without them, a
        /// swipe cut short would offer its first character, read backwards, as a start (parity does not change when a
        /// character's bits are reversed).
        /// </summary>
        public const int MinLeadingZeros = 4;

        /// <summary>
        /// One bits tolerated before the start sentinel (noise in the clocking zeros). The search stops after them, so
        /// that a sentinel-like pattern inside the data is never taken for the start.
        /// </summary>
        public const int MaxLeadingOnes = 3;

        /// <summary>Zero bits required after the LRC character: one character's worth (5 on tracks 2 and 3, 7 on track 1).</summary>
        public static int TrailingZeros(MagstripeTrack track)
        {
            return TrackFormat.CharacterBits(track);
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bits (one byte each: 0, 1, or <see cref="F2fDecoder.Erased"/> for a cell lost
        /// in a dropout, which counts as a clocking zero before the start sentinel and fails the read after it) at
        /// <paramref name="offset"/> as a
        /// <paramref name="track"/> stream. On Ok, <paramref name="chars"/> holds <paramref name="charCount"/> ASCII
        /// characters from the start sentinel through the end sentinel (LRC not included; at most
        /// <see cref="TrackFormat.MaxCharacters"/> - 1), and <paramref name="reversed"/> says whether the stream had to be
        /// read backwards. On failure the characters are wiped and the status is the failure of the direction that got
        /// further (the forward one on a tie). <paramref name="chars"/> needs room for
        /// <see cref="TrackFormat.MaxCharacters"/> - 1 characters from <paramref name="charsOffset"/>.
        /// </summary>
        public static MagstripeStatus Decode(MagstripeTrack track, byte[] bits, int offset, int count,
            byte[] chars, int charsOffset, out int charCount, out bool reversed)
        {
            int charBits = TrackFormat.CharacterBits(track);
            reversed = false;
            charCount = 0;
            if (count < 3 * charBits) return MagstripeStatus.TooShort;   // start sentinel, end sentinel, LRC

            int forwardProgress;
            MagstripeStatus forward = Scan(track, bits, offset, count, false, chars, charsOffset, out charCount, out forwardProgress);
            if (forward == MagstripeStatus.Ok) return forward;

            int backwardProgress;
            MagstripeStatus backward = Scan(track, bits, offset, count, true, chars, charsOffset, out charCount, out backwardProgress);
            if (backward == MagstripeStatus.Ok)
            {
                // the forward attempt may have left longer garbage behind the characters
                int max = TrackFormat.MaxCharacters(track) - 1;
                Array.Clear(chars, charsOffset + charCount, max - charCount);
                reversed = true;
                return backward;
            }
            Array.Clear(chars, charsOffset, TrackFormat.MaxCharacters(track) - 1);
            charCount = 0;
            return backwardProgress > forwardProgress ? backward : forward;
        }

        // Tries every start sentinel candidate within the lead-in; progress = characters accepted by the best attempt
        // (-1 when there was no candidate).
        private static MagstripeStatus Scan(MagstripeTrack track, byte[] bits, int offset, int count, bool reverse,
            byte[] chars, int charsOffset, out int charCount, out int progress)
        {
            int charBits = TrackFormat.CharacterBits(track);
            int pattern = TrackFormat.StartSentinelPattern(track);
            MagstripeStatus status = MagstripeStatus.NoStartSentinel;
            progress = -1;
            charCount = 0;
            int ones = 0;
            int zeros = 0;                              // zero bits right before position p
            for (int p = 0; p + charBits <= count; p++)
            {
                if (Bit(bits, offset, count, reverse, p) != 1)
                {
                    zeros++;                            // an erased cell in the lead-in is taken for a clocking zero
                    continue;
                }
                if (zeros >= MinLeadingZeros && Read(bits, offset, count, reverse, p, charBits) == pattern)
                {
                    int accepted;
                    MagstripeStatus s = DecodeAt(track, bits, offset, count, reverse, p, chars, charsOffset, out charCount, out accepted);
                    if (s == MagstripeStatus.Ok)
                    {
                        progress = accepted;
                        return s;
                    }
                    if (accepted > progress)
                    {
                        progress = accepted;
                        status = s;
                    }
                }
                zeros = 0;
                ones++;
                if (ones > MaxLeadingOnes) break;
            }
            charCount = 0;
            return status;
        }

        // Reads characters from the start sentinel at bit p through the end sentinel and the LRC.
        private static MagstripeStatus DecodeAt(MagstripeTrack track, byte[] bits, int offset, int count, bool reverse, int p,
            byte[] chars, int charsOffset, out int charCount, out int accepted)
        {
            int dataBits = TrackFormat.DataBits(track);
            int charBits = dataBits + 1;
            int dataMask = (1 << dataBits) - 1;
            int ascii = TrackFormat.AsciiOffset(track);
            int endSentinel = TrackFormat.EndSentinel(track);
            int maxData = TrackFormat.MaxCharacters(track) - 1;   // the LRC takes the last place
            int lrc = 0;
            int k = 0;
            int pos = p;
            charCount = 0;
            accepted = 0;
            while (true)
            {
                if (k >= maxData || pos + charBits > count) return MagstripeStatus.NoEndSentinel;
                int v = Read(bits, offset, count, reverse, pos, charBits);
                if (v < 0) return MagstripeStatus.Dropout;
                if (!OddParity(v, charBits)) return MagstripeStatus.Parity;
                int d = v & dataMask;
                chars[charsOffset + k] = (byte)(d + ascii);
                k++;
                accepted = k;
                lrc ^= d;
                pos += charBits;
                if (d == endSentinel) break;
            }
            if (pos + charBits > count) return MagstripeStatus.Lrc;
            int l = Read(bits, offset, count, reverse, pos, charBits);
            if (l < 0) return MagstripeStatus.Dropout;
            if (!OddParity(l, charBits) || (l & dataMask) != lrc) return MagstripeStatus.Lrc;
            pos += charBits;
            if (pos + charBits > count) return MagstripeStatus.NoTrailingZeros;
            for (int b = 0; b < charBits; b++)
            {
                if (Bit(bits, offset, count, reverse, pos + b) != 0) return MagstripeStatus.NoTrailingZeros;
            }
            charCount = k;
            return MagstripeStatus.Ok;
        }

        // 0, 1, or Erased.
        private static int Bit(byte[] bits, int offset, int count, bool reverse, int i)
        {
            return bits[reverse ? offset + count - 1 - i : offset + i];
        }

        // charBits bits from position p, the first one least significant; -1 when one of them is erased.
        private static int Read(byte[] bits, int offset, int count, bool reverse, int p, int charBits)
        {
            int v = 0;
            for (int b = 0; b < charBits; b++)
            {
                int bit = Bit(bits, offset, count, reverse, p + b);
                if (bit > 1) return -1;
                v |= bit << b;
            }
            return v;
        }

        private static bool OddParity(int v, int charBits)
        {
            int ones = 0;
            for (int b = 0; b < charBits; b++) ones += (v >> b) & 1;
            return (ones & 1) == 1;
        }
    }
}
