#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Tests.Crypto
{
    /// <summary>
    /// Re-keying in place (<c>SetKey</c>) of DES, TDES, AES and SM4: after a SetKey from a key of every other valid
    /// length, each cipher gives the published known answer of the new key both ways; bad arguments throw and leave the
    /// old key working; a disposed cipher refuses. (Allocation: PosTerminal.Tests/Host/CryptoAllocationTests.)
    /// </summary>
    [TestClass]
    public class CipherSetKeyTests
    {
        private static void SetKey(IBlockCipher cipher, byte[] key, int offset, int length)
        {
            if (cipher is Des) ((Des)cipher).SetKey(key, offset, length);
            else if (cipher is TripleDes) ((TripleDes)cipher).SetKey(key, offset, length);
            else if (cipher is AesCipher) ((AesCipher)cipher).SetKey(key, offset, length);
            else ((Sm4)cipher).SetKey(key, offset, length);
        }

        [TestMethod]
        // FIPS 81 Appendix B, Table B1 (first block)
        [DataRow("des", 8, "0123456789ABCDEF", "4E6F772069732074", "3FA40E8A984D4815")]
        // PyCryptodome SelfTest 'Two-key 3DES'
        [DataRow("tdes", 24, "9B397EBF81B1181E282F4BB8ADBADC6B", "21E81B7ADE88A259", "5C577D4D9B20C0F8")]
        // NIST SP 800-67 Appendix B (3-key TDEA, first block)
        [DataRow("tdes", 16, "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "5468652071756663", "A826FD8CE53B855F")]
        // ANSI X9.24-1:2009 A.4 (KSN ...E00001 PIN key)
        [DataRow("tdes", 24, "042666B49184CF5C68DE9628D0397B36", "041274EDCBA9876F", "1B9C1845EB993A7A")]
        // FIPS 197 Appendix C.1 (AES-128), from AES-256 and AES-192 instances
        [DataRow("aes", 32, "000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "69C4E0D86A7B0430D8CDB78070B4C55A")]
        [DataRow("aes", 24, "000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "69C4E0D86A7B0430D8CDB78070B4C55A")]
        // FIPS 197 Appendix C.2 (AES-192), from an AES-128 instance
        [DataRow("aes", 16, "000102030405060708090A0B0C0D0E0F1011121314151617", "00112233445566778899AABBCCDDEEFF", "DDA97CA4864CDFE06EAF70A0EC0D7191")]
        // FIPS 197 Appendix C.3 (AES-256), from AES-128 and AES-192 instances
        [DataRow("aes", 16, "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF", "8EA2B7CA516745BFEAFC49904B496089")]
        [DataRow("aes", 24, "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF", "8EA2B7CA516745BFEAFC49904B496089")]
        // GB/T 32907-2016 Appendix A, example 1
        [DataRow("sm4", 16, "0123456789ABCDEFFEDCBA9876543210", "0123456789ABCDEFFEDCBA9876543210", "681EDF34D206965E86B3E94F536E4246")]
        public void SetKey_FromAnotherKey_GivesPublishedAnswer(string algorithm, int firstKeyLength, string keyHex, string ptHex, string ctHex)
        {
            byte[] first = new byte[firstKeyLength];
            for (int i = 0; i < first.Length; i++) first[i] = (byte)(0xA5 ^ i);
            IBlockCipher cipher = CipherFactory.Create(algorithm, first);
            byte[] block = Hex.Decode(ptHex);
            cipher.EncryptBlock(block, 0, block, 0);                  // use the first key once

            byte[] key = Hex.Decode(keyHex);
            byte[] padded = new byte[key.Length + 3];
            Array.Copy(key, 0, padded, 3, key.Length);
            SetKey(cipher, padded, 3, key.Length);
            block = Hex.Decode(ptHex);
            cipher.EncryptBlock(block, 0, block, 0);
            Assert.AreEqual(ctHex, Hex.Encode(block));
            cipher.DecryptBlock(block, 0, block, 0);
            Assert.AreEqual(ptHex, Hex.Encode(block));

            // and back to the first key: same output as a fresh instance under it
            SetKey(cipher, first, 0, first.Length);
            IBlockCipher fresh = CipherFactory.Create(algorithm, first);
            byte[] a = Hex.Decode(ptHex);
            byte[] b = Hex.Decode(ptHex);
            cipher.EncryptBlock(a, 0, a, 0);
            fresh.EncryptBlock(b, 0, b, 0);
            CollectionAssert.AreEqual(b, a);
            cipher.Dispose();
            fresh.Dispose();
        }

        [TestMethod]
        // wrong lengths for each cipher
        [DataRow("des", 8, 16)]
        [DataRow("des", 8, 7)]
        [DataRow("tdes", 16, 8)]
        [DataRow("tdes", 24, 32)]
        [DataRow("aes", 16, 8)]
        [DataRow("aes", 32, 20)]
        [DataRow("sm4", 16, 24)]
        [DataRow("sm4", 16, 0)]
        public void SetKey_WrongLength_ThrowsAndKeepsTheOldKey(string algorithm, int keyLength, int badLength)
        {
            byte[] key = new byte[keyLength];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(7 * i + 1);
            IBlockCipher cipher = CipherFactory.Create(algorithm, key);
            IBlockCipher fresh = CipherFactory.Create(algorithm, key);
            byte[] other = new byte[40];
            Expect.Throws(typeof(ArgumentException), delegate { SetKey(cipher, other, 0, badLength); });
            Expect.Throws(typeof(ArgumentNullException), delegate { SetKey(cipher, null, 0, keyLength); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { SetKey(cipher, other, 40 - keyLength + 1, keyLength); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { SetKey(cipher, other, -1, keyLength); });

            byte[] a = new byte[cipher.BlockSize];
            byte[] b = new byte[cipher.BlockSize];
            cipher.EncryptBlock(a, 0, a, 0);
            fresh.EncryptBlock(b, 0, b, 0);
            CollectionAssert.AreEqual(b, a);

            cipher.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { SetKey(cipher, key, 0, keyLength); });
            fresh.Dispose();
        }
    }
}
