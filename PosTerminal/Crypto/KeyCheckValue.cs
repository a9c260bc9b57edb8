using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// Key check values: the only thing about a key that may be shown, logged or compared in the clear.
    /// Two methods, as in ANSI X9.24-1:2017 (and PCI PIN requirement 15-1):
    /// <list type="bullet">
    /// <item><b>Legacy</b> (<see cref="ComputeLegacy"/>): the leftmost bytes of the key's encryption of an all-zero
    /// block. Used for DES/TDES keys, and by UnionPay sign-on for TDES and SM4 working keys (4 bytes).</item>
    /// <item><b>CMAC</b> (<see cref="ComputeCmac"/>): the leftmost bytes of the CMAC (NIST SP 800-38B) of an all-zero
    /// block under the key, with the key's own block cipher. Required for AES keys (X9.24-3, TR-31); allowed for TDES.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// These run at key loading, not per transaction: each call allocates one block (the CMAC form also its subkeys).
    /// </remarks>
    public static class KeyCheckValue
    {
        /// <summary>ANSI X9.24-1:2017: the legacy (encrypt-zeros) check value is at most 24 bits, i.e. 3 bytes.</summary>
        public const int LegacyLength = 3;

        /// <summary>ANSI X9.24-1:2017: the CMAC check value is at most 40 bits, i.e. 5 bytes.</summary>
        public const int CmacLength = 5;

        /// <summary>
        /// Writes the leftmost <paramref name="length"/> bytes of E(key, 0^b) to <paramref name="kcv"/>[offset]
        /// (b = the block size; <paramref name="length"/> 1 .. b, usually <see cref="LegacyLength"/>, 4 for UnionPay).
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="length"/> is not 1 .. block size.</exception>
        public static void ComputeLegacy(IBlockCipher cipher, byte[] kcv, int offset, int length)
        {
            byte[] block = ZeroBlock(cipher, length);
            CryptoArgs.CheckRange(kcv, offset, length);
            cipher.EncryptBlock(block, 0, block, 0);
            Array.Copy(block, 0, kcv, offset, length);
        }

        /// <summary>
        /// Writes the leftmost <paramref name="length"/> bytes of CMAC(key, 0^b) to <paramref name="kcv"/>[offset]
        /// (<paramref name="length"/> 1 .. b, usually <see cref="CmacLength"/>). The cipher is not disposed.
        /// </summary>
        /// <exception cref="ArgumentNullException">The cipher or buffer is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="length"/> is not 1 .. block size.</exception>
        public static void ComputeCmac(IBlockCipher cipher, byte[] kcv, int offset, int length)
        {
            byte[] block = ZeroBlock(cipher, length);
            CryptoArgs.CheckRange(kcv, offset, length);
            using (Cmac cmac = new Cmac(cipher, false))
            {
                cmac.Compute(block, 0, block.Length, block, 0);
            }
            Array.Copy(block, 0, kcv, offset, length);
        }

        /// <summary>True when the legacy check value of the key equals <paramref name="expected"/>[offset..offset+length), compared in constant time.</summary>
        public static bool MatchesLegacy(IBlockCipher cipher, byte[] expected, int offset, int length)
        {
            byte[] block = ZeroBlock(cipher, length);
            CryptoArgs.CheckRange(expected, offset, length);
            cipher.EncryptBlock(block, 0, block, 0);
            return ConstantTime.AreEqual(block, 0, expected, offset, length);
        }

        /// <summary>True when the CMAC check value of the key equals <paramref name="expected"/>[offset..offset+length), compared in constant time.</summary>
        public static bool MatchesCmac(IBlockCipher cipher, byte[] expected, int offset, int length)
        {
            byte[] block = ZeroBlock(cipher, length);
            CryptoArgs.CheckRange(expected, offset, length);
            using (Cmac cmac = new Cmac(cipher, false))
            {
                cmac.Compute(block, 0, block.Length, block, 0);
            }
            return ConstantTime.AreEqual(block, 0, expected, offset, length);
        }

        private static byte[] ZeroBlock(IBlockCipher cipher, int length)
        {
            if (cipher == null) throw new ArgumentNullException();
            int bs = cipher.BlockSize;
            if (length < 1 || length > bs) throw new ArgumentException();
            return new byte[bs];
        }
    }
}
