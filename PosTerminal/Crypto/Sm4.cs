using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// SM4, GB/T 32907-2016 (the Chinese national block cipher used by "国密" payment terminals): 128-bit blocks
    /// under a 16-byte key, 32 rounds.
    /// </summary>
    /// <remarks>
    /// The round's composite permutation T = L(τ(·)) (GB/T 32907-2016 6.2) is linear in the four S-box outputs and
    /// L commutes with rotations, so T is computed with one 256-word table (1 KB, built once from the S-box) and
    /// three rotations: T(a) = T0[a0] ^ ror8(T0[a1]) ^ ror16(T0[a2]) ^ ror24(T0[a3]) with T0[x] = L(S(x) &lt;&lt; 24).
    /// The key expansion (7.3) uses the S-box directly. The 32 round keys are owned by the instance; decryption
    /// (7.2) reads them in reverse order. Nothing is allocated per block.
    /// </remarks>
    public sealed class Sm4 : IBlockCipher
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeyLength = 16;

        /// <summary>Block length in bytes.</summary>
        public const int BlockLength = 16;

        private const int Rounds = 32;

        // GB/T 32907-2016 6.2 a) (non-linear transformation τ), Table 1: S-box, input byte xy at row x, column y.
        private static readonly byte[] s_sbox =
        {
            0xD6, 0x90, 0xE9, 0xFE, 0xCC, 0xE1, 0x3D, 0xB7, 0x16, 0xB6, 0x14, 0xC2, 0x28, 0xFB, 0x2C, 0x05,
            0x2B, 0x67, 0x9A, 0x76, 0x2A, 0xBE, 0x04, 0xC3, 0xAA, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
            0x9C, 0x42, 0x50, 0xF4, 0x91, 0xEF, 0x98, 0x7A, 0x33, 0x54, 0x0B, 0x43, 0xED, 0xCF, 0xAC, 0x62,
            0xE4, 0xB3, 0x1C, 0xA9, 0xC9, 0x08, 0xE8, 0x95, 0x80, 0xDF, 0x94, 0xFA, 0x75, 0x8F, 0x3F, 0xA6,
            0x47, 0x07, 0xA7, 0xFC, 0xF3, 0x73, 0x17, 0xBA, 0x83, 0x59, 0x3C, 0x19, 0xE6, 0x85, 0x4F, 0xA8,
            0x68, 0x6B, 0x81, 0xB2, 0x71, 0x64, 0xDA, 0x8B, 0xF8, 0xEB, 0x0F, 0x4B, 0x70, 0x56, 0x9D, 0x35,
            0x1E, 0x24, 0x0E, 0x5E, 0x63, 0x58, 0xD1, 0xA2, 0x25, 0x22, 0x7C, 0x3B, 0x01, 0x21, 0x78, 0x87,
            0xD4, 0x00, 0x46, 0x57, 0x9F, 0xD3, 0x27, 0x52, 0x4C, 0x36, 0x02, 0xE7, 0xA0, 0xC4, 0xC8, 0x9E,
            0xEA, 0xBF, 0x8A, 0xD2, 0x40, 0xC7, 0x38, 0xB5, 0xA3, 0xF7, 0xF2, 0xCE, 0xF9, 0x61, 0x15, 0xA1,
            0xE0, 0xAE, 0x5D, 0xA4, 0x9B, 0x34, 0x1A, 0x55, 0xAD, 0x93, 0x32, 0x30, 0xF5, 0x8C, 0xB1, 0xE3,
            0x1D, 0xF6, 0xE2, 0x2E, 0x82, 0x66, 0xCA, 0x60, 0xC0, 0x29, 0x23, 0xAB, 0x0D, 0x53, 0x4E, 0x6F,
            0xD5, 0xDB, 0x37, 0x45, 0xDE, 0xFD, 0x8E, 0x2F, 0x03, 0xFF, 0x6A, 0x72, 0x6D, 0x6C, 0x5B, 0x51,
            0x8D, 0x1B, 0xAF, 0x92, 0xBB, 0xDD, 0xBC, 0x7F, 0x11, 0xD9, 0x5C, 0x41, 0x1F, 0x10, 0x5A, 0xD8,
            0x0A, 0xC1, 0x31, 0x88, 0xA5, 0xCD, 0x7B, 0xBD, 0x2D, 0x74, 0xD0, 0x12, 0xB8, 0xE5, 0xB4, 0xB0,
            0x89, 0x69, 0x97, 0x4A, 0x0C, 0x96, 0x77, 0x7E, 0x65, 0xB9, 0xF1, 0x09, 0xC5, 0x6E, 0xC6, 0x84,
            0x18, 0xF0, 0x7D, 0xEC, 0x3A, 0xDC, 0x4D, 0x20, 0x79, 0xEE, 0x5F, 0x3E, 0xD7, 0xCB, 0x39, 0x48,
        };

        // GB/T 32907-2016 7.3 b): system parameter FK.
        private static readonly uint[] s_fk = { 0xA3B1BAC6u, 0x56AA3350u, 0x677D9197u, 0xB27022DCu };

        // s_t0[x] = L(S(x) << 24), L(B) = B ^ (B <<< 2) ^ (B <<< 10) ^ (B <<< 18) ^ (B <<< 24) (GB/T 32907-2016 6.2 b)).
        private static readonly uint[] s_t0 = new uint[256];

        private uint[] _rk;

        static Sm4()
        {
            for (int x = 0; x < 256; x++)
            {
                uint b = (uint)s_sbox[x] << 24;
                s_t0[x] = b ^ Rol(b, 2) ^ Rol(b, 10) ^ Rol(b, 18) ^ Rol(b, 24);
            }
        }

        /// <summary>Expands a 16-byte key at <paramref name="key"/>[offset..offset+length) (GB/T 32907-2016 7.3).</summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 16.</exception>
        public Sm4(byte[] key, int offset, int length)
        {
            CryptoArgs.CheckRange(key, offset, length);
            if (length != KeyLength) throw new ArgumentException();
            _rk = new uint[Rounds];
            Expand(key, offset, _rk);
        }

        /// <summary>
        /// Replaces the key with the 16-byte key at <paramref name="key"/>[offset..offset+length), recomputing the
        /// round keys into the instance's own array: nothing is allocated. The arguments are checked before anything
        /// changes; on an exception the old key stays.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The length is not 16.</exception>
        /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
        public void SetKey(byte[] key, int offset, int length)
        {
            uint[] rk = _rk;
            if (rk == null) throw new ObjectDisposedException(nameof(Sm4));
            CryptoArgs.CheckRange(key, offset, length);
            if (length != KeyLength) throw new ArgumentException();
            Expand(key, offset, rk);
        }

        /// <summary>Zeroes the round keys but keeps the instance usable for <see cref="SetKey"/> (see <see cref="Des"/>).</summary>
        internal void ClearSchedule()
        {
            uint[] rk = _rk;
            if (rk != null) Array.Clear(rk, 0, rk.Length);
        }

        // GB/T 32907-2016 7.3: the 32 round keys of the key at key[offset..offset+16) into rk.
        private static void Expand(byte[] key, int offset, uint[] rk)
        {
            uint k0 = Bytes.ReadUInt32BE(key, offset) ^ s_fk[0];
            uint k1 = Bytes.ReadUInt32BE(key, offset + 4) ^ s_fk[1];
            uint k2 = Bytes.ReadUInt32BE(key, offset + 8) ^ s_fk[2];
            uint k3 = Bytes.ReadUInt32BE(key, offset + 12) ^ s_fk[3];
            byte[] sb = s_sbox;
            for (int i = 0; i < Rounds; i++)
            {
                // GB/T 32907-2016 7.3 c): fixed parameter CK_i, byte j = (4i + j) * 7 mod 256.
                int c = 28 * i;
                uint ck = ((uint)(c & 0xFF) << 24) | ((uint)((c + 7) & 0xFF) << 16) | ((uint)((c + 14) & 0xFF) << 8) | (uint)((c + 21) & 0xFF);
                uint a = k1 ^ k2 ^ k3 ^ ck;
                uint b = ((uint)sb[a >> 24] << 24) | ((uint)sb[(a >> 16) & 0xFF] << 16) | ((uint)sb[(a >> 8) & 0xFF] << 8) | sb[a & 0xFF];
                uint next = k0 ^ b ^ Rol(b, 13) ^ Rol(b, 23);      // T' = L'(τ(·)), L'(B) = B ^ (B <<< 13) ^ (B <<< 23)
                rk[i] = next;
                k0 = k1;
                k1 = k2;
                k2 = k3;
                k3 = next;
            }
        }

        /// <summary>16.</summary>
        public int BlockSize
        {
            get { return BlockLength; }
        }

        /// <summary>Encrypts one 16-byte block (GB/T 32907-2016 7.1).</summary>
        public void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] rk = _rk;
            if (rk == null) throw new ObjectDisposedException(nameof(Sm4));
            Crypt(rk, 0, 1, src, srcOffset, dst, dstOffset);
        }

        /// <summary>Decrypts one 16-byte block (GB/T 32907-2016 7.2: the encryption with the round keys reversed).</summary>
        public void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] rk = _rk;
            if (rk == null) throw new ObjectDisposedException(nameof(Sm4));
            Crypt(rk, Rounds - 1, -1, src, srcOffset, dst, dstOffset);
        }

        /// <summary>Wipes the round keys; the instance cannot be used afterwards.</summary>
        public void Dispose()
        {
            uint[] rk = _rk;
            _rk = null;
            if (rk != null) Array.Clear(rk, 0, rk.Length);
        }

        private static void Crypt(uint[] rk, int k, int step, byte[] src, int srcOffset, byte[] dst, int dstOffset)
        {
            uint[] t0 = s_t0;
            uint x0 = Bytes.ReadUInt32BE(src, srcOffset);
            uint x1 = Bytes.ReadUInt32BE(src, srcOffset + 4);
            uint x2 = Bytes.ReadUInt32BE(src, srcOffset + 8);
            uint x3 = Bytes.ReadUInt32BE(src, srcOffset + 12);
            uint a;
            uint u1;
            uint u2;
            uint u3;
            for (int i = 0; i < Rounds / 4; i++)
            {
                // X(i+4) = X(i) ^ T(X(i+1) ^ X(i+2) ^ X(i+3) ^ rk(i))  (GB/T 32907-2016 6.1)
                a = x1 ^ x2 ^ x3 ^ rk[k];
                u1 = t0[(a >> 16) & 0xFF];
                u2 = t0[(a >> 8) & 0xFF];
                u3 = t0[a & 0xFF];
                x0 ^= t0[a >> 24] ^ ((u1 >> 8) | (u1 << 24)) ^ ((u2 >> 16) | (u2 << 16)) ^ ((u3 >> 24) | (u3 << 8));
                k += step;

                a = x2 ^ x3 ^ x0 ^ rk[k];
                u1 = t0[(a >> 16) & 0xFF];
                u2 = t0[(a >> 8) & 0xFF];
                u3 = t0[a & 0xFF];
                x1 ^= t0[a >> 24] ^ ((u1 >> 8) | (u1 << 24)) ^ ((u2 >> 16) | (u2 << 16)) ^ ((u3 >> 24) | (u3 << 8));
                k += step;

                a = x3 ^ x0 ^ x1 ^ rk[k];
                u1 = t0[(a >> 16) & 0xFF];
                u2 = t0[(a >> 8) & 0xFF];
                u3 = t0[a & 0xFF];
                x2 ^= t0[a >> 24] ^ ((u1 >> 8) | (u1 << 24)) ^ ((u2 >> 16) | (u2 << 16)) ^ ((u3 >> 24) | (u3 << 8));
                k += step;

                a = x0 ^ x1 ^ x2 ^ rk[k];
                u1 = t0[(a >> 16) & 0xFF];
                u2 = t0[(a >> 8) & 0xFF];
                u3 = t0[a & 0xFF];
                x3 ^= t0[a >> 24] ^ ((u1 >> 8) | (u1 << 24)) ^ ((u2 >> 16) | (u2 << 16)) ^ ((u3 >> 24) | (u3 << 8));
                k += step;
            }
            // Reverse transformation R (GB/T 32907-2016 7.1): the output is X35 X34 X33 X32.
            Bytes.WriteUInt32BE(x3, dst, dstOffset);
            Bytes.WriteUInt32BE(x2, dst, dstOffset + 4);
            Bytes.WriteUInt32BE(x1, dst, dstOffset + 8);
            Bytes.WriteUInt32BE(x0, dst, dstOffset + 12);
        }

        private static uint Rol(uint x, int n)
        {
            return (x << n) | (x >> (32 - n));
        }
    }
}
