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
    /// <summary>Key check values: the "kcv" rows of ../shared/vectors/crypto.json, the CMAC form, and constant-time comparison.</summary>
    [TestClass]
    public class KeyCheckValueTests
    {
        [TestMethod]
        // ANSI X9.24-1 DUKPT IPEK; its KCV (TDES, encrypt 8 zero bytes, leftmost 3 bytes) as printed by terminal vendors' key-loading examples
        [DataRow("tdes", "6AC292FAA1315B4D858AB3A3D7D5933A", "AF8C07")]
        public void Legacy_PublishedVector_Matches(string algorithm, string keyHex, string kcvHex)
        {
            IBlockCipher cipher = CipherFactory.Create(algorithm, Hex.Decode(keyHex));
            byte[] kcv = new byte[KeyCheckValue.LegacyLength + 1];
            KeyCheckValue.ComputeLegacy(cipher, kcv, 1, kcvHex.Length / 2);
            Assert.AreEqual(kcvHex, Hex.Encode(kcv, 1, kcvHex.Length / 2));
            Assert.AreEqual(0, (int)kcv[0]);
            byte[] expected = Hex.Decode(kcvHex);
            Assert.IsTrue(KeyCheckValue.MatchesLegacy(cipher, expected, 0, expected.Length));
            expected[2] ^= 0x10;
            Assert.IsFalse(KeyCheckValue.MatchesLegacy(cipher, expected, 0, expected.Length));
        }

        [TestMethod]
        // GB/T 32907-2016 Appendix A, example 1: the encryption of the zero block is not published, so the legacy
        // check value is compared with the cipher's own encryption of 16 zero bytes (4 bytes, as UnionPay sign-on uses)
        [DataRow("sm4", "0123456789ABCDEFFEDCBA9876543210", 4)]
        // FIPS 197 Appendix C.1 key
        [DataRow("aes", "000102030405060708090A0B0C0D0E0F", 3)]
        // FIPS 81 key
        [DataRow("des", "0123456789ABCDEF", 8)]
        public void Legacy_IsTheLeftmostBytesOfTheZeroBlockEncrypted(string algorithm, string keyHex, int length)
        {
            IBlockCipher cipher = CipherFactory.Create(algorithm, Hex.Decode(keyHex));
            byte[] zero = new byte[cipher.BlockSize];
            cipher.EncryptBlock(zero, 0, zero, 0);
            byte[] kcv = new byte[length];
            KeyCheckValue.ComputeLegacy(cipher, kcv, 0, length);
            Assert.AreEqual(Hex.Encode(zero, 0, length), Hex.Encode(kcv));
        }

        [TestMethod]
        // RFC 4493 / NIST SP 800-38B AES-128 key (mac.json); the CMAC of one zero block under it, via AesCmac
        [DataRow("aes", "2B7E151628AED2A6ABF7158809CF4F3C")]
        // NIST TDES_CMAC.pdf three-key TDEA key (see CmacTests)
        [DataRow("tdes", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123")]
        // GB/T 15852.1-2020 SM4 CMAC key (mac.json)
        [DataRow("sm4", "0123456789ABCDEFFEDCBA9876543210")]
        public void Cmac_IsTheLeftmostBytesOfTheCmacOfAZeroBlock(string algorithm, string keyHex)
        {
            byte[] key = Hex.Decode(keyHex);
            IBlockCipher cipher = CipherFactory.Create(algorithm, key);
            byte[] zero = new byte[cipher.BlockSize];
            byte[] tag = new byte[cipher.BlockSize];
            new Cmac(CipherFactory.Create(algorithm, key), true).Compute(zero, 0, zero.Length, tag, 0);
            byte[] kcv = new byte[KeyCheckValue.CmacLength];
            KeyCheckValue.ComputeCmac(cipher, kcv, 0, KeyCheckValue.CmacLength);
            Assert.AreEqual(Hex.Encode(tag, 0, KeyCheckValue.CmacLength), Hex.Encode(kcv));
            Assert.IsTrue(KeyCheckValue.MatchesCmac(cipher, tag, 0, KeyCheckValue.CmacLength));
            tag[4] ^= 0x01;
            Assert.IsFalse(KeyCheckValue.MatchesCmac(cipher, tag, 0, KeyCheckValue.CmacLength));
            // the CMAC form differs from the legacy form, and the cipher stays usable (not disposed by ComputeCmac)
            byte[] legacy = new byte[KeyCheckValue.CmacLength];
            KeyCheckValue.ComputeLegacy(cipher, legacy, 0, KeyCheckValue.CmacLength);
            Assert.IsFalse(Hex.Encode(legacy) == Hex.Encode(kcv));
        }

        [TestMethod]
        [DataRow("des", 8, 0)]
        [DataRow("des", 8, 9)]
        [DataRow("aes", 16, 17)]
        [DataRow("sm4", 16, -1)]
        public void BadLength_ThrowsArgumentException(string algorithm, int keyLength, int length)
        {
            IBlockCipher cipher = CipherFactory.Create(algorithm, new byte[keyLength]);
            byte[] kcv = new byte[32];
            Expect.Throws(typeof(ArgumentException), delegate { KeyCheckValue.ComputeLegacy(cipher, kcv, 0, length); });
            Expect.Throws(typeof(ArgumentException), delegate { KeyCheckValue.ComputeCmac(cipher, kcv, 0, length); });
            Expect.Throws(typeof(ArgumentNullException), delegate { KeyCheckValue.ComputeLegacy(null, kcv, 0, 3); });
        }

        [TestMethod]
        [DataRow("00112233", "00112233", true)]
        [DataRow("00112233", "00112232", false)]
        [DataRow("80112233", "00112233", false)]
        [DataRow("", "", true)]
        public void ConstantTime_AreEqual(string aHex, string bHex, bool equal)
        {
            byte[] a = Hex.Decode("FF" + aHex);
            byte[] b = Hex.Decode(bHex + "EE");
            Assert.AreEqual(equal, ConstantTime.AreEqual(a, 1, b, 0, a.Length - 1));
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { ConstantTime.AreEqual(a, 1, b, 0, a.Length); });
        }
    }
}
