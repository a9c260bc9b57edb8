using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// Small encoders for journal record images: a 64-bit number as 8 bytes big-endian, and length-prefixed
    /// (1 byte, 255 = null) ASCII strings. A reader walks such an image and records, instead of
    /// throwing, when it runs past the end.
    /// </summary>
    internal sealed class JournalBytes
    {
        private const byte NullLength = 255;

        private readonly byte[] _src;
        private readonly int _end;
        private int _at;

        /// <summary>A reader of <paramref name="src"/>[at..end).</summary>
        public JournalBytes(byte[] src, int at, int end)
        {
            _src = src;
            _at = at;
            _end = end;
            Ok = true;
        }

        /// <summary>False once a read ran past the end (every value read after that is null).</summary>
        public bool Ok { get; private set; }

        /// <summary>Offset after the last value read.</summary>
        public int Position
        {
            get { return _at; }
        }

        public static int PutLong(long value, byte[] dst, int at)
        {
            Bytes.WriteUInt32BE((uint)(value >> 32), dst, at);
            Bytes.WriteUInt32BE((uint)value, dst, at + 4);
            return at + 8;
        }

        public static long GetLong(byte[] src, int at)
        {
            return ((long)Bytes.ReadUInt32BE(src, at) << 32) | Bytes.ReadUInt32BE(src, at + 4);
        }

        public static int PutString(string s, byte[] dst, int at)
        {
            if (s == null)
            {
                dst[at] = NullLength;
                return at + 1;
            }
            dst[at] = (byte)s.Length;
            return at + 1 + Ascii.Write(s, dst, at + 1);
        }

        public string NextString()
        {
            int n = NextLength();
            if (n < 0) return null;
            string s = Ascii.GetString(_src, _at, n);
            _at += n;
            return s;
        }

        // The length of the next value, -1 for null or past the end (then Ok turns false).
        private int NextLength()
        {
            if (!Ok || _at >= _end)
            {
                Ok = false;
                return -1;
            }
            int n = _src[_at++];
            if (n == NullLength) return -1;
            if (_at + n > _end)
            {
                Ok = false;
                return -1;
            }
            return n;
        }
    }
}
