using System;
using PosTerminal.Util;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// The China UnionPay POS terminal MAC, the so-called "ECB" MAC carried in field 64, and its SM4 variant for
    /// 国密 terminals.
    /// </summary>
    /// <remarks>
    /// <para>With a block size b (8 for DES/TDES, 16 for SM4), over the MAB (the message bytes from the MTI through
    /// the last field before field 64, as sent: length, TPDU and header excluded; building it is the caller's job):</para>
    /// <list type="number">
    /// <item>XOR all b-byte blocks of the MAB together, the last one padded with 0x00 bytes;</item>
    /// <item>write the resulting block as 2b upper-case hex characters (ASCII);</item>
    /// <item>encrypt the first b characters under the MAK;</item>
    /// <item>XOR the result with the last b characters and encrypt again;</item>
    /// <item>write that block as 2b upper-case hex characters; the MAC is the first <see cref="OutputLength"/> of
    /// them, as ASCII (8 for field 64 of the DES/TDES scheme).</item>
    /// </list>
    /// <para>The MAK is 8 bytes (single DES) or 16 bytes (two-key TDES) in the DES scheme, 16 bytes (SM4) in the 国密
    /// scheme. Scratch blocks live in the instance, so nothing is allocated per call. An instance is not thread-safe.</para>
    /// </remarks>
    public sealed class CupMac : IDisposable
    {
        /// <summary>Default MAC length in bytes (ASCII hex characters): the 8 bytes of field 64.</summary>
        public const int DefaultOutputLength = 8;

        private IBlockCipher _cipher;
        private readonly bool _ownsCipher;
        private readonly int _blockSize;
        private readonly int _outputLength;
        private byte[] _x;
        private byte[] _hex;

        /// <summary>
        /// The DES-scheme MAC under an 8-byte MAK (single DES) or a 16-byte MAK (TDES K1 K2 K1); 8-byte output.
        /// The MAC owns its cipher.
        /// </summary>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="ArgumentException">The key length is neither 8 nor 16.</exception>
        public CupMac(byte[] mak, int offset, int length)
            : this(CreateDesCipher(mak, offset, length), DefaultOutputLength, true)
        {
        }

        /// <summary>The MAC under any 8- or 16-byte block cipher, with an output of <paramref name="outputLength"/> hex characters.</summary>
        /// <param name="cipher">The cipher keyed with the MAK.</param>
        /// <param name="outputLength">1 .. 2 x block size ASCII bytes; <see cref="DefaultOutputLength"/> for field 64.</param>
        /// <param name="ownsCipher">True: <see cref="Dispose"/> disposes the cipher (it must then not be shared).</param>
        /// <exception cref="ArgumentNullException"><paramref name="cipher"/> is null.</exception>
        /// <exception cref="ArgumentException">A block size other than 8 or 16, or an output length out of range.</exception>
        public CupMac(IBlockCipher cipher, int outputLength, bool ownsCipher)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (bs != 8 && bs != 16) throw new ArgumentException();
            if (outputLength < 1 || outputLength > 2 * bs) throw new ArgumentException();
            _cipher = cipher;
            _ownsCipher = ownsCipher;
            _blockSize = bs;
            _outputLength = outputLength;
            _x = new byte[bs];
            _hex = new byte[2 * bs];
        }

        /// <summary>
        /// The 国密 variant: SM4 under a 16-byte MAK, 16-byte blocks, output = the first
        /// <paramref name="outputLength"/> (1 .. 32) of the 32 hex characters. The MAC owns its cipher.
        /// </summary>
        /// <exception cref="ArgumentException">The key length is not 16, or the output length is out of range.</exception>
        public static CupMac CreateSm4(byte[] mak, int offset, int length, int outputLength)
        {
            if (outputLength < 1 || outputLength > 2 * Sm4.BlockLength) throw new ArgumentException();
            return new CupMac(new Sm4(mak, offset, length), outputLength, true);
        }

        /// <summary>The MAC length in bytes (ASCII hex characters).</summary>
        public int OutputLength
        {
            get { return _outputLength; }
        }

        /// <summary>Writes the <see cref="OutputLength"/>-byte MAC of the MAB <paramref name="data"/>[offset..offset+count) to <paramref name="mac"/>[macOffset].</summary>
        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CryptoArgs.CheckRange(mac, macOffset, _outputLength);
            Run(data, offset, count);
            Array.Copy(_hex, 0, mac, macOffset, _outputLength);
        }

        /// <summary>True when the MAC of the MAB equals <paramref name="mac"/>[macOffset..macOffset+OutputLength), compared in constant time.</summary>
        public bool Verify(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CryptoArgs.CheckRange(mac, macOffset, _outputLength);
            Run(data, offset, count);
            return ConstantTime.AreEqual(_hex, 0, mac, macOffset, _outputLength);
        }

        /// <summary>Wipes the scratch blocks and, when owned, disposes the cipher.</summary>
        public void Dispose()
        {
            IBlockCipher cipher = _cipher;
            _cipher = null;
            if (_x != null) Array.Clear(_x, 0, _x.Length);
            if (_hex != null) Array.Clear(_hex, 0, _hex.Length);
            if (_ownsCipher && cipher != null) cipher.Dispose();
        }

        // Leaves the 2b hex characters of the result in _hex.
        private void Run(byte[] data, int offset, int count)
        {
            IBlockCipher cipher = _cipher;
            if (cipher == null) throw new ObjectDisposedException(nameof(CupMac));
            CryptoArgs.CheckRange(data, offset, count);
            int bs = _blockSize;
            byte[] x = _x;
            byte[] hex = _hex;

            Array.Clear(x, 0, bs);
            int end = offset + count;
            int p = offset;
            while (end - p >= bs)
            {
                for (int j = 0; j < bs; j++) x[j] ^= data[p + j];
                p += bs;
            }
            for (int j = 0; p + j < end; j++) x[j] ^= data[p + j];   // last block, zero-padded

            Hex.EncodeAscii(x, 0, bs, hex, 0);
            cipher.EncryptBlock(hex, 0, x, 0);
            for (int j = 0; j < bs; j++) x[j] ^= hex[bs + j];
            cipher.EncryptBlock(x, 0, x, 0);
            Hex.EncodeAscii(x, 0, bs, hex, 0);
        }

        private static IBlockCipher CreateDesCipher(byte[] mak, int offset, int length)
        {
            CryptoArgs.CheckRange(mak, offset, length);
            if (length == Des.KeyLength) return new Des(mak, offset, length);
            if (length == TripleDes.DoubleKeyLength) return new TripleDes(mak, offset, length);
            throw new ArgumentException();
        }
    }
}
