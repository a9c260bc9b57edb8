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
    /// <summary>Ciphers and block modes refuse bad keys, bad lengths and use after Dispose with typed exceptions.</summary>
    [TestClass]
    public class CipherArgumentTests
    {
        [TestMethod]
        [DataRow("des", 0)]
        [DataRow("des", 7)]
        [DataRow("des", 9)]
        [DataRow("des", 16)]
        [DataRow("tdes", 8)]
        [DataRow("tdes", 15)]
        [DataRow("tdes", 17)]
        [DataRow("tdes", 23)]
        [DataRow("tdes", 32)]
        [DataRow("aes", 8)]
        [DataRow("aes", 15)]
        [DataRow("aes", 20)]
        [DataRow("aes", 31)]
        [DataRow("aes", 33)]
        [DataRow("sm4", 8)]
        [DataRow("sm4", 15)]
        [DataRow("sm4", 24)]
        [DataRow("sm4", 32)]
        public void Constructor_BadKeyLength_ThrowsArgumentException(string algorithm, int length)
        {
            byte[] key = new byte[40];
            Expect.Throws(typeof(ArgumentException), delegate { CipherFactory.Create(algorithm, key, 0, length); });
        }

        [TestMethod]
        [DataRow("des", 8)]
        [DataRow("tdes", 16)]
        [DataRow("aes", 16)]
        [DataRow("sm4", 16)]
        public void Constructor_NullKeyOrRangeOutside_ThrowsTypedException(string algorithm, int length)
        {
            Expect.Throws(typeof(ArgumentNullException), delegate { CipherFactory.Create(algorithm, null, 0, length); });
            byte[] key = new byte[length];
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { CipherFactory.Create(algorithm, key, 1, length); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { CipherFactory.Create(algorithm, key, -1, length); });
        }

        [TestMethod]
        [DataRow("des", 8, 8)]
        [DataRow("tdes", 16, 8)]
        [DataRow("tdes", 24, 8)]
        [DataRow("aes", 16, 16)]
        [DataRow("aes", 24, 16)]
        [DataRow("aes", 32, 16)]
        [DataRow("sm4", 16, 16)]
        public void Dispose_ThenUse_ThrowsObjectDisposed(string algorithm, int keyLength, int blockSize)
        {
            IBlockCipher cipher = CipherFactory.Create(algorithm, new byte[keyLength]);
            Assert.AreEqual(blockSize, cipher.BlockSize);
            byte[] block = new byte[blockSize];
            cipher.Dispose();
            cipher.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { cipher.EncryptBlock(block, 0, block, 0); });
            Expect.Throws(typeof(ObjectDisposedException), delegate { cipher.DecryptBlock(block, 0, block, 0); });
        }

        [TestMethod]
        [DataRow("des", 8, 7)]
        [DataRow("des", 8, 9)]
        [DataRow("des", 8, -8)]
        [DataRow("tdes", 16, 4)]
        [DataRow("aes", 16, 8)]
        [DataRow("aes", 16, 24)]
        [DataRow("sm4", 16, 15)]
        [DataRow("sm4", 16, 40)]
        public void Modes_CountNotAMultipleOfTheBlockSize_ThrowsArgumentException(string algorithm, int keyLength, int count)
        {
            IBlockCipher cipher = CipherFactory.Create(algorithm, new byte[keyLength]);
            byte[] buffer = new byte[64];
            byte[] iv = new byte[16];
            Expect.Throws(typeof(ArgumentException), delegate { BlockModes.EncryptEcb(cipher, buffer, 0, count, buffer, 0); });
            Expect.Throws(typeof(ArgumentException), delegate { BlockModes.DecryptEcb(cipher, buffer, 0, count, buffer, 0); });
            Expect.Throws(typeof(ArgumentException), delegate { BlockModes.EncryptCbc(cipher, buffer, 0, count, buffer, 0, iv, 0); });
            Expect.Throws(typeof(ArgumentException), delegate { BlockModes.DecryptCbc(cipher, buffer, 0, count, buffer, 0, iv, 0); });
        }

        [TestMethod]
        public void Modes_RangesOutsideTheirArrays_ThrowArgumentOutOfRange()
        {
            IBlockCipher cipher = new AesCipher(new byte[16], 0, 16);
            byte[] buffer = new byte[32];
            byte[] iv = new byte[16];
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { BlockModes.EncryptEcb(cipher, buffer, 1, 32, buffer, 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { BlockModes.DecryptEcb(cipher, buffer, 0, 32, new byte[31], 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { BlockModes.EncryptCbc(cipher, buffer, 0, 32, buffer, 0, iv, 1); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { BlockModes.DecryptCbc(cipher, buffer, 0, 32, buffer, 0, new byte[8], 0); });
            Expect.Throws(typeof(ArgumentNullException), delegate { BlockModes.EncryptEcb(null, buffer, 0, 16, buffer, 0); });
            Expect.Throws(typeof(ArgumentNullException), delegate { BlockModes.EncryptCbc(cipher, buffer, 0, 16, buffer, 0, null, 0); });
        }

        [TestMethod]
        // NIST SP 800-38A F.2.1 (CBC-AES128.Encrypt), processed in two calls: the IV buffer carries the chaining value
        [DataRow("2B7E151628AED2A6ABF7158809CF4F3C", "000102030405060708090A0B0C0D0E0F",
            "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710",
            "7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B273BED6B8E3C1743B7116E69E222295163FF1CAA1681FAC09120ECA307586E1A7")]
        public void Cbc_InTwoCalls_ContinuesTheChainThroughTheIvBuffer(string keyHex, string ivHex, string ptHex, string ctHex)
        {
            byte[] key = Hex.Decode(keyHex);
            AesCipher aes = new AesCipher(key, 0, key.Length);
            byte[] buffer = Hex.Decode(ptHex);
            byte[] iv = Hex.Decode(ivHex);
            BlockModes.EncryptCbc(aes, buffer, 0, 16, buffer, 0, iv, 0);
            BlockModes.EncryptCbc(aes, buffer, 16, 48, buffer, 16, iv, 0);
            Assert.AreEqual(ctHex, Hex.Encode(buffer));
            Assert.AreEqual(ctHex.Substring(96, 32), Hex.Encode(iv));     // the last ciphertext block

            iv = Hex.Decode(ivHex);
            BlockModes.DecryptCbc(aes, buffer, 0, 32, buffer, 0, iv, 0);
            BlockModes.DecryptCbc(aes, buffer, 32, 32, buffer, 32, iv, 0);
            Assert.AreEqual(ptHex, Hex.Encode(buffer));
            Assert.AreEqual(ctHex.Substring(96, 32), Hex.Encode(iv));
        }

        [TestMethod]
        public void Modes_ZeroCount_DoNothing()
        {
            IBlockCipher cipher = new Des(new byte[8], 0, 8);
            byte[] buffer = new byte[8];
            byte[] iv = new byte[8];
            iv[0] = 0x42;
            BlockModes.EncryptCbc(cipher, buffer, 0, 0, buffer, 0, iv, 0);
            BlockModes.EncryptEcb(cipher, buffer, 8, 0, buffer, 8);
            Assert.AreEqual("0000000000000000", Hex.Encode(buffer));
            Assert.AreEqual("4200000000000000", Hex.Encode(iv));
        }
    }
}
