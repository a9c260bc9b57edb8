using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// AES, FIPS 197: 128-bit blocks under a 16-, 24- or 32-byte key (AES-128, AES-192, AES-256; 10, 12 or 14 rounds).
    /// Named AesCipher so that it never clashes with System.Security.Cryptography.Aes in host code.
    /// </summary>
    /// <remarks>
    /// Static tables, 2.5 KB in all: the S-box (256 bytes, FIPS 197 Figure 7), its inverse (256 bytes) and one
    /// 256-word table each for encryption and decryption, combining SubBytes with MixColumns and InvSubBytes with
    /// InvMixColumns; the other three columns of the classic four-table scheme are obtained by rotating the word, so
    /// a round costs 16 look-ups, 12 rotations and 16 XORs. Decryption uses the equivalent inverse cipher
    /// (FIPS 197 5.3.5), so its round keys go through InvMixColumns once per key (constructor or SetKey). Encryption and
    /// decryption round keys (2 x 60 words, room for AES-256 whatever the key) are owned by the instance; nothing is
    /// allocated per block, nor by <see cref="SetKey"/>.
    /// </remarks>
    public sealed class AesCipher : IBlockCipher
    {
        /// <summary>Block length in bytes.</summary>
        public const int BlockLength = 16;

        // FIPS 197 Figure 7: S-box substitution values for the byte xy (row x, column y).
        private static readonly byte[] s_sbox =
        {
            0x63, 0x7C, 0x77, 0x7B, 0xF2, 0x6B, 0x6F, 0xC5, 0x30, 0x01, 0x67, 0x2B, 0xFE, 0xD7, 0xAB, 0x76,
            0xCA, 0x82, 0xC9, 0x7D, 0xFA, 0x59, 0x47, 0xF0, 0xAD, 0xD4, 0xA2, 0xAF, 0x9C, 0xA4, 0x72, 0xC0,
            0xB7, 0xFD, 0x93, 0x26, 0x36, 0x3F, 0xF7, 0xCC, 0x34, 0xA5, 0xE5, 0xF1, 0x71, 0xD8, 0x31, 0x15,
            0x04, 0xC7, 0x23, 0xC3, 0x18, 0x96, 0x05, 0x9A, 0x07, 0x12, 0x80, 0xE2, 0xEB, 0x27, 0xB2, 0x75,
            0x09, 0x83, 0x2C, 0x1A, 0x1B, 0x6E, 0x5A, 0xA0, 0x52, 0x3B, 0xD6, 0xB3, 0x29, 0xE3, 0x2F, 0x84,
            0x53, 0xD1, 0x00, 0xED, 0x20, 0xFC, 0xB1, 0x5B, 0x6A, 0xCB, 0xBE, 0x39, 0x4A, 0x4C, 0x58, 0xCF,
            0xD0, 0xEF, 0xAA, 0xFB, 0x43, 0x4D, 0x33, 0x85, 0x45, 0xF9, 0x02, 0x7F, 0x50, 0x3C, 0x9F, 0xA8,
            0x51, 0xA3, 0x40, 0x8F, 0x92, 0x9D, 0x38, 0xF5, 0xBC, 0xB6, 0xDA, 0x21, 0x10, 0xFF, 0xF3, 0xD2,
            0xCD, 0x0C, 0x13, 0xEC, 0x5F, 0x97, 0x44, 0x17, 0xC4, 0xA7, 0x7E, 0x3D, 0x64, 0x5D, 0x19, 0x73,
            0x60, 0x81, 0x4F, 0xDC, 0x22, 0x2A, 0x90, 0x88, 0x46, 0xEE, 0xB8, 0x14, 0xDE, 0x5E, 0x0B, 0xDB,
            0xE0, 0x32, 0x3A, 0x0A, 0x49, 0x06, 0x24, 0x5C, 0xC2, 0xD3, 0xAC, 0x62, 0x91, 0x95, 0xE4, 0x79,
            0xE7, 0xC8, 0x37, 0x6D, 0x8D, 0xD5, 0x4E, 0xA9, 0x6C, 0x56, 0xF4, 0xEA, 0x65, 0x7A, 0xAE, 0x08,
            0xBA, 0x78, 0x25, 0x2E, 0x1C, 0xA6, 0xB4, 0xC6, 0xE8, 0xDD, 0x74, 0x1F, 0x4B, 0xBD, 0x8B, 0x8A,
            0x70, 0x3E, 0xB5, 0x66, 0x48, 0x03, 0xF6, 0x0E, 0x61, 0x35, 0x57, 0xB9, 0x86, 0xC1, 0x1D, 0x9E,
            0xE1, 0xF8, 0x98, 0x11, 0x69, 0xD9, 0x8E, 0x94, 0x9B, 0x1E, 0x87, 0xE9, 0xCE, 0x55, 0x28, 0xDF,
            0x8C, 0xA1, 0x89, 0x0D, 0xBF, 0xE6, 0x42, 0x68, 0x41, 0x99, 0x2D, 0x0F, 0xB0, 0x54, 0xBB, 0x16,
        };

        // FIPS 197 5.2 (Key Expansion): the first bytes of the round constant words Rcon[i] = [x^(i-1), 00, 00, 00],
        // i = 1 .. 10, powers of x in GF(2^8) modulo the polynomial of FIPS 197 4.2.
        private static readonly byte[] s_rcon = { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36 };

        // Inverse S-box (FIPS 197 Figure 14), derived from s_sbox by the static constructor.
        private static readonly byte[] s_invSbox = new byte[256];

        // s_te[x] = column (02, 01, 01, 03) * S[x]: SubBytes then MixColumns for a byte in row 0 (FIPS 197 5.1.1, 5.1.3).
        private static readonly uint[] s_te = new uint[256];

        // s_td[x] = column (0E, 09, 0D, 0B) * InvS[x]: InvSubBytes then InvMixColumns for a byte in row 0 (FIPS 197 5.3.2, 5.3.3).
        private static readonly uint[] s_td = new uint[256];

        // Words of the largest schedule, AES-256: 4 x (14 + 1) (FIPS 197 5.2).
        private const int MaxScheduleWords = 60;

        private uint[] _ek;
        private uint[] _dk;
        private int _rounds;

        static AesCipher()
        {
            for (int x = 0; x < 256; x++)
            {
                int s = s_sbox[x];
                s_invSbox[s] = (byte)x;
                s_te[x] = ((uint)Mul(s, 2) << 24) | ((uint)s << 16) | ((uint)s << 8) | (uint)Mul(s, 3);
            }
            for (int x = 0; x < 256; x++)
            {
                int s = s_invSbox[x];
                s_td[x] = ((uint)Mul(s, 0x0E) << 24) | ((uint)Mul(s, 0x09) << 16) | ((uint)Mul(s, 0x0D) << 8) | (uint)Mul(s, 0x0B);
            }
        }

        /// <summary>Expands a 16-, 24- or 32-byte key at <paramref name="key"/>[offset..offset+length) (FIPS 197 5.2).</summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 16, 24 or 32.</exception>
        public AesCipher(byte[] key, int offset, int length)
        {
            CheckKey(key, offset, length);
            _ek = new uint[MaxScheduleWords];
            _dk = new uint[MaxScheduleWords];
            Expand(key, offset, length);
        }

        /// <summary>
        /// Replaces the key with a 16-, 24- or 32-byte key at <paramref name="key"/>[offset..offset+length),
        /// recomputing both schedules into the instance's own arrays. The arrays are sized for AES-256 whatever the
        /// constructor was given, so any AES key length is accepted (an AES-128 instance pays 2 x 16 unused words,
        /// 128 bytes, for this) and nothing is allocated. The arguments are checked before anything changes; on an
        /// exception the old key stays.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 16, 24 or 32.</exception>
        /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
        public void SetKey(byte[] key, int offset, int length)
        {
            if (_ek == null) throw new ObjectDisposedException(nameof(AesCipher));
            CheckKey(key, offset, length);
            Expand(key, offset, length);
        }

        /// <summary>Zeroes both schedules but keeps the instance usable for <see cref="SetKey"/> (see <see cref="Des"/>).</summary>
        internal void ClearSchedule()
        {
            uint[] ek = _ek;
            uint[] dk = _dk;
            if (ek != null) Array.Clear(ek, 0, ek.Length);
            if (dk != null) Array.Clear(dk, 0, dk.Length);
        }

        private static void CheckKey(byte[] key, int offset, int length)
        {
            CryptoArgs.CheckRange(key, offset, length);
            if (length != 16 && length != 24 && length != 32) throw new ArgumentException();
        }

        // FIPS 197 5.2 key expansion into _ek, then the equivalent inverse cipher's schedule into _dk.
        private void Expand(byte[] key, int offset, int length)
        {
            int nk = length / 4;
            int rounds = nk + 6;                                // FIPS 197 Figure 4: Nr = 10, 12, 14
            int words = 4 * (rounds + 1);
            uint[] w = _ek;
            for (int i = 0; i < nk; i++) w[i] = Bytes.ReadUInt32BE(key, offset + 4 * i);
            for (int i = nk; i < words; i++)
            {
                uint t = w[i - 1];
                if (i % nk == 0) t = SubWord((t << 8) | (t >> 24)) ^ ((uint)s_rcon[i / nk - 1] << 24);
                else if (nk > 6 && i % nk == 4) t = SubWord(t);
                w[i] = w[i - nk] ^ t;
            }

            // Equivalent inverse cipher (FIPS 197 5.3.5): round keys in reverse order, InvMixColumns on rounds 1 .. Nr-1.
            uint[] d = _dk;
            for (int round = 0; round <= rounds; round++)
            {
                for (int c = 0; c < 4; c++)
                {
                    uint k = w[4 * (rounds - round) + c];
                    if (round != 0 && round != rounds)
                    {
                        // s_td includes InvSubBytes, so substitute first: InvMixColumns(k) = sum of Td[S[byte]].
                        k = s_td[s_sbox[k >> 24]]
                          ^ Ror8(s_td[s_sbox[(k >> 16) & 0xFF]])
                          ^ Ror16(s_td[s_sbox[(k >> 8) & 0xFF]])
                          ^ Ror24(s_td[s_sbox[k & 0xFF]]);
                    }
                    d[4 * round + c] = k;
                }
            }

            // Words past this key's schedule (left from a longer key) are cleared: no stale key material stays behind.
            if (words < MaxScheduleWords)
            {
                Array.Clear(w, words, MaxScheduleWords - words);
                Array.Clear(d, words, MaxScheduleWords - words);
            }
            _rounds = rounds;
        }

        /// <summary>16.</summary>
        public int BlockSize
        {
            get { return BlockLength; }
        }

        /// <summary>Encrypts one 16-byte block (FIPS 197 5.1, Cipher).</summary>
        public void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] rk = _ek;
            if (rk == null) throw new ObjectDisposedException(nameof(AesCipher));
            uint[] te = s_te;
            uint s0 = Bytes.ReadUInt32BE(src, srcOffset) ^ rk[0];
            uint s1 = Bytes.ReadUInt32BE(src, srcOffset + 4) ^ rk[1];
            uint s2 = Bytes.ReadUInt32BE(src, srcOffset + 8) ^ rk[2];
            uint s3 = Bytes.ReadUInt32BE(src, srcOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < _rounds; round++)
            {
                // SubBytes, ShiftRows (row r of output column c comes from column c + r) and MixColumns, then AddRoundKey.
                uint t0 = te[s0 >> 24] ^ Ror8(te[(s1 >> 16) & 0xFF]) ^ Ror16(te[(s2 >> 8) & 0xFF]) ^ Ror24(te[s3 & 0xFF]) ^ rk[k];
                uint t1 = te[s1 >> 24] ^ Ror8(te[(s2 >> 16) & 0xFF]) ^ Ror16(te[(s3 >> 8) & 0xFF]) ^ Ror24(te[s0 & 0xFF]) ^ rk[k + 1];
                uint t2 = te[s2 >> 24] ^ Ror8(te[(s3 >> 16) & 0xFF]) ^ Ror16(te[(s0 >> 8) & 0xFF]) ^ Ror24(te[s1 & 0xFF]) ^ rk[k + 2];
                uint t3 = te[s3 >> 24] ^ Ror8(te[(s0 >> 16) & 0xFF]) ^ Ror16(te[(s1 >> 8) & 0xFF]) ^ Ror24(te[s2 & 0xFF]) ^ rk[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }
            byte[] sb = s_sbox;
            Bytes.WriteUInt32BE(Last(sb, s0, s1, s2, s3) ^ rk[k], dst, dstOffset);
            Bytes.WriteUInt32BE(Last(sb, s1, s2, s3, s0) ^ rk[k + 1], dst, dstOffset + 4);
            Bytes.WriteUInt32BE(Last(sb, s2, s3, s0, s1) ^ rk[k + 2], dst, dstOffset + 8);
            Bytes.WriteUInt32BE(Last(sb, s3, s0, s1, s2) ^ rk[k + 3], dst, dstOffset + 12);
        }

        /// <summary>Decrypts one 16-byte block (FIPS 197 5.3.5, equivalent inverse cipher).</summary>
        public void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] rk = _dk;
            if (rk == null) throw new ObjectDisposedException(nameof(AesCipher));
            uint[] td = s_td;
            uint s0 = Bytes.ReadUInt32BE(src, srcOffset) ^ rk[0];
            uint s1 = Bytes.ReadUInt32BE(src, srcOffset + 4) ^ rk[1];
            uint s2 = Bytes.ReadUInt32BE(src, srcOffset + 8) ^ rk[2];
            uint s3 = Bytes.ReadUInt32BE(src, srcOffset + 12) ^ rk[3];
            int k = 4;
            for (int round = 1; round < _rounds; round++)
            {
                // InvSubBytes, InvShiftRows (row r of output column c comes from column c - r) and InvMixColumns.
                uint t0 = td[s0 >> 24] ^ Ror8(td[(s3 >> 16) & 0xFF]) ^ Ror16(td[(s2 >> 8) & 0xFF]) ^ Ror24(td[s1 & 0xFF]) ^ rk[k];
                uint t1 = td[s1 >> 24] ^ Ror8(td[(s0 >> 16) & 0xFF]) ^ Ror16(td[(s3 >> 8) & 0xFF]) ^ Ror24(td[s2 & 0xFF]) ^ rk[k + 1];
                uint t2 = td[s2 >> 24] ^ Ror8(td[(s1 >> 16) & 0xFF]) ^ Ror16(td[(s0 >> 8) & 0xFF]) ^ Ror24(td[s3 & 0xFF]) ^ rk[k + 2];
                uint t3 = td[s3 >> 24] ^ Ror8(td[(s2 >> 16) & 0xFF]) ^ Ror16(td[(s1 >> 8) & 0xFF]) ^ Ror24(td[s0 & 0xFF]) ^ rk[k + 3];
                s0 = t0;
                s1 = t1;
                s2 = t2;
                s3 = t3;
                k += 4;
            }
            byte[] isb = s_invSbox;
            Bytes.WriteUInt32BE(Last(isb, s0, s3, s2, s1) ^ rk[k], dst, dstOffset);
            Bytes.WriteUInt32BE(Last(isb, s1, s0, s3, s2) ^ rk[k + 1], dst, dstOffset + 4);
            Bytes.WriteUInt32BE(Last(isb, s2, s1, s0, s3) ^ rk[k + 2], dst, dstOffset + 8);
            Bytes.WriteUInt32BE(Last(isb, s3, s2, s1, s0) ^ rk[k + 3], dst, dstOffset + 12);
        }

        /// <summary>Wipes both key schedules; the instance cannot be used afterwards.</summary>
        public void Dispose()
        {
            uint[] ek = _ek;
            uint[] dk = _dk;
            _ek = null;
            _dk = null;
            if (ek != null) Array.Clear(ek, 0, ek.Length);
            if (dk != null) Array.Clear(dk, 0, dk.Length);
        }

        // Final round column: row 0 from a, row 1 from b, row 2 from c, row 3 from d, each through the given S-box.
        private static uint Last(byte[] box, uint a, uint b, uint c, uint d)
        {
            return ((uint)box[a >> 24] << 24) | ((uint)box[(b >> 16) & 0xFF] << 16) | ((uint)box[(c >> 8) & 0xFF] << 8) | box[d & 0xFF];
        }

        private static uint SubWord(uint w)
        {
            byte[] sb = s_sbox;
            return ((uint)sb[w >> 24] << 24) | ((uint)sb[(w >> 16) & 0xFF] << 16) | ((uint)sb[(w >> 8) & 0xFF] << 8) | sb[w & 0xFF];
        }

        private static uint Ror8(uint x)
        {
            return (x >> 8) | (x << 24);
        }

        private static uint Ror16(uint x)
        {
            return (x >> 16) | (x << 16);
        }

        private static uint Ror24(uint x)
        {
            return (x >> 24) | (x << 8);
        }

        // Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS 197 4.2), by repeated xtime (4.2.1).
        private static int Mul(int a, int b)
        {
            int p = 0;
            while (b != 0)
            {
                if ((b & 1) != 0) p ^= a;
                a <<= 1;
                if ((a & 0x100) != 0) a ^= 0x11B;
                b >>= 1;
            }
            return p;
        }
    }
}
