using System;

namespace PosTerminal.Cards.Magstripe
{
    /// <summary>
    /// The recording parameters of each track (ISO/IEC 7811-2 and -6, ISO/IEC 7813, ISO 4909): character size, ASCII
    /// offset, sentinels, capacity and bit density. Values of the data bits, without the parity bit; a character is
    /// recorded least significant bit first, followed by its odd parity bit.
    /// </summary>
    public static class TrackFormat
    {
        /// <summary>ISO/IEC 7810 ID-1 card length in 0.01 mm: the longest stripe a head can see.</summary>
        public const int CardLengthHundredthsMm = 8560;

        /// <summary>Bits of slack on top of a full card in the capture buffers (noise, a card that overhangs the head).</summary>
        public const int SlackBits = 32;

        /// <summary>Data bits per character: 6 on track 1, 4 on tracks 2 and 3.</summary>
        public static int DataBits(MagstripeTrack track)
        {
            return track == MagstripeTrack.Track1 ? 6 : 4;
        }

        /// <summary>Bits per character including the odd parity bit: 7 or 5.</summary>
        public static int CharacterBits(MagstripeTrack track)
        {
            return DataBits(track) + 1;
        }

        /// <summary>Added to a data value to give ASCII: 0x20 on track 1 ('%' = 0x05), 0x30 on tracks 2 and 3 (';' = 0x0B).</summary>
        public static int AsciiOffset(MagstripeTrack track)
        {
            return track == MagstripeTrack.Track1 ? 0x20 : 0x30;
        }

        /// <summary>Start sentinel data value: '%' (0x05) on track 1, ';' (0x0B) on tracks 2 and 3.</summary>
        public static int StartSentinel(MagstripeTrack track)
        {
            return track == MagstripeTrack.Track1 ? 0x05 : 0x0B;
        }

        /// <summary>End sentinel data value: '?' (0x1F on track 1, 0x0F on tracks 2 and 3).</summary>
        public static int EndSentinel(MagstripeTrack track)
        {
            return track == MagstripeTrack.Track1 ? 0x1F : 0x0F;
        }

        /// <summary>Most characters on the track, start sentinel, end sentinel and LRC included: 79, 40 or 107.</summary>
        public static int MaxCharacters(MagstripeTrack track)
        {
            switch (track)
            {
                case MagstripeTrack.Track1: return 79;
                case MagstripeTrack.Track2: return 40;
                case MagstripeTrack.Track3: return 107;
                default: throw new ArgumentOutOfRangeException();
            }
        }

        /// <summary>Recording density in bits per inch: 210 on tracks 1 and 3, 75 on track 2.</summary>
        public static int BitsPerInch(MagstripeTrack track)
        {
            return track == MagstripeTrack.Track2 ? 75 : 210;
        }

        /// <summary>
        /// Bit cells a swipe of a whole card can hold, plus <see cref="SlackBits"/>: 284 on track 2, 739 on tracks 1 and 3.
        /// Sizes the capture buffers.
        /// </summary>
        public static int MaxBits(MagstripeTrack track)
        {
            // 1 inch = 25.4 mm = 2540 hundredths of a millimetre
            return BitsPerInch(track) * CardLengthHundredthsMm / 2540 + SlackBits;
        }

        /// <summary>The start sentinel as recorded: data bits plus parity, least significant first (0x45 track 1, 0x0B track 2).</summary>
        public static int StartSentinelPattern(MagstripeTrack track)
        {
            return WithParity(StartSentinel(track), DataBits(track));
        }

        /// <summary><paramref name="value"/> (data bits) with the odd parity bit above them.</summary>
        public static int WithParity(int value, int dataBits)
        {
            int ones = 0;
            for (int i = 0; i < dataBits; i++) ones += (value >> i) & 1;
            return (ones & 1) == 0 ? value | (1 << dataBits) : value;
        }
    }
}
