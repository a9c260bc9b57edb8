using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// CMAC, NIST SP 800-38B (= ISO/IEC 9797-1:2011 MAC algorithm 5), over any 8- or 16-byte block cipher: AES
    /// (see <see cref="AesCmac"/>, RFC 4493), TDES (TR-31 / X9.24 key check values) or SM4 (GB/T 15852.1).
    /// </summary>
    /// <remarks>
    /// The subkeys K1 and K2 (SP 800-38B 6.1) are derived once, in the constructor; the chaining block lives in the
    /// instance, so nothing is allocated per call. The MAC is the whole last block; SP 800-38B allows sending only its
    /// leftmost bytes, which <see cref="Verify"/> compares in constant time. An instance is not thread-safe.
    /// </remarks>
    public class Cmac : IDisposable
    {
        // NIST SP 800-38B 5.3: R128 = 0^120 10000111 and R64 = 0^59 11011, the last byte of the constant Rb.
        private const byte Rb128 = 0x87;
        private const byte Rb64 = 0x1B;

        private IBlockCipher _cipher;
        private readonly bool _ownsCipher;
        private readonly int _blockSize;
        private byte[] _k1;
        private byte[] _k2;
        private byte[] _h;

        /// <summary>A CMAC under <paramref name="cipher"/>; derives the subkeys K1 and K2 (SP 800-38B 6.1).</summary>
        /// <param name="cipher">An 8- or 16-byte block cipher, already keyed.</param>
        /// <param name="ownsCipher">True: <see cref="Dispose"/> disposes the cipher (it must then not be shared).</param>
        /// <exception cref="ArgumentNullException"><paramref name="cipher"/> is null.</exception>
        /// <exception cref="ArgumentException">The block size is neither 8 nor 16.</exception>
        public Cmac(IBlockCipher cipher, bool ownsCipher)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (bs != 8 && bs != 16) throw new ArgumentException();
            _cipher = cipher;
            _ownsCipher = ownsCipher;
            _blockSize = bs;
            _h = new byte[bs];
            _k1 = new byte[bs];
            _k2 = new byte[bs];
            cipher.EncryptBlock(_h, 0, _h, 0);                 // L = CIPH_K(0^b)
            Double(_h, _k1, bs == 16 ? Rb128 : Rb64);
            Double(_k1, _k2, bs == 16 ? Rb128 : Rb64);
            Array.Clear(_h, 0, bs);
        }

        /// <summary>Length in bytes of the full MAC: the cipher's block size.</summary>
        public int MacLength
        {
            get { return _blockSize; }
        }

        /// <summary>Writes the <see cref="MacLength"/>-byte MAC of <paramref name="data"/>[offset..offset+count) to <paramref name="mac"/>[macOffset] (SP 800-38B 6.2).</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CryptoArgs.CheckRange(mac, macOffset, _blockSize);
            Run(data, offset, count);
            Array.Copy(_h, 0, mac, macOffset, _blockSize);
        }

        /// <summary>
        /// True when the leftmost <paramref name="macLength"/> bytes of the MAC of the data equal
        /// <paramref name="mac"/>[macOffset..macOffset+macLength), compared in constant time (SP 800-38B 6.3).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="macLength"/> is not 1 .. <see cref="MacLength"/>.</exception>
        public bool Verify(byte[] data, int offset, int count, byte[] mac, int macOffset, int macLength)
        {
            if (macLength < 1 || macLength > _blockSize) throw new ArgumentException();
            CryptoArgs.CheckRange(mac, macOffset, macLength);
            Run(data, offset, count);
            return ConstantTime.AreEqual(_h, 0, mac, macOffset, macLength);
        }

        /// <summary>Wipes the subkeys and the chaining block and, when owned, disposes the cipher.</summary>
        public void Dispose()
        {
            IBlockCipher cipher = _cipher;
            _cipher = null;
            if (_k1 != null) Array.Clear(_k1, 0, _k1.Length);
            if (_k2 != null) Array.Clear(_k2, 0, _k2.Length);
            if (_h != null) Array.Clear(_h, 0, _h.Length);
            if (_ownsCipher && cipher != null) cipher.Dispose();
        }

        // Leaves the tag in _h.
        private void Run(byte[] data, int offset, int count)
        {
            IBlockCipher cipher = _cipher;
            if (cipher == null) throw new ObjectDisposedException(nameof(Cmac));
            CryptoArgs.CheckRange(data, offset, count);
            int bs = _blockSize;
            byte[] h = _h;
            Array.Clear(h, 0, bs);

            // n = ceil(count / b), at least 1; the last block is complete only when count is a non-zero multiple of b.
            int n = count == 0 ? 1 : (count + bs - 1) / bs;
            int p = offset;
            for (int b = 0; b < n - 1; b++)
            {
                for (int j = 0; j < bs; j++) h[j] ^= data[p + j];
                cipher.EncryptBlock(h, 0, h, 0);
                p += bs;
            }
            int last = count - (n - 1) * bs;
            for (int j = 0; j < last; j++) h[j] ^= data[p + j];
            byte[] k;
            if (last == bs)
            {
                k = _k1;
            }
            else
            {
                h[last] ^= 0x80;                                  // M_n* || 10^j
                k = _k2;
            }
            for (int j = 0; j < bs; j++) h[j] ^= k[j];
            cipher.EncryptBlock(h, 0, h, 0);
        }

        // dst = src << 1, XOR Rb into the last byte when the most significant bit of src was set (SP 800-38B 6.1).
        private static void Double(byte[] src, byte[] dst, byte rb)
        {
            int n = src.Length;
            bool msb = (src[0] & 0x80) != 0;
            int carry = 0;
            for (int i = n - 1; i >= 0; i--)
            {
                int v = src[i];
                dst[i] = (byte)((v << 1) | carry);
                carry = v >> 7;
            }
            if (msb) dst[n - 1] ^= rb;
        }
    }
}
