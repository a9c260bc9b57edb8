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
    /// The UnionPay POS "ECB" MAC and its SM4 variant. ../shared/vectors/mac.json holds no published CUP MAC case,
    /// so these tests check the MAC against its definition (issue 3), step by step, with the ciphers whose known
    /// answers CipherKnownAnswerTests proves; keys and messages are those of the published vectors.
    /// </summary>
    [TestClass]
    public class CupMacTests
    {
        [TestMethod]
        [DataRow("des", "0123456789ABCDEF", "")]
        [DataRow("des", "0123456789ABCDEF", "Now is the time for all ")]
        [DataRow("des", "0123456789ABCDEF", "Now is the time for it")]
        [DataRow("tdes", "0123456789ABCDEFFEDCBA9876543210", "Now is the time for all ")]
        [DataRow("tdes", "7CA110454A1A6E570131D9619DC1376E", "Hello World !!!!")]
        [DataRow("tdes", "7CA110454A1A6E570131D9619DC1376E", "This is the test message for mac, 0200 MTI to field 63")]
        public void DesScheme_MatchesTheDefinition(string cipher, string makHex, string ascii)
        {
            byte[] mak = Hex.Decode(makHex);
            byte[] data = Ascii.GetBytes(ascii);
            CupMac mac = new CupMac(mak, 0, mak.Length);
            Assert.AreEqual(8, mac.OutputLength);
            byte[] f64 = new byte[10];
            mac.Compute(data, 0, data.Length, f64, 1);
            string expected = Reference(CipherFactory.Create(cipher, mak), data, 8);
            Assert.AreEqual(expected, Ascii.GetString(f64, 1, 8));
            Assert.IsTrue(IsUpperHex(f64, 1, 8));
            Assert.AreEqual(0, (int)f64[0]);
            Assert.AreEqual(0, (int)f64[9]);
            Assert.IsTrue(mac.Verify(data, 0, data.Length, f64, 1));
            mac.Dispose();
        }

        [TestMethod]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "This is the test message for mac", 8)]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "This is the test message ", 8)]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "This is the test message ", 16)]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "", 32)]
        public void Sm4Scheme_MatchesTheDefinition(string makHex, string ascii, int outputLength)
        {
            byte[] mak = Hex.Decode(makHex);
            byte[] data = Ascii.GetBytes(ascii);
            CupMac mac = CupMac.CreateSm4(mak, 0, mak.Length, outputLength);
            Assert.AreEqual(outputLength, mac.OutputLength);
            byte[] result = new byte[outputLength];
            mac.Compute(data, 0, data.Length, result, 0);
            Assert.AreEqual(Reference(new Sm4(mak, 0, 16), data, outputLength), Ascii.GetString(result, 0, outputLength));
            Assert.IsTrue(IsUpperHex(result, 0, outputLength));
            Assert.IsTrue(mac.Verify(data, 0, data.Length, result, 0));
            result[outputLength - 1] ^= 0x01;
            Assert.IsFalse(mac.Verify(data, 0, data.Length, result, 0));
        }

        [TestMethod]
        public void Sm4Scheme_DefaultOutputIsTheFirstEightCharactersOfTheFull32()
        {
            byte[] mak = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            byte[] data = Ascii.GetBytes("This is the test message for mac");
            byte[] full = new byte[32];
            byte[] f64 = new byte[8];
            CupMac.CreateSm4(mak, 0, 16, 32).Compute(data, 0, data.Length, full, 0);
            new CupMac(new Sm4(mak, 0, 16), CupMac.DefaultOutputLength, true).Compute(data, 0, data.Length, f64, 0);
            Assert.AreEqual(Ascii.GetString(full, 0, 8), Ascii.GetString(f64, 0, 8));
        }

        [TestMethod]
        public void DesScheme_DoubleLengthMakWithEqualHalves_EqualsSingleLength()
        {
            byte[] single = Hex.Decode("0123456789ABCDEF");
            byte[] doubled = Hex.Decode("0123456789ABCDEF0123456789ABCDEF");
            byte[] data = Ascii.GetBytes("Now is the time for all ");
            byte[] a = new byte[8];
            byte[] b = new byte[8];
            new CupMac(single, 0, 8).Compute(data, 0, data.Length, a, 0);
            new CupMac(doubled, 0, 16).Compute(data, 0, data.Length, b, 0);
            CollectionAssert.AreEqual(a, b);
        }

        [TestMethod]
        public void DesScheme_TrailingZeroBytesWithinTheLastBlock_DoNotChangeTheMac_ButOtherChangesDo()
        {
            // The last block is zero-padded and the blocks are XORed, so this is a property of the scheme itself.
            byte[] mak = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            byte[] data = new byte[24];
            Ascii.Write("Now is the time for it", data, 0);
            CupMac mac = new CupMac(mak, 0, 16);
            byte[] a = new byte[8];
            byte[] b = new byte[8];
            mac.Compute(data, 0, 22, a, 0);
            mac.Compute(data, 0, 24, b, 0);
            CollectionAssert.AreEqual(a, b);
            data[3] ^= 0x01;
            Assert.IsFalse(mac.Verify(data, 0, 22, a, 0));
            data[3] ^= 0x01;
            a[0] = (byte)(a[0] == (byte)'0' ? '1' : '0');
            Assert.IsFalse(mac.Verify(data, 0, 22, a, 0));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(7)]
        [DataRow(9)]
        [DataRow(24)]
        [DataRow(32)]
        public void DesScheme_BadMakLength_ThrowsArgumentException(int length)
        {
            byte[] mak = new byte[40];
            Expect.Throws(typeof(ArgumentException), delegate { new CupMac(mak, 0, length); });
        }

        [TestMethod]
        public void OutputLengthOrKeyOutOfRange_Throws()
        {
            byte[] key = new byte[16];
            Expect.Throws(typeof(ArgumentException), delegate { new CupMac(new Des(key, 0, 8), 0, true); });
            Expect.Throws(typeof(ArgumentException), delegate { new CupMac(new Des(key, 0, 8), 17, true); });
            Expect.Throws(typeof(ArgumentException), delegate { CupMac.CreateSm4(key, 0, 16, 0); });
            Expect.Throws(typeof(ArgumentException), delegate { CupMac.CreateSm4(key, 0, 16, 33); });
            Expect.Throws(typeof(ArgumentException), delegate { CupMac.CreateSm4(key, 0, 8, 8); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new CupMac(null, 8, true); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new CupMac(key, 10, 8); });
            CupMac mac = new CupMac(key, 0, 16);
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { mac.Compute(key, 0, 17, new byte[8], 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { mac.Compute(key, 0, 16, new byte[7], 0); });
            mac.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { mac.Compute(key, 0, 16, new byte[8], 0); });
        }

        // The MAC as issue 3 words it, written independently of CupMac: XOR the blocks (last one zero-padded), take
        // the upper-case hex, encrypt its first half, XOR with its second half, encrypt, hex, keep the first n characters.
        private static string Reference(IBlockCipher cipher, byte[] data, int n)
        {
            int bs = cipher.BlockSize;
            byte[] x = new byte[bs];
            for (int i = 0; i < data.Length; i++) x[i % bs] ^= data[i];
            byte[] hex = Ascii.GetBytes(Hex.Encode(x));
            byte[] y = new byte[bs];
            Array.Copy(hex, 0, y, 0, bs);
            cipher.EncryptBlock(y, 0, y, 0);
            for (int j = 0; j < bs; j++) y[j] ^= hex[bs + j];
            cipher.EncryptBlock(y, 0, y, 0);
            return Hex.Encode(y).Substring(0, n);
        }

        private static bool IsUpperHex(byte[] b, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                bool digit = b[i] >= '0' && b[i] <= '9';
                bool upper = b[i] >= 'A' && b[i] <= 'F';
                if (!digit && !upper) return false;
            }
            return true;
        }
    }
}
