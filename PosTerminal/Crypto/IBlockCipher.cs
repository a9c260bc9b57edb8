using System;

namespace PosTerminal.Crypto
{
    /// <summary>
    /// A keyed block cipher (DES, TDES, AES, SM4): encrypts or decrypts one block between caller-supplied buffers,
    /// allocating nothing. The key schedule is made in the constructor (the four ciphers also have a
    /// <c>SetKey(key, offset, length)</c> that re-keys into the same arrays without allocating); Dispose wipes it.
    /// Source and destination may be the same range.
    /// </summary>
    public interface IBlockCipher : IDisposable
    {
        /// <summary>Block size in bytes: 8 (DES, TDES) or 16 (AES, SM4).</summary>
        int BlockSize { get; }

        /// <summary>Encrypts one block from <paramref name="src"/> into <paramref name="dst"/>.</summary>
        void EncryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset);

        /// <summary>Decrypts one block from <paramref name="src"/> into <paramref name="dst"/>.</summary>
        void DecryptBlock(byte[] src, int srcOffset, byte[] dst, int dstOffset);
    }
}
