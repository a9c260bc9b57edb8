using System;

namespace PosTerminal.Util
{
    /// <summary>
    /// Single-byte text helpers: strings whose characters are below U+0100 to and from bytes, and decimal
    /// digits written and read without string.Format or Encoding (nanoFramework's mscorlib has neither).
    /// </summary>
    public static class Ascii
    {
        /// <summary>True when <paramref name="c"/> is '0'..'9'.</summary>
        public static bool IsDigit(int c)
        {
            return c >= '0' && c <= '9';
        }

        /// <summary>True when every byte of the range is an ASCII decimal digit.</summary>
        public static bool IsDigits(byte[] src, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!IsDigit(src[offset + i])) return false;
            }
            return true;
        }

        /// <summary>True when the string is non-empty and every character is a decimal digit.</summary>
        public static bool IsDigits(string s)
        {
            if (s == null || s.Length == 0) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (!IsDigit(s[i])) return false;
            }
            return true;
        }

        /// <summary>Copies the characters of <paramref name="s"/> as bytes; throws if one is above U+00FF.</summary>
        public static int Write(string s, byte[] dst, int offset)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c > 0xFF) throw new ArgumentException();
                dst[offset + i] = (byte)c;
            }
            return s.Length;
        }

        /// <summary>The bytes of a single-byte string.</summary>
        public static byte[] GetBytes(string s)
        {
            byte[] b = new byte[s.Length];
            Write(s, b, 0);
            return b;
        }

        /// <summary>A string with one character per byte (ISO 8859-1 reading).</summary>
        public static string GetString(byte[] src, int offset, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++) c[i] = (char)src[offset + i];
            return new string(c);
        }

        /// <summary>
        /// Writes <paramref name="value"/> as exactly <paramref name="width"/> decimal digits, zero-filled on the
        /// left. Throws <see cref="ArgumentOutOfRangeException"/> when it is negative or does not fit.
        /// </summary>
        public static void WriteNumber(long value, int width, byte[] dst, int offset)
        {
            if (value < 0) throw new ArgumentOutOfRangeException();
            for (int i = width - 1; i >= 0; i--)
            {
                dst[offset + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            if (value != 0) throw new ArgumentOutOfRangeException();
        }

        /// <summary>
        /// The value of <paramref name="count"/> decimal digits (at most 18), or -1 when a byte is not a digit
        /// or the range is empty.
        /// </summary>
        public static long ParseNumber(byte[] src, int offset, int count)
        {
            if (count <= 0 || count > 18) return -1;
            long v = 0;
            for (int i = 0; i < count; i++)
            {
                int c = src[offset + i];
                if (!IsDigit(c)) return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        }

        /// <summary>The value of a string of decimal digits (at most 18), or -1 when it is not one.</summary>
        public static long ParseNumber(string s)
        {
            if (!IsDigits(s) || s.Length > 18) return -1;
            long v = 0;
            for (int i = 0; i < s.Length; i++) v = v * 10 + (s[i] - '0');
            return v;
        }

        /// <summary><paramref name="value"/> as a zero-filled string of <paramref name="width"/> digits.</summary>
        public static string Number(long value, int width)
        {
            byte[] b = new byte[width];
            WriteNumber(value, width, b, 0);
            return GetString(b, 0, width);
        }
    }
}
