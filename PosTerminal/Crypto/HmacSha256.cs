using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// HMAC-SHA-256 (RFC 2104 with the SHA-256 of FIPS 180-4; test cases in RFC 4231). The key's inner and outer
    /// blocks are compressed once, in <see cref="SetKey"/>, and each MAC resumes from those chaining values, so a MAC
    /// of a short message costs two compressions: what makes PBKDF2 affordable on the device. Allocates nothing after
    /// construction; <see cref="Dispose"/> wipes the key-derived state.
    /// </summary>
    public sealed class HmacSha256 : IDisposable
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacLength = Sha256.HashLength;

        private const byte InnerPad = 0x36;              // RFC 2104 §2: ipad
        private const byte OuterPad = 0x5C;              // RFC 2104 §2: opad
        private const uint FinalBit = 0x80000000;        // FIPS 180-4 §5.1.1: the '1' bit after the message
        private const uint KeyBlockAndDigestBits = (Sha256.BlockLength + Sha256.HashLength) * 8;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _innerState = new uint[8];
        private readonly uint[] _outerState = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly uint[] _s = new uint[8];
        private readonly byte[] _scratch = new byte[Sha256.BlockLength];
        private bool _disposed;

        /// <summary>An HMAC keyed with <paramref name="count"/> bytes of <paramref name="key"/> (any length).</summary>
        public HmacSha256(byte[] key, int offset, int count)
        {
            SetKey(key, offset, count);
        }

        /// <summary>Replaces the key and starts a new message. A key longer than a block is hashed first (RFC 2104 §2).</summary>
        public void SetKey(byte[] key, int offset, int count)
        {
            CheckLive();
            CryptoArgs.CheckRange(key, offset, count);
            Array.Clear(_scratch, 0, _scratch.Length);
            if (count > Sha256.BlockLength)
            {
                _sha.Reset();
                _sha.Update(key, offset, count);
                _sha.Final(_scratch, 0);
            }
            else
            {
                Array.Copy(key, offset, _scratch, 0, count);
            }
            KeyBlockState(InnerPad, _innerState);
            KeyBlockState(OuterPad ^ InnerPad, _outerState);   // _scratch already holds K XOR ipad
            Array.Clear(_scratch, 0, _scratch.Length);
            Array.Clear(_w, 0, _w.Length);
            _sha.Restart(_innerState, Sha256.BlockLength);
        }

        /// <summary>MACs <paramref name="count"/> more bytes of the message.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            CheckLive();
            _sha.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte MAC of the message at <paramref name="offset"/> and starts a new message.</summary>
        public void Final(byte[] mac, int offset)
        {
            CheckLive();
            CryptoArgs.CheckRange(mac, offset, MacLength);
            _sha.Final(_scratch, 0);                        // H((K ^ ipad) || text)
            _sha.Restart(_outerState, Sha256.BlockLength);
            _sha.Update(_scratch, 0, Sha256.HashLength);
            _sha.Final(mac, offset);                        // H((K ^ opad) || inner)
            Array.Clear(_scratch, 0, Sha256.HashLength);
            _sha.Restart(_innerState, Sha256.BlockLength);
        }

        /// <summary>The MAC of one whole message (any message started with <see cref="Update"/> is dropped).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CheckLive();
            _sha.Restart(_innerState, Sha256.BlockLength);
            _sha.Update(data, offset, count);
            Final(mac, macOffset);
        }

        /// <summary>
        /// The MAC of a 32-byte message given as 8 big-endian words, written as 8 words into <paramref name="result"/>
        /// (which may be <paramref name="message"/>): one compression for the inner hash, one for the outer, no byte
        /// conversions. The PBKDF2 inner loop.
        /// </summary>
        internal void ComputeDigestWords(uint[] message, uint[] result)
        {
            Array.Copy(_innerState, _s, 8);
            Array.Copy(message, _w, 8);
            PadDigestBlock(_w);
            Sha256.Compress(_s, _w);
            Array.Copy(_outerState, result, 8);
            Array.Copy(_s, _w, 8);
            PadDigestBlock(_w);
            Sha256.Compress(result, _w);
        }

        /// <summary>Wipes the key-derived chaining values and every scratch buffer.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            Array.Clear(_innerState, 0, 8);
            Array.Clear(_outerState, 0, 8);
            Array.Clear(_s, 0, 8);
            Array.Clear(_w, 0, _w.Length);
            Array.Clear(_scratch, 0, _scratch.Length);
            _sha.Dispose();
            _disposed = true;
        }

        // XORs the key block in _scratch with pad and compresses it from H(0) into state.
        private void KeyBlockState(int pad, uint[] state)
        {
            for (int i = 0; i < Sha256.BlockLength; i++) _scratch[i] ^= (byte)pad;
            Sha256.LoadInitial(state);
            Sha256.ReadWords(_scratch, 0, _w, 16);
            Sha256.Compress(state, _w);
        }

        // Words 8..15 of the last block of a message of one key block plus one digest (96 bytes): the padding bit,
        // zeros and the length in bits (FIPS 180-4 §5.1.1).
        private static void PadDigestBlock(uint[] w)
        {
            w[8] = FinalBit;
            for (int i = 9; i < 15; i++) w[i] = 0;
            w[15] = KeyBlockAndDigestBits;
        }

        private void CheckLive()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(HmacSha256));
        }
    }
}
