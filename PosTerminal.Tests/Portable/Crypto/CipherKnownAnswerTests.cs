#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Crypto;
using PosTerminal.Util;

namespace PosTerminal.Tests.Crypto
{
    /// <summary>
    /// Known answers for DES, TDES, AES and SM4 in ECB and CBC: every "cipher" row of ../shared/vectors/crypto.json,
    /// encrypted and decrypted, into another buffer and in place.
    /// </summary>
    [TestClass]
    public class CipherKnownAnswerTests
    {
        [TestMethod]
        // GB/T 32907-2016 (SM4) Appendix A, example 1
        [DataRow("sm4", "ecb", "0123456789ABCDEFFEDCBA9876543210", "", "0123456789ABCDEFFEDCBA9876543210", "681EDF34D206965E86B3E94F536E4246")]
        // draft-ribose-cfrg-sm4 A.2.1.1 (SM4-ECB example 1)
        [DataRow("sm4", "ecb", "0123456789ABCDEFFEDCBA9876543210", "", "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "5EC8143DE509CFF7B5179F8F474B86192F1D305A7FB17DF985F81C8482192304")]
        // draft-ribose-cfrg-sm4 A.2.1.2 (SM4-ECB example 2)
        [DataRow("sm4", "ecb", "FEDCBA98765432100123456789ABCDEF", "", "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "C5876897E4A59BBBA72A10C83872245B12DD90BC2D200692B529A4155AC9E600")]
        // draft-ribose-cfrg-sm4 A.2.2.1 (SM4-CBC example 1)
        [DataRow("sm4", "cbc", "0123456789ABCDEFFEDCBA9876543210", "000102030405060708090A0B0C0D0E0F", "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "78EBB11CC40B0A48312AAEB2040244CB4CB7016951909226979B0D15DC6A8F6D")]
        // draft-ribose-cfrg-sm4 A.2.2.2 (SM4-CBC example 2)
        [DataRow("sm4", "cbc", "FEDCBA98765432100123456789ABCDEF", "000102030405060708090A0B0C0D0E0F", "AAAAAAAABBBBBBBBCCCCCCCCDDDDDDDDEEEEEEEEFFFFFFFFAAAAAAAABBBBBBBB", "0D3A6DDC2D21C698857215587B7BB59A91F2C147911A4144665E1FA1D40BAE38")]
        // FIPS 197 Appendix C.1 (AES-128)
        [DataRow("aes", "ecb", "000102030405060708090A0B0C0D0E0F", "", "00112233445566778899AABBCCDDEEFF", "69C4E0D86A7B0430D8CDB78070B4C55A")]
        // FIPS 197 Appendix C.3 (AES-256)
        [DataRow("aes", "ecb", "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "", "00112233445566778899AABBCCDDEEFF", "8EA2B7CA516745BFEAFC49904B496089")]
        // NIST SP 800-38A F.1.1 (ECB-AES128.Encrypt)
        [DataRow("aes", "ecb", "2B7E151628AED2A6ABF7158809CF4F3C", "", "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710", "3AD77BB40D7A3660A89ECAF32466EF97F5D3D58503B9699DE785895A96FDBAAF43B1CD7F598ECE23881B00E3ED0306887B0C785E27E8AD3F8223207104725DD4")]
        // NIST SP 800-38A F.2.1 (CBC-AES128.Encrypt)
        [DataRow("aes", "cbc", "2B7E151628AED2A6ABF7158809CF4F3C", "000102030405060708090A0B0C0D0E0F", "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710", "7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B273BED6B8E3C1743B7116E69E222295163FF1CAA1681FAC09120ECA307586E1A7")]
        // FIPS 81 Appendix B, Table B1 (DES ECB, 'Now is the time for all ')
        [DataRow("des", "ecb", "0123456789ABCDEF", "", "4E6F77206973207468652074696D6520666F7220616C6C20", "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53")]
        // FIPS 81 Appendix C, Table C1 (DES CBC, IV 1234567890ABCDEF)
        [DataRow("des", "cbc", "0123456789ABCDEF", "1234567890ABCDEF", "4E6F77206973207468652074696D6520666F7220616C6C20", "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6")]
        // NIST SP 800-67 Appendix B (3-key TDEA ECB, 'The qufck brown fox jump')
        [DataRow("tdes", "ecb", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "", "54686520717566636B2062726F776E20666F78206A756D70", "A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900")]
        // PyCryptodome SelfTest 'Two-key 3DES' (double-length key = K1,K2,K1)
        [DataRow("tdes", "ecb", "9B397EBF81B1181E282F4BB8ADBADC6B", "", "21E81B7ADE88A259", "5C577D4D9B20C0F8")]
        // ANSI X9.24-1:2009 A.4 (KSN ...E00001 PIN key encrypting formatted PIN block 041274EDCBA9876F)
        [DataRow("tdes", "ecb", "042666B49184CF5C68DE9628D0397B36", "", "041274EDCBA9876F", "1B9C1845EB993A7A")]
        public void EncryptDecrypt_PublishedVector_MatchesBothWays(string algorithm, string mode, string keyHex, string ivHex, string ptHex, string ctHex)
        {
            byte[] key = Hex.Decode(keyHex);
            byte[] pt = Hex.Decode(ptHex);
            byte[] ct = Hex.Decode(ctHex);
            IBlockCipher cipher = CipherFactory.Create(algorithm, key);

            // into another buffer, at an offset
            byte[] output = new byte[pt.Length + 3];
            Crypt(cipher, mode, ivHex, true, pt, 0, pt.Length, output, 3);
            Assert.AreEqual(ctHex, Hex.Encode(output, 3, pt.Length));
            Crypt(cipher, mode, ivHex, false, output, 3, pt.Length, output, 0);
            Assert.AreEqual(ptHex, Hex.Encode(output, 0, pt.Length));

            // in place
            byte[] buffer = Hex.Decode(ptHex);
            Crypt(cipher, mode, ivHex, true, buffer, 0, buffer.Length, buffer, 0);
            CollectionAssert.AreEqual(ct, buffer);
            Crypt(cipher, mode, ivHex, false, buffer, 0, buffer.Length, buffer, 0);
            CollectionAssert.AreEqual(pt, buffer);
            cipher.Dispose();
        }

#if !NANOFRAMEWORK_1_0
        // Not on the device: a million interpreted block encryptions would outlast nano.runsettings' 120 s session.
        [TestMethod]
        // GB/T 32907-2016 (SM4) Appendix A, example 2: encrypt 1,000,000 times (1000000 iterations)
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "0123456789ABCDEFFEDCBA9876543210", 1000000, "595298C7C6FD271F0402F804C33D3F66")]
        public void Sm4_EncryptOneMillionTimes_MatchesGbt32907ExampleTwo(string keyHex, string ptHex, int iterations, string ctHex)
        {
            // Long on a device (a million block encryptions); a fraction of a second on a PC.
            byte[] key = Hex.Decode(keyHex);
            byte[] block = Hex.Decode(ptHex);
            Sm4 sm4 = new Sm4(key, 0, key.Length);
            for (int i = 0; i < iterations; i++) sm4.EncryptBlock(block, 0, block, 0);
            Assert.AreEqual(ctHex, Hex.Encode(block));
            sm4.Dispose();
        }
#endif

        [TestMethod]
        // GB/T 32907-2016 Appendix A, example 1: encrypt, then decrypt back; the key is read from the middle of a buffer
        [DataRow("sm4", "0123456789ABCDEFFEDCBA9876543210", "0123456789ABCDEFFEDCBA9876543210", "681EDF34D206965E86B3E94F536E4246")]
        // FIPS 197 Appendix C.1 (AES-128)
        [DataRow("aes", "000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "69C4E0D86A7B0430D8CDB78070B4C55A")]
        // NIST SP 800-67 Appendix B (3-key TDEA), first block
        [DataRow("tdes", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123", "5468652071756663", "A826FD8CE53B855F")]
        // FIPS 81 Appendix B, Table B1, first block
        [DataRow("des", "0123456789ABCDEF", "4E6F772069732074", "3FA40E8A984D4815")]
        public void Cipher_KeyAtOffset_UsesOnlyThatRange(string algorithm, string keyHex, string ptHex, string ctHex)
        {
            byte[] key = Hex.Decode(keyHex);
            byte[] padded = new byte[key.Length + 10];
            for (int i = 0; i < padded.Length; i++) padded[i] = 0xA5;
            System.Array.Copy(key, 0, padded, 5, key.Length);
            IBlockCipher cipher = CipherFactory.Create(algorithm, padded, 5, key.Length);
            byte[] block = Hex.Decode(ptHex);
            cipher.EncryptBlock(block, 0, block, 0);
            Assert.AreEqual(ctHex, Hex.Encode(block));
            cipher.DecryptBlock(block, 0, block, 0);
            Assert.AreEqual(ptHex, Hex.Encode(block));
        }

        [TestMethod]
        // NIST SP 800-67 keying option 2 (K3 = K1): the two-key form equals the three-key form K1 K2 K1
        [DataRow("9B397EBF81B1181E282F4BB8ADBADC6B", "21E81B7ADE88A259")]
        [DataRow("042666B49184CF5C68DE9628D0397B36", "041274EDCBA9876F")]
        public void TripleDes_TwoKey_EqualsThreeKeyWithK3EqualK1(string keyHex, string ptHex)
        {
            byte[] k2 = Hex.Decode(keyHex);
            byte[] k3 = new byte[24];
            System.Array.Copy(k2, 0, k3, 0, 16);
            System.Array.Copy(k2, 0, k3, 16, 8);
            byte[] a = Hex.Decode(ptHex);
            byte[] b = Hex.Decode(ptHex);
            new TripleDes(k2, 0, 16).EncryptBlock(a, 0, a, 0);
            new TripleDes(k3, 0, 24).EncryptBlock(b, 0, b, 0);
            CollectionAssert.AreEqual(a, b);
        }

        [TestMethod]
        // FIPS 81 Appendix B, Table B1 (DES key 0123456789ABCDEF): EDE with K1 = K2 = K3 degenerates to single DES
        [DataRow("0123456789ABCDEF", "4E6F772069732074", "3FA40E8A984D4815")]
        public void TripleDes_AllKeysEqual_IsSingleDes(string desKeyHex, string ptHex, string ctHex)
        {
            byte[] k = Hex.Decode(desKeyHex + desKeyHex + desKeyHex);
            byte[] block = Hex.Decode(ptHex);
            new TripleDes(k, 0, 24).EncryptBlock(block, 0, block, 0);
            Assert.AreEqual(ctHex, Hex.Encode(block));
        }

        private static void Crypt(IBlockCipher cipher, string mode, string ivHex, bool encrypt, byte[] src, int srcOffset, int count, byte[] dst, int dstOffset)
        {
            if (mode == "ecb")
            {
                if (encrypt) BlockModes.EncryptEcb(cipher, src, srcOffset, count, dst, dstOffset);
                else BlockModes.DecryptEcb(cipher, src, srcOffset, count, dst, dstOffset);
                return;
            }
            byte[] iv = Hex.Decode(ivHex);
            if (encrypt) BlockModes.EncryptCbc(cipher, src, srcOffset, count, dst, dstOffset, iv, 0);
            else BlockModes.DecryptCbc(cipher, src, srcOffset, count, dst, dstOffset, iv, 0);
        }
    }
}
