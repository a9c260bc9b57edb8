using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 §6.2), incremental: <see cref="Update"/> any number of times, then <see cref="Final"/>.
    /// nanoFramework has no SHA-256 class (only a native HMACSHA256 in a package the core may not use), so this is
    /// the portable one. Every buffer is allocated in the constructor; hashing allocates nothing. The state may be
    /// derived from a password, so <see cref="Dispose"/> wipes it.
    /// </summary>
    public sealed class Sha256 : IDisposable
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashLength = 32;

        /// <summary>Block length in bytes (FIPS 180-4 §1: 512-bit blocks).</summary>
        public const int BlockLength = 64;

        // FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] s_k =
        {
            0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
            0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
            0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
            0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
            0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
            0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
            0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
            0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
        };

        // FIPS 180-4 §5.3.3: the initial hash value H(0).
        private static readonly uint[] s_initial =
        {
            0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
        };

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockLength;
        private long _totalBytes;
        private bool _disposed;

        /// <summary>A hash ready for its first <see cref="Update"/>.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            Restart(s_initial, 0);
        }

        /// <summary>Hashes <paramref name="count"/> more bytes of the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            CheckLive();
            CryptoArgs.CheckRange(data, offset, count);
            _totalBytes += count;
            if (_blockLength > 0)
            {
                int take = BlockLength - _blockLength;
                if (take > count) take = count;
                Array.Copy(data, offset, _block, _blockLength, take);
                _blockLength += take;
                offset += take;
                count -= take;
                if (_blockLength < BlockLength) return;
                CompressBytes(_block, 0);
                _blockLength = 0;
            }
            while (count >= BlockLength)
            {
                CompressBytes(data, offset);
                offset += BlockLength;
                count -= BlockLength;
            }
            if (count > 0)
            {
                Array.Copy(data, offset, _block, 0, count);
                _blockLength = count;
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 §5.1.1), writes the 32-byte digest at <paramref name="offset"/> and starts a new
        /// message.
        /// </summary>
        public void Final(byte[] digest, int offset)
        {
            CheckLive();
            CryptoArgs.CheckRange(digest, offset, HashLength);
            long bits = _totalBytes * 8;
            _block[_blockLength++] = 0x80;
            if (_blockLength > BlockLength - 8)
            {
                Array.Clear(_block, _blockLength, BlockLength - _blockLength);
                CompressBytes(_block, 0);
                _blockLength = 0;
            }
            Array.Clear(_block, _blockLength, BlockLength - 8 - _blockLength);
            for (int i = 0; i < 8; i++) _block[BlockLength - 1 - i] = (byte)(bits >> (8 * i));
            CompressBytes(_block, 0);
            WriteWords(_h, digest, offset);
            Reset();
        }

        /// <summary>The digest of one whole message (allocates a hash object: for one-off use).</summary>
        public static void Hash(byte[] data, int offset, int count, byte[] digest, int digestOffset)
        {
            using (Sha256 sha = new Sha256())
            {
                sha.Update(data, offset, count);
                sha.Final(digest, digestOffset);
            }
        }

        /// <summary>Wipes the chaining state, the message schedule and the pending block.</summary>
        public void Dispose()
        {
            Array.Clear(_h, 0, _h.Length);
            Array.Clear(_w, 0, _w.Length);
            Array.Clear(_block, 0, _block.Length);
            _blockLength = 0;
            _totalBytes = 0;
            _disposed = true;
        }

        /// <summary>
        /// Continues from a saved chaining value <paramref name="state"/> after <paramref name="totalBytes"/> bytes
        /// (a whole number of blocks): how HMAC resumes from its precomputed key blocks.
        /// </summary>
        internal void Restart(uint[] state, long totalBytes)
        {
            CheckLive();
            Array.Copy(state, _h, 8);
            Array.Clear(_block, 0, _block.Length);
            _blockLength = 0;
            _totalBytes = totalBytes;
        }

        /// <summary>Copies the chaining value (meaningful after a whole number of blocks).</summary>
        internal void SaveState(uint[] state)
        {
            Array.Copy(_h, state, 8);
        }

        /// <summary>The initial hash value H(0) into <paramref name="state"/>.</summary>
        internal static void LoadInitial(uint[] state)
        {
            Array.Copy(s_initial, state, 8);
        }

        /// <summary>
        /// One compression (FIPS 180-4 §6.2.2): <paramref name="w"/>[0..15] holds the block as big-endian words on entry;
        /// [16..63] are overwritten by the message schedule; <paramref name="state"/> is updated.
        /// </summary>
        internal static void Compress(uint[] state, uint[] w)
        {
            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                uint s1 = ((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10);
                uint s0 = ((y >> 7) | (y << 25)) ^ ((y >> 18) | (y << 14)) ^ (y >> 3);
                w[t] = s1 + w[t - 7] + s0 + w[t - 16];
            }
            uint a = state[0], b = state[1], c = state[2], d = state[3];
            uint e = state[4], f = state[5], g = state[6], h = state[7];
            uint[] k = s_k;
            for (int t = 0; t < 64; t++)
            {
                uint sum1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint t1 = h + sum1 + ((e & f) ^ (~e & g)) + k[t] + w[t];
                uint sum0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }

        /// <summary>Reads <paramref name="count"/> big-endian words from <paramref name="src"/> at <paramref name="offset"/>.</summary>
        internal static void ReadWords(byte[] src, int offset, uint[] words, int count)
        {
            for (int i = 0; i < count; i++)
            {
                int p = offset + 4 * i;
                words[i] = ((uint)src[p] << 24) | ((uint)src[p + 1] << 16) | ((uint)src[p + 2] << 8) | src[p + 3];
            }
        }

        /// <summary>Writes the 8 words of a chaining value as the 32-byte big-endian digest.</summary>
        internal static void WriteWords(uint[] words, byte[] dst, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                uint v = words[i];
                int p = offset + 4 * i;
                dst[p] = (byte)(v >> 24);
                dst[p + 1] = (byte)(v >> 16);
                dst[p + 2] = (byte)(v >> 8);
                dst[p + 3] = (byte)v;
            }
        }

        private void CompressBytes(byte[] src, int offset)
        {
            ReadWords(src, offset, _w, 16);
            Compress(_h, _w);
        }

        private void CheckLive()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(Sha256));
        }
    }
}
