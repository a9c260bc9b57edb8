using System;

namespace PosTerminal.Util
{
    /// <summary>
    /// Upper-case hexadecimal text to and from bytes, written as small loops because nanoFramework's mscorlib
    /// has no Convert.ToHexString. Methods that take buffers never allocate.
    /// </summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>The upper-case hex digit for the low four bits of <paramref name="nibble"/>.</summary>
        public static char Digit(int nibble)
        {
            return Digits[nibble & 0x0F];
        }

        /// <summary>Value of one hex digit (either case), or -1 when <paramref name="c"/> is not a hex digit.</summary>
        public static int NibbleOf(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }

        /// <summary>Writes 2 x <paramref name="count"/> upper-case hex characters as ASCII bytes into <paramref name="dst"/>.</summary>
        public static void EncodeAscii(byte[] src, int offset, int count, byte[] dst, int dstOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int b = src[offset + i];
                dst[dstOffset + 2 * i] = (byte)Digits[b >> 4];
                dst[dstOffset + 2 * i + 1] = (byte)Digits[b & 0x0F];
            }
        }

        /// <summary>
        /// Reads 2 x <paramref name="count"/> hex characters (ASCII bytes) into <paramref name="count"/> bytes.
        /// Returns the index (relative to <paramref name="offset"/>) of the first character that is not a hex
        /// digit, or -1 when all were valid.
        /// </summary>
        public static int DecodeAscii(byte[] src, int offset, int count, byte[] dst, int dstOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int hi = NibbleOf(src[offset + 2 * i]);
                if (hi < 0) return 2 * i;
                int lo = NibbleOf(src[offset + 2 * i + 1]);
                if (lo < 0) return 2 * i + 1;
                dst[dstOffset + i] = (byte)((hi << 4) | lo);
            }
            return -1;
        }

        /// <summary>Upper-case hex text of a byte range (allocates the string; not for hot paths).</summary>
        public static string Encode(byte[] src, int offset, int count)
        {
            char[] c = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = src[offset + i];
                c[2 * i] = Digits[b >> 4];
                c[2 * i + 1] = Digits[b & 0x0F];
            }
            return new string(c);
        }

        /// <summary>Upper-case hex text of a whole array.</summary>
        public static string Encode(byte[] src)
        {
            return Encode(src, 0, src.Length);
        }

        /// <summary>
        /// Bytes of a hex string of even length; spaces are skipped so that fixtures can be written in groups.
        /// Throws <see cref="ArgumentException"/> on any other character or an odd digit count.
        /// </summary>
        public static byte[] Decode(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ') continue;
                if (NibbleOf(c) < 0) throw new ArgumentException();
                digits++;
            }
            if ((digits & 1) != 0) throw new ArgumentException();
            byte[] result = new byte[digits / 2];
            int n = 0;
            int hi = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ') continue;
                int v = NibbleOf(c);
                if (hi < 0)
                {
                    hi = v;
                }
                else
                {
                    result[n++] = (byte)((hi << 4) | v);
                    hi = -1;
                }
            }
            return result;
        }
    }
}
