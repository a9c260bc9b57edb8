using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The CBC-MACs of ISO/IEC 9797-1: MAC algorithm 1 (CBC-MAC, output transformation 1; ANSI X9.9 / FIPS 113 with
    /// DES) and MAC algorithm 3 (output transformation 3: the last CBC block is decrypted under K' and encrypted again
    /// under K; with single DES and K K' this is the ANSI X9.19 "retail MAC"), with padding method 1, 2 or 3.
    /// </summary>
    /// <remarks>
    /// Works with any 8- or 16-byte block cipher: DES or TDES (X9.9, X9.19), and SM4 as in GB/T 15852.1.
    /// One-shot over a byte range; the chaining block lives in the instance, so nothing is allocated per call.
    /// The MAC is the whole last block (<see cref="MacLength"/> bytes); protocols send its leftmost 4 or 8 bytes,
    /// which <see cref="Verify"/> compares in constant time. An instance is not thread-safe.
    /// </remarks>
    public sealed class RetailMac : IDisposable
    {
        /// <summary>The key length of ANSI X9.19 (algorithm 3 over single DES): K then K'.</summary>
        public const int X919KeyLength = 16;

        private IBlockCipher _cipher;
        private IBlockCipher _finalCipher;
        private readonly bool _ownsCiphers;
        private readonly MacPadding _padding;
        private readonly int _blockSize;
        private byte[] _h;

        /// <summary>
        /// A MAC over <paramref name="cipher"/> (key K): algorithm 1 when <paramref name="finalCipher"/> is null,
        /// algorithm 3 with <paramref name="finalCipher"/> as K' otherwise.
        /// </summary>
        /// <param name="cipher">The CBC cipher, key K.</param>
        /// <param name="finalCipher">Null for algorithm 1; the cipher under K' for algorithm 3 (same block size).</param>
        /// <param name="padding">The ISO/IEC 9797-1 padding method.</param>
        /// <param name="ownsCiphers">True: <see cref="Dispose"/> disposes both ciphers (they must then not be shared).</param>
        /// <exception cref="ArgumentNullException"><paramref name="cipher"/> is null.</exception>
        /// <exception cref="ArgumentException">A block size other than 8 or 16, block sizes that differ, or an unknown padding.</exception>
        public RetailMac(IBlockCipher cipher, IBlockCipher finalCipher, MacPadding padding, bool ownsCiphers)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (bs != 8 && bs != 16) throw new ArgumentException();
            if (finalCipher != null && finalCipher.BlockSize != bs) throw new ArgumentException();
            if (padding != MacPadding.Method1 && padding != MacPadding.Method2 && padding != MacPadding.Method3) throw new ArgumentException();
            _cipher = cipher;
            _finalCipher = finalCipher;
            _ownsCiphers = ownsCiphers;
            _padding = padding;
            _blockSize = bs;
            _h = new byte[bs];
        }

        /// <summary>
        /// MAC algorithm 1 under an 8-byte key (single DES: ANSI X9.9 / FIPS 113) or a 16- or 24-byte key (TDES).
        /// The MAC owns its cipher.
        /// </summary>
        /// <exception cref="ArgumentException">The key length is not 8, 16 or 24, or the padding is unknown.</exception>
        public static RetailMac CreateAlgorithm1(byte[] key, int offset, int length, MacPadding padding)
        {
            CryptoArgs.CheckRange(key, offset, length);
            IBlockCipher cipher;
            if (length == Des.KeyLength) cipher = new Des(key, offset, length);
            else if (length == TripleDes.DoubleKeyLength || length == TripleDes.TripleKeyLength) cipher = new TripleDes(key, offset, length);
            else throw new ArgumentException();
            return Own(cipher, null, padding);
        }

        /// <summary>
        /// MAC algorithm 3 over single DES (ANSI X9.19 retail MAC) under a 16-byte key: K = the first 8 bytes,
        /// K' = the last 8. The MAC owns its ciphers.
        /// </summary>
        /// <exception cref="ArgumentException">The key length is not 16, or the padding is unknown.</exception>
        public static RetailMac CreateX919(byte[] key, int offset, int length, MacPadding padding)
        {
            CryptoArgs.CheckRange(key, offset, length);
            if (length != X919KeyLength) throw new ArgumentException();
            return Own(new Des(key, offset, Des.KeyLength), new Des(key, offset + Des.KeyLength, Des.KeyLength), padding);
        }

        /// <summary>Length in bytes of the full MAC: the cipher's block size.</summary>
        public int MacLength
        {
            get { return _blockSize; }
        }

        /// <summary>True for MAC algorithm 3 (a K' cipher is present), false for algorithm 1.</summary>
        public bool IsAlgorithm3
        {
            get { return _finalCipher != null; }
        }

        /// <summary>Writes the <see cref="MacLength"/>-byte MAC of <paramref name="data"/>[offset..offset+count) to <paramref name="mac"/>[macOffset].</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CryptoArgs.CheckRange(mac, macOffset, _blockSize);
            Run(data, offset, count, null, 0);
            Array.Copy(_h, 0, mac, macOffset, _blockSize);
        }

        /// <summary>
        /// As <see cref="Compute(byte[], int, int, byte[], int)"/>, but with a starting chaining value: the first block
        /// is XORed with <paramref name="iv"/>[ivOffset..] before it is enciphered (FIPS 113 / X9.9 with a non-zero IV).
        /// ISO/IEC 9797-1 itself always starts from zero.
        /// </summary>
        public void Compute(byte[] data, int offset, int count, byte[] iv, int ivOffset, byte[] mac, int macOffset)
        {
            if (iv == null) throw new ArgumentNullException();
            CryptoArgs.CheckRange(mac, macOffset, _blockSize);
            Run(data, offset, count, iv, ivOffset);
            Array.Copy(_h, 0, mac, macOffset, _blockSize);
        }

        /// <summary>
        /// True when the leftmost <paramref name="macLength"/> bytes of the MAC of the data equal
        /// <paramref name="mac"/>[macOffset..macOffset+macLength), compared in constant time.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="macLength"/> is not 1 .. <see cref="MacLength"/>.</exception>
        public bool Verify(byte[] data, int offset, int count, byte[] mac, int macOffset, int macLength)
        {
            if (macLength < 1 || macLength > _blockSize) throw new ArgumentException();
            CryptoArgs.CheckRange(mac, macOffset, macLength);
            Run(data, offset, count, null, 0);
            return ConstantTime.AreEqual(_h, 0, mac, macOffset, macLength);
        }

        /// <summary>Wipes the chaining block and, when owned, disposes the ciphers.</summary>
        public void Dispose()
        {
            IBlockCipher cipher = _cipher;
            IBlockCipher finalCipher = _finalCipher;
            _cipher = null;
            _finalCipher = null;
            if (_h != null) Array.Clear(_h, 0, _h.Length);
            if (_ownsCiphers)
            {
                if (cipher != null) cipher.Dispose();
                if (finalCipher != null) finalCipher.Dispose();
            }
        }

        private static RetailMac Own(IBlockCipher cipher, IBlockCipher finalCipher, MacPadding padding)
        {
            try
            {
                return new RetailMac(cipher, finalCipher, padding, true);
            }
            catch (Exception)
            {
                cipher.Dispose();
                if (finalCipher != null) finalCipher.Dispose();
                throw;
            }
        }

        // Leaves the output block G in _h.
        private void Run(byte[] data, int offset, int count, byte[] iv, int ivOffset)
        {
            IBlockCipher cipher = _cipher;
            if (cipher == null) throw new ObjectDisposedException(nameof(RetailMac));
            CryptoArgs.CheckRange(data, offset, count);
            int bs = _blockSize;
            byte[] h = _h;
            if (iv == null)
            {
                Array.Clear(h, 0, bs);
            }
            else
            {
                CryptoArgs.CheckRange(iv, ivOffset, bs);
                Array.Copy(iv, ivOffset, h, 0, bs);
            }

            if (_padding == MacPadding.Method3)
            {
                // The length block L: the data length in bits, right-justified in one block.
                long bits = (long)count * 8;
                for (int i = bs - 1; i >= 0 && bits != 0; i--)
                {
                    h[i] ^= (byte)bits;
                    bits >>= 8;
                }
                cipher.EncryptBlock(h, 0, h, 0);
            }

            int full = count / bs;
            int rem = count - full * bs;
            // Methods 1 and 3 add nothing to data that ends on a block boundary; method 1 makes empty data one zero
            // block; method 2 always adds 0x80 and zeros.
            bool padBlock = rem != 0 || _padding == MacPadding.Method2 || (count == 0 && _padding == MacPadding.Method1);

            int p = offset;
            for (int b = 0; b < full; b++)
            {
                for (int j = 0; j < bs; j++) h[j] ^= data[p + j];
                cipher.EncryptBlock(h, 0, h, 0);
                p += bs;
            }
            if (padBlock)
            {
                for (int j = 0; j < rem; j++) h[j] ^= data[p + j];     // the zero padding bytes change nothing
                if (_padding == MacPadding.Method2) h[rem] ^= 0x80;
                cipher.EncryptBlock(h, 0, h, 0);
            }

            IBlockCipher finalCipher = _finalCipher;
            if (finalCipher != null)
            {
                // Output transformation 3: G = e_K(d_K'(H_q)).
                finalCipher.DecryptBlock(h, 0, h, 0);
                cipher.EncryptBlock(h, 0, h, 0);
            }
        }
    }
}
