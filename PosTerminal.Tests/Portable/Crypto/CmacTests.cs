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
    /// CMAC (NIST SP 800-38B): AES-CMAC (RFC 4493) and SM4-CMAC from every "cmac" case of
    /// ../shared/vectors/mac.json, plus TDEA-CMAC from NIST's published CMAC examples.
    /// </summary>
    [TestClass]
    public class CmacTests
    {
        [TestMethod]
        // RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 0-byte message
        [DataRow("aes", "2B7E151628AED2A6ABF7158809CF4F3C", "", "BB1D6929E95937287FA37D129B756746")]
        // RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 16-byte message
        [DataRow("aes", "2B7E151628AED2A6ABF7158809CF4F3C", "6BC1BEE22E409F96E93D7E117393172A", "070A16B46B4D4144F79BDD9DD04A287C")]
        // RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 40-byte message
        [DataRow("aes", "2B7E151628AED2A6ABF7158809CF4F3C", "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411", "DFA66747DE9AE63030CA32611497C827")]
        // RFC 4493 / NIST SP 800-38B AES-128 CMAC example, 64-byte message
        [DataRow("aes", "2B7E151628AED2A6ABF7158809CF4F3C", "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710", "51F0BEBF7E3B9D92FC49741779363CFE")]
        public void AesCmac_Rfc4493Vector_MatchesAndVerifies(string cipher, string keyHex, string dataHex, string macHex)
        {
            Assert.AreEqual("aes", cipher);
            byte[] key = Hex.Decode(keyHex);
            byte[] data = Hex.Decode(dataHex);
            AesCmac cmac = new AesCmac(key, 0, key.Length);
            Assert.AreEqual(16, cmac.MacLength);
            CheckVector(cmac, data, macHex);
            cmac.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { cmac.Compute(data, 0, data.Length, new byte[16], 0); });
        }

        [TestMethod]
        // GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 5 (CMAC), SM4, 'This is the test message for mac'
        [DataRow("sm4", "0123456789ABCDEFFEDCBA9876543210", "This is the test message for mac", "692C437100F3B5EE")]
        // GB/T 15852.1-2020 Annex (= ISO/IEC 9797-1:2011) SM4 example, 64-bit MAC: MAC alg 5 (CMAC), SM4, 'This is the test message '
        [DataRow("sm4", "0123456789ABCDEFFEDCBA9876543210", "This is the test message ", "4738A6C760B280FC")]
        public void Cmac_PublishedAsciiVector_MatchesAndVerifies(string cipher, string keyHex, string ascii, string macHex)
        {
            byte[] data = Ascii.GetBytes(ascii);
            Cmac cmac = new Cmac(CipherFactory.Create(cipher, Hex.Decode(keyHex)), true);
            CheckVector(cmac, data, macHex);
            cmac.Dispose();
        }

        [TestMethod]
        // Not in mac.json. NIST CSRC "Cryptographic Standards and Guidelines: Examples with Intermediate Values",
        // TDES_CMAC.pdf (SP 800-38B), CMAC-TDEA three-key (Key1 0123456789ABCDEF, Key2 23456789ABCDEF01,
        // Key3 456789ABCDEF0123), Example #1: Mlen = 0, Tag 7DB0D37D F936C550
        [DataRow("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "", "7DB0D37DF936C550")]
        // Same document, Example #2: Mlen = 128, M = 6BC1BEE2 2E409F96 E93D7E11 7393172A, Tag 30239CF1 F52E6609
        [DataRow("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "6BC1BEE22E409F96E93D7E117393172A", "30239CF1F52E6609")]
        public void Cmac_TdeaNistExample_Matches(string keyHex, string dataHex, string macHex)
        {
            byte[] key = Hex.Decode(keyHex);
            byte[] data = Hex.Decode(dataHex);
            Cmac cmac = new Cmac(new TripleDes(key, 0, key.Length), true);
            Assert.AreEqual(8, cmac.MacLength);
            CheckVector(cmac, data, macHex);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(8)]
        [DataRow(15)]
        [DataRow(20)]
        [DataRow(33)]
        public void AesCmac_BadKeyLength_ThrowsArgumentException(int length)
        {
            byte[] key = new byte[40];
            Expect.Throws(typeof(ArgumentException), delegate { new AesCmac(key, 0, length); });
        }

        [TestMethod]
        public void Verify_BadLengthsThrow_AndDataIsReadOnlyInItsRange()
        {
            AesCmac cmac = new AesCmac(Hex.Decode("2B7E151628AED2A6ABF7158809CF4F3C"), 0, 16);
            byte[] tag = new byte[16];
            byte[] data = new byte[20];
            Expect.Throws(typeof(ArgumentException), delegate { cmac.Verify(data, 0, 16, tag, 0, 0); });
            Expect.Throws(typeof(ArgumentException), delegate { cmac.Verify(data, 0, 16, tag, 0, 17); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { cmac.Compute(data, 5, 16, tag, 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { cmac.Compute(data, 0, 16, tag, 1); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new Cmac(null, false); });

            // RFC 4493 example 2 (16-byte message), read from the middle of a larger buffer
            byte[] message = Hex.Decode("FFFF6BC1BEE22E409F96E93D7E117393172AFFFF");
            cmac.Compute(message, 2, 16, tag, 0);
            Assert.AreEqual("070A16B46B4D4144F79BDD9DD04A287C", Hex.Encode(tag));
        }

        private static void CheckVector(Cmac cmac, byte[] data, string macHex)
        {
            int n = macHex.Length / 2;
            byte[] full = new byte[cmac.MacLength + 1];
            cmac.Compute(data, 0, data.Length, full, 1);
            Assert.AreEqual(macHex, Hex.Encode(full, 1, n));
            byte[] expected = Hex.Decode(macHex);
            Assert.IsTrue(cmac.Verify(data, 0, data.Length, expected, 0, n));
            expected[0] ^= 0x01;
            Assert.IsFalse(cmac.Verify(data, 0, data.Length, expected, 0, n));
        }
    }
}
