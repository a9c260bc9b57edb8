using System;
using PosTerminal.Crypto;

namespace PosTerminal.Tests.Crypto
{
    /// <summary>Makes a block cipher from the algorithm names used in ../shared/vectors/*.json.</summary>
    public static class CipherFactory
    {
        /// <summary>"des", "tdes", "aes" or "sm4" under <paramref name="key"/>[offset..offset+length).</summary>
        public static IBlockCipher Create(string algorithm, byte[] key, int offset, int length)
        {
            if (algorithm == "des") return new Des(key, offset, length);
            if (algorithm == "tdes") return new TripleDes(key, offset, length);
            if (algorithm == "aes") return new AesCipher(key, offset, length);
            if (algorithm == "sm4") return new Sm4(key, offset, length);
            throw new ArgumentException();
        }

        /// <summary>The cipher under the whole of <paramref name="key"/>.</summary>
        public static IBlockCipher Create(string algorithm, byte[] key)
        {
            return Create(algorithm, key, 0, key.Length);
        }
    }
}
