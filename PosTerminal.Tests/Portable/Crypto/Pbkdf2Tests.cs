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
    /// PBKDF2-HMAC-SHA-256 (RFC 8018 §5.2) against published vectors: RFC 7914 §11 (the two PBKDF2-HMAC-SHA256 vectors
    /// of the scrypt RFC) and the RFC 6070 inputs with SHA-256 as tabulated in Stack Overflow question 5130513
    /// ("PBKDF2-HMAC-SHA2 test vectors", the set most libraries cite; the 16,777,216-iteration row is left out: it takes
    /// minutes even on a PC). Rows with thousands of iterations are host-only: each iteration is two SHA-256
    /// compressions, seconds per thousand on nanoCLR.
    /// </summary>
    [TestClass]
    public class Pbkdf2Tests
    {
        private static string Derive(string password, string salt, int iterations, int dkLength)
        {
            byte[] p = Ascii.GetBytes(password);
            byte[] s = Ascii.GetBytes(salt);
            byte[] dk = new byte[dkLength + 2];
            Pbkdf2.DeriveHmacSha256(p, 0, p.Length, s, 0, s.Length, iterations, dk, 1, dkLength);
            Assert.AreEqual(0, (int)dk[0]);
            Assert.AreEqual(0, (int)dk[dkLength + 1]);
            return Hex.Encode(dk, 1, dkLength);
        }

        [TestMethod]
        // RFC 7914 §11: P = "passwd", S = "salt", c = 1, dkLen = 64 (two blocks)
        [DataRow("passwd", "salt", 1, 64, "55AC046E56E3089FEC1691C22544B605F94185216DDE0465E68B9D57C20DACBC49CA9CCCF179B645991664B39D77EF317C71B845B1E30BD509112041D3A19783")]
        // Stack Overflow 5130513 (RFC 6070 inputs, SHA-256): P = "password", S = "salt", c = 1, dkLen = 32
        [DataRow("password", "salt", 1, 32, "120FB6CFFCF8B32C43E7225256C4F837A86548C92CCC35480805987CB70BE17B")]
        // same source: c = 2
        [DataRow("password", "salt", 2, 32, "AE4D0C95AF6B46D32D0ADFF928F06DD02A303F8EF3C251DFD6E2D85A95474C43")]
        // same source, c = 1 truncated to 20 bytes (the RFC 6070 output length)
        [DataRow("password", "salt", 1, 20, "120FB6CFFCF8B32C43E7225256C4F837A86548C9")]
        public void Derive_PublishedVector_Matches(string password, string salt, int iterations, int dkLength, string dkHex)
        {
            Assert.AreEqual(dkHex, Derive(password, salt, iterations, dkLength));
        }

#if !NANOFRAMEWORK_1_0
        [TestMethod]
        // RFC 7914 §11: P = "Password", S = "NaCl", c = 80000, dkLen = 64
        [DataRow("Password", "NaCl", 80000, 64, "4DDCD8F60B98BE21830CEE5EF22701F9641A4418D04C0414AEFF08876B34AB56A1D425A1225833549ADB841B51C9B3176A272BDEBBA1D078478F62B397F33C8D")]
        // Stack Overflow 5130513: c = 4096
        [DataRow("password", "salt", 4096, 32, "C5E478D59288C841AA530DB6845C4C8D962893A001CE4E11A4963873AA98134A")]
        // same source: long password and salt, dkLen = 40 (a partial second block)
        [DataRow("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40, "348C89DBCBD32B2F32D814B8116E84CF2B17347EBC1800181C4E2A1FB8DD53E1C635518C7DAC47E9")]
        // same source: NUL bytes inside password and salt, dkLen = 16
        [DataRow("pass\0word", "sa\0lt", 4096, 16, "89B69D0516F829893C696226650A8687")]
        public void Derive_PublishedVectorManyIterations_Matches(string password, string salt, int iterations, int dkLength, string dkHex)
        {
            Assert.AreEqual(dkHex, Derive(password, salt, iterations, dkLength));
        }
#endif

        [TestMethod]
        public void Derive_BadArguments_Throw()
        {
            byte[] b = new byte[8];
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { Pbkdf2.DeriveHmacSha256(b, 0, 8, b, 0, 8, 0, b, 0, 8); });
            Expect.Throws(typeof(ArgumentNullException), delegate { Pbkdf2.DeriveHmacSha256(null, 0, 0, b, 0, 8, 1, b, 0, 8); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { Pbkdf2.DeriveHmacSha256(b, 0, 8, b, 0, 8, 1, b, 4, 8); });
        }
    }
}
