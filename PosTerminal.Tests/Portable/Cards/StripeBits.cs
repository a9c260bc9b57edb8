namespace PosTerminal.Tests.Cards
{
    /// <summary>
    /// Hand-built magnetic stripe bit streams for the decoder tests, written from the ISO/IEC 7811-2 character tables
    /// (each character least significant bit first, then its odd parity bit), independently of the firmware and of
    /// the emulator's swipe generator.
    /// </summary>
    public static class StripeBits
    {
        // Track 2 / track 3 (5-bit, ASCII - 0x30): '0'..'9', ':', ';', '<', '=', '>', '?'
        private static readonly string[] s_track2Codes =
        {
            "00001", "10000", "01000", "11001", "00100", "10101", "01101", "11100",
            "00010", "10011", "01011", "11010", "00111", "10110", "01110", "11111"
        };

        /// <summary>The 5-bit codes of the characters of a track 2 string, concatenated.</summary>
        public static string Track2Codes(string chars)
        {
            string s = "";
            for (int i = 0; i < chars.Length; i++) s += s_track2Codes[chars[i] - 0x30];
            return s;
        }

        /// <summary>The 7-bit code of a track 1 character (ASCII - 0x20, 6 bits LSB first, odd parity).</summary>
        public static string Track1Code(char c)
        {
            int v = c - 0x20;
            char[] b = new char[7];
            int ones = 0;
            for (int i = 0; i < 6; i++)
            {
                int bit = (v >> i) & 1;
                ones += bit;
                b[i] = bit == 1 ? '1' : '0';
            }
            b[6] = (ones & 1) == 0 ? '1' : '0';
            return new string(b);
        }

        /// <summary>The 7-bit codes of the characters of a track 1 string, concatenated.</summary>
        public static string Track1Codes(string chars)
        {
            string s = "";
            for (int i = 0; i < chars.Length; i++) s += Track1Code(chars[i]);
            return s;
        }

        /// <summary><paramref name="n"/> zero bits as text.</summary>
        public static string Zeros(int n)
        {
            return new string('0', n);
        }

        /// <summary>A bit array from text of '0' and '1' (other characters are skipped).</summary>
        public static byte[] Parse(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '0' || text[i] == '1') n++;
            }
            byte[] bits = new byte[n];
            int k = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '0') bits[k++] = 0;
                else if (text[i] == '1') bits[k++] = 1;
            }
            return bits;
        }

        /// <summary>A copy in reverse order: the stream a swipe the other way round gives.</summary>
        public static byte[] Reversed(byte[] bits)
        {
            byte[] r = new byte[bits.Length];
            for (int i = 0; i < bits.Length; i++) r[i] = bits[bits.Length - 1 - i];
            return r;
        }

        /// <summary>
        /// F2F flux intervals (µs) of <paramref name="bits"/>: each cell is one interval for a 0 and two halves for a 1;
        /// the cell length changes linearly from <paramref name="firstCellUs"/> to <paramref name="lastCellUs"/>.
        /// </summary>
        public static int[] Flux(byte[] bits, int firstCellUs, int lastCellUs)
        {
            int n = 0;
            for (int i = 0; i < bits.Length; i++) n += bits[i] == 1 ? 2 : 1;
            int[] iv = new int[n];
            int k = 0;
            for (int i = 0; i < bits.Length; i++)
            {
                int cell = bits.Length < 2 ? firstCellUs : firstCellUs + (lastCellUs - firstCellUs) * i / (bits.Length - 1);
                if (bits[i] == 1)
                {
                    iv[k++] = cell / 2;
                    iv[k++] = cell - cell / 2;
                }
                else
                {
                    iv[k++] = cell;
                }
            }
            return iv;
        }

        /// <summary>The bits as text.</summary>
        public static string Text(byte[] bits, int offset, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++) c[i] = bits[offset + i] != 0 ? '1' : '0';
            return new string(c);
        }

        /// <summary>True when every element is zero.</summary>
        public static bool AllZero(int[] a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != 0) return false;
            }
            return true;
        }
    }
}
