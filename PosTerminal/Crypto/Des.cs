using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The Data Encryption Standard, FIPS 46-3: 64-bit blocks under an 8-byte key (the parity bits are ignored).
    /// </summary>
    /// <remarks>
    /// Table-driven: the eight S-boxes of FIPS 46-3 Appendix 1 are merged with the permutation P into eight
    /// 64-entry "SP" tables (2 KB of <c>uint</c>, built once by the static constructor), so a round costs two
    /// rotations, two XORs and eight table look-ups. The initial and final permutations are done with the
    /// classic sequence of five masked bit-swaps instead of tables, and the expansion E is done by reading the
    /// 6-bit groups straight out of a rotated copy of the right half. The 16 round keys (two 24-bit words each,
    /// laid out to match those groups) live in a 32-word array owned by the instance. Nothing is allocated per block.
    /// Single DES is kept for legacy single-length keys (UnionPay 8-byte MAK, ISO 9797-1 algorithm 3) and as the
    /// building block of <see cref="TripleDes"/>. <see cref="SetKey"/> re-keys in place without allocating.
    /// </remarks>
    public sealed class Des : IBlockCipher
    {
        /// <summary>Key length in bytes (56 key bits and 8 parity bits).</summary>
        public const int KeyLength = 8;

        /// <summary>Block length in bytes.</summary>
        public const int BlockLength = 8;

        /// <summary>Words of one key schedule: 16 rounds x 2 words.</summary>
        internal const int ScheduleWords = 32;

        private const int Rounds = 16;

        // FIPS 46-3 Appendix 2 (Key Schedule Calculation), Permuted Choice 1: the key bits (1 = most significant
        // bit of the first key byte) that form C0 (first 28 entries) and D0 (last 28 entries).
        private static readonly byte[] s_pc1 =
        {
            57, 49, 41, 33, 25, 17,  9,
             1, 58, 50, 42, 34, 26, 18,
            10,  2, 59, 51, 43, 35, 27,
            19, 11,  3, 60, 52, 44, 36,
            63, 55, 47, 39, 31, 23, 15,
             7, 62, 54, 46, 38, 30, 22,
            14,  6, 61, 53, 45, 37, 29,
            21, 13,  5, 28, 20, 12,  4,
        };

        // FIPS 46-3 Appendix 2 (Key Schedule Calculation), table of left shifts of C and D per iteration.
        private static readonly byte[] s_shifts = { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };

        // FIPS 46-3 Appendix 2 (Key Schedule Calculation), Permuted Choice 2: the bits of CnDn (1..56) that form Kn.
        private static readonly byte[] s_pc2 =
        {
            14, 17, 11, 24,  1,  5,
             3, 28, 15,  6, 21, 10,
            23, 19, 12,  4, 26,  8,
            16,  7, 27, 20, 13,  2,
            41, 52, 31, 37, 47, 55,
            30, 40, 51, 45, 33, 48,
            44, 49, 39, 56, 34, 53,
            46, 42, 50, 36, 29, 32,
        };

        // SP[64 * j + v] = P(S(j+1)(v) in output nibble j), rotated left by one bit (the round works on halves rotated
        // left by one, so that the odd 6-bit groups of E(R) can be read without a rotation). Built by the static
        // constructor from FIPS 46-3 Appendix 1.
        private static readonly uint[] s_sp = new uint[8 * 64];

        private uint[] _ks;

        static Des()
        {
            // FIPS 46-3 Appendix 1 (Primitive Functions for the Data Encryption Algorithm), selection functions
            // S1 .. S8: 4 rows of 16 columns each, row = first and last bit of the 6-bit input, column = middle 4 bits.
            // A local array: it is needed only to build the SP tables.
            byte[] s =
            {
                // S1
                14,  4, 13,  1,  2, 15, 11,  8,  3, 10,  6, 12,  5,  9,  0,  7,
                 0, 15,  7,  4, 14,  2, 13,  1, 10,  6, 12, 11,  9,  5,  3,  8,
                 4,  1, 14,  8, 13,  6,  2, 11, 15, 12,  9,  7,  3, 10,  5,  0,
                15, 12,  8,  2,  4,  9,  1,  7,  5, 11,  3, 14, 10,  0,  6, 13,
                // S2
                15,  1,  8, 14,  6, 11,  3,  4,  9,  7,  2, 13, 12,  0,  5, 10,
                 3, 13,  4,  7, 15,  2,  8, 14, 12,  0,  1, 10,  6,  9, 11,  5,
                 0, 14,  7, 11, 10,  4, 13,  1,  5,  8, 12,  6,  9,  3,  2, 15,
                13,  8, 10,  1,  3, 15,  4,  2, 11,  6,  7, 12,  0,  5, 14,  9,
                // S3
                10,  0,  9, 14,  6,  3, 15,  5,  1, 13, 12,  7, 11,  4,  2,  8,
                13,  7,  0,  9,  3,  4,  6, 10,  2,  8,  5, 14, 12, 11, 15,  1,
                13,  6,  4,  9,  8, 15,  3,  0, 11,  1,  2, 12,  5, 10, 14,  7,
                 1, 10, 13,  0,  6,  9,  8,  7,  4, 15, 14,  3, 11,  5,  2, 12,
                // S4
                 7, 13, 14,  3,  0,  6,  9, 10,  1,  2,  8,  5, 11, 12,  4, 15,
                13,  8, 11,  5,  6, 15,  0,  3,  4,  7,  2, 12,  1, 10, 14,  9,
                10,  6,  9,  0, 12, 11,  7, 13, 15,  1,  3, 14,  5,  2,  8,  4,
                 3, 15,  0,  6, 10,  1, 13,  8,  9,  4,  5, 11, 12,  7,  2, 14,
                // S5
                 2, 12,  4,  1,  7, 10, 11,  6,  8,  5,  3, 15, 13,  0, 14,  9,
                14, 11,  2, 12,  4,  7, 13,  1,  5,  0, 15, 10,  3,  9,  8,  6,
                 4,  2,  1, 11, 10, 13,  7,  8, 15,  9, 12,  5,  6,  3,  0, 14,
                11,  8, 12,  7,  1, 14,  2, 13,  6, 15,  0,  9, 10,  4,  5,  3,
                // S6
                12,  1, 10, 15,  9,  2,  6,  8,  0, 13,  3,  4, 14,  7,  5, 11,
                10, 15,  4,  2,  7, 12,  9,  5,  6,  1, 13, 14,  0, 11,  3,  8,
                 9, 14, 15,  5,  2,  8, 12,  3,  7,  0,  4, 10,  1, 13, 11,  6,
                 4,  3,  2, 12,  9,  5, 15, 10, 11, 14,  1,  7,  6,  0,  8, 13,
                // S7
                 4, 11,  2, 14, 15,  0,  8, 13,  3, 12,  9,  7,  5, 10,  6,  1,
                13,  0, 11,  7,  4,  9,  1, 10, 14,  3,  5, 12,  2, 15,  8,  6,
                 1,  4, 11, 13, 12,  3,  7, 14, 10, 15,  6,  8,  0,  5,  9,  2,
                 6, 11, 13,  8,  1,  4, 10,  7,  9,  5,  0, 15, 14,  2,  3, 12,
                // S8
                13,  2,  8,  4,  6, 15, 11,  1, 10,  9,  3, 14,  5,  0, 12,  7,
                 1, 15, 13,  8, 10,  3,  7,  4, 12,  5,  6, 11,  0, 14,  9,  2,
                 7, 11,  4,  1,  9, 12, 14,  2,  0,  6, 10, 13, 15,  3,  5,  8,
                 2,  1, 14,  7,  4, 10,  8, 13, 15, 12,  9,  0,  3,  5,  6, 11,
            };

            // FIPS 46-3 Appendix 1, permutation function P: output bit i (1..32) is input bit P[i].
            byte[] p =
            {
                16,  7, 20, 21, 29, 12, 28, 17,
                 1, 15, 23, 26,  5, 18, 31, 10,
                 2,  8, 24, 14, 32, 27,  3,  9,
                19, 13, 30,  6, 22, 11,  4, 25,
            };

            for (int box = 0; box < 8; box++)
            {
                for (int v = 0; v < 64; v++)
                {
                    int row = ((v >> 4) & 2) | (v & 1);
                    int column = (v >> 1) & 0x0F;
                    uint nibble = s[box * 64 + row * 16 + column];
                    uint sOut = nibble << (28 - 4 * box);           // S-box output at bits 4*box+1 .. 4*box+4
                    uint pOut = 0;
                    for (int i = 0; i < 32; i++)
                    {
                        if ((sOut & (0x80000000u >> (p[i] - 1))) != 0) pOut |= 0x80000000u >> i;
                    }
                    s_sp[box * 64 + v] = (pOut << 1) | (pOut >> 31);
                }
            }
        }

        /// <summary>Makes the key schedule of an 8-byte key taken from <paramref name="key"/>[offset..offset+length).</summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 8.</exception>
        public Des(byte[] key, int offset, int length)
        {
            CryptoArgs.CheckRange(key, offset, length);
            if (length != KeyLength) throw new ArgumentException();
            _ks = new uint[ScheduleWords];
            ExpandKey(key, offset, _ks, 0);
        }

        /// <summary>
        /// Replaces the key with the 8-byte key at <paramref name="key"/>[offset..offset+length), recomputing the
        /// schedule into the instance's own array: nothing is allocated, so one instance can serve a whole chain of
        /// derivations (DUKPT). The arguments are checked before anything changes; on an exception the old key stays.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 8.</exception>
        /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
        public void SetKey(byte[] key, int offset, int length)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(Des));
            CryptoArgs.CheckRange(key, offset, length);
            if (length != KeyLength) throw new ArgumentException();
            ExpandKey(key, offset, ks, 0);
        }

        /// <summary>
        /// Zeroes the round keys but keeps the instance usable for <see cref="SetKey"/> (for owners that reuse one
        /// instance and must not leave a schedule behind between uses). Encrypting before the next SetKey gives
        /// meaningless output.
        /// </summary>
        internal void ClearSchedule()
        {
            uint[] ks = _ks;
            if (ks != null) Array.Clear(ks, 0, ks.Length);
        }

        /// <summary>8.</summary>
        public int BlockSize
        {
            get { return BlockLength; }
        }

        /// <summary>Encrypts one 8-byte block.</summary>
        public void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(Des));
            uint left = Bytes.ReadUInt32BE(src, srcOffset);
            uint right = Bytes.ReadUInt32BE(src, srcOffset + 4);
            InitialPermutation(ref left, ref right);
            Crypt(ks, 0, false, ref left, ref right);
            FinalPermutation(ref left, ref right);
            Bytes.WriteUInt32BE(left, dst, dstOffset);
            Bytes.WriteUInt32BE(right, dst, dstOffset + 4);
        }

        /// <summary>Decrypts one 8-byte block.</summary>
        public void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] ks = _ks;
            if (ks == null) throw new ObjectDisposedException(nameof(Des));
            uint left = Bytes.ReadUInt32BE(src, srcOffset);
            uint right = Bytes.ReadUInt32BE(src, srcOffset + 4);
            InitialPermutation(ref left, ref right);
            Crypt(ks, 0, true, ref left, ref right);
            FinalPermutation(ref left, ref right);
            Bytes.WriteUInt32BE(left, dst, dstOffset);
            Bytes.WriteUInt32BE(right, dst, dstOffset + 4);
        }

        /// <summary>Wipes the key schedule; the instance cannot be used afterwards.</summary>
        public void Dispose()
        {
            uint[] ks = _ks;
            _ks = null;
            if (ks != null) Array.Clear(ks, 0, ks.Length);
        }

        /// <summary>
        /// Writes the 16 round keys of the 8-byte key at <paramref name="key"/>[offset] into
        /// <paramref name="ks"/>[ksOffset..ksOffset+32): per round one word with the 6-bit groups 1, 3, 5, 7 of
        /// Kn and one with the groups 2, 4, 6, 8, one group per byte (group 1 or 2 in the top byte), the layout
        /// <see cref="Crypt"/> reads.
        /// </summary>
        internal static void ExpandKey(byte[] key, int offset, uint[] ks, int ksOffset)
        {
            // C and D (FIPS 46-3 Appendix 2) as two 28-bit registers in the low bits of two words, bit 1 of C (the
            // first bit of PC-1) the most significant: no array, so a key schedule allocates nothing.
            uint c = 0;
            uint d = 0;
            for (int i = 0; i < 28; i++)
            {
                int bitC = s_pc1[i] - 1;
                int bitD = s_pc1[28 + i] - 1;
                c = (c << 1) | (uint)((key[offset + (bitC >> 3)] >> (7 - (bitC & 7))) & 1);
                d = (d << 1) | (uint)((key[offset + (bitD >> 3)] >> (7 - (bitD & 7))) & 1);
            }

            for (int round = 0; round < Rounds; round++)
            {
                int shift = s_shifts[round];                    // left rotation of each 28-bit register
                c = ((c << shift) | (c >> (28 - shift))) & 0x0FFFFFFFu;
                d = ((d << shift) | (d >> (28 - shift))) & 0x0FFFFFFFu;

                uint even = 0;
                uint odd = 0;
                for (int group = 0; group < 8; group++)
                {
                    uint g = 0;
                    for (int i = 0; i < 6; i++)
                    {
                        int bit = s_pc2[group * 6 + i] - 1;     // 0..27 in C, 28..55 in D
                        uint b = bit < 28 ? c >> (27 - bit) : d >> (55 - bit);
                        g = (g << 1) | (b & 1);
                    }
                    int shiftOut = 24 - 8 * (group >> 1);
                    if ((group & 1) == 0) even |= g << shiftOut;
                    else odd |= g << shiftOut;
                }
                ks[ksOffset + 2 * round] = even;
                ks[ksOffset + 2 * round + 1] = odd;
            }
        }

        /// <summary>
        /// The initial permutation IP (FIPS 46-3, Enciphering) as five masked bit-swaps, leaving both halves rotated
        /// left by one bit as <see cref="Crypt"/> expects.
        /// </summary>
        internal static void InitialPermutation(ref uint left, ref uint right)
        {
            uint l = left;
            uint r = right;
            uint t;
            t = ((l >> 4) ^ r) & 0x0F0F0F0Fu; r ^= t; l ^= t << 4;
            t = ((l >> 16) ^ r) & 0x0000FFFFu; r ^= t; l ^= t << 16;
            t = ((r >> 2) ^ l) & 0x33333333u; l ^= t; r ^= t << 2;
            t = ((r >> 8) ^ l) & 0x00FF00FFu; l ^= t; r ^= t << 8;
            t = ((l >> 1) ^ r) & 0x55555555u; r ^= t; l ^= t << 1;
            left = (l << 1) | (l >> 31);
            right = (r << 1) | (r >> 31);
        }

        /// <summary>The inverse of <see cref="InitialPermutation"/> (IP<sup>-1</sup>, FIPS 46-3, Enciphering).</summary>
        internal static void FinalPermutation(ref uint left, ref uint right)
        {
            uint l = (left >> 1) | (left << 31);
            uint r = (right >> 1) | (right << 31);
            uint t;
            t = ((l >> 1) ^ r) & 0x55555555u; r ^= t; l ^= t << 1;
            t = ((r >> 8) ^ l) & 0x00FF00FFu; l ^= t; r ^= t << 8;
            t = ((r >> 2) ^ l) & 0x33333333u; l ^= t; r ^= t << 2;
            t = ((l >> 16) ^ r) & 0x0000FFFFu; r ^= t; l ^= t << 16;
            t = ((l >> 4) ^ r) & 0x0F0F0F0Fu; r ^= t; l ^= t << 4;
            left = l;
            right = r;
        }

        /// <summary>
        /// The 16 rounds (FIPS 46-3, Enciphering / Deciphering) on halves already through
        /// <see cref="InitialPermutation"/>, with the round keys at <paramref name="ks"/>[ksOffset..ksOffset+32),
        /// used in reverse order when <paramref name="decrypt"/>. On return the halves are the pre-output
        /// R16 L16 (the final swap is done), ready for <see cref="FinalPermutation"/> or for the next DES of a TDEA
        /// chain (IP<sup>-1</sup> followed by IP is the identity).
        /// </summary>
        internal static void Crypt(uint[] ks, int ksOffset, bool decrypt, ref uint left, ref uint right)
        {
            uint[] sp = s_sp;
            uint l = left;
            uint r = right;
            int k = decrypt ? ksOffset + ScheduleWords - 2 : ksOffset;
            int step = decrypt ? -2 : 2;
            for (int i = 0; i < Rounds / 2; i++)
            {
                // E(R) XOR K: groups 1, 3, 5, 7 from R rotated right by 4 (R is kept rotated left by one),
                // groups 2, 4, 6, 8 from R itself, each group in the low 6 bits of a byte.
                uint w = ((r >> 4) | (r << 28)) ^ ks[k];
                uint f = sp[(int)(w >> 24) & 0x3F] | sp[128 + ((int)(w >> 16) & 0x3F)]
                       | sp[256 + ((int)(w >> 8) & 0x3F)] | sp[384 + ((int)w & 0x3F)];
                w = r ^ ks[k + 1];
                f |= sp[64 + ((int)(w >> 24) & 0x3F)] | sp[192 + ((int)(w >> 16) & 0x3F)]
                   | sp[320 + ((int)(w >> 8) & 0x3F)] | sp[448 + ((int)w & 0x3F)];
                l ^= f;
                k += step;

                w = ((l >> 4) | (l << 28)) ^ ks[k];
                f = sp[(int)(w >> 24) & 0x3F] | sp[128 + ((int)(w >> 16) & 0x3F)]
                  | sp[256 + ((int)(w >> 8) & 0x3F)] | sp[384 + ((int)w & 0x3F)];
                w = l ^ ks[k + 1];
                f |= sp[64 + ((int)(w >> 24) & 0x3F)] | sp[192 + ((int)(w >> 16) & 0x3F)]
                   | sp[320 + ((int)(w >> 8) & 0x3F)] | sp[448 + ((int)w & 0x3F)];
                r ^= f;
                k += step;
            }
            left = r;
            right = l;
        }
    }
}
