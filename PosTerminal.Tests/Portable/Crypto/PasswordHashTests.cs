#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Crypto;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Crypto
{
    /// <summary>
    /// The stored password hash: its layout, verification (right, wrong, prefix, longer), the salt drawn from the random
    /// source, and the images it refuses to decode.
    /// </summary>
    [TestClass]
    public class PasswordHashTests
    {
        private static readonly byte[] s_salt = Hex.Decode("000102030405060708090A0B0C0D0E0F");

        [TestMethod]
        public void Create_LayoutIsVersionIterationsSaltAndPbkdf2Output()
        {
            byte[] password = Ascii.GetBytes("tech-2026");
            PasswordHash hash = PasswordHash.Create(password, 0, password.Length, 3, new FixedRandom(s_salt));
            byte[] image = new byte[PasswordHash.MaxEncodedLength];
            Assert.AreEqual(53, hash.Encode(image, 0));
            Assert.IsTrue(PasswordHash.EncodedLength <= PasswordHash.MaxEncodedLength);
            Assert.AreEqual("0100000003000102030405060708090A0B0C0D0E0F", Hex.Encode(image, 0, 21));
            byte[] expected = new byte[32];
            Pbkdf2.DeriveHmacSha256(password, 0, password.Length, s_salt, 0, 16, 3, expected, 0, 32);
            Assert.AreEqual(Hex.Encode(expected, 0, 32), Hex.Encode(image, 21, 32));
            Assert.AreEqual(3, hash.Iterations);
        }

        [TestMethod]
        [DataRow("tech-2026", true)]
        [DataRow("tech-2025", false)]
        [DataRow("Tech-2026", false)]
        [DataRow("tech-202", false)]
        [DataRow("tech-20266", false)]
        [DataRow("", false)]
        public void Verify_OnlyTheSamePasswordMatches(string attempt, bool expected)
        {
            byte[] password = Ascii.GetBytes("tech-2026");
            PasswordHash hash = PasswordHash.Create(password, 0, password.Length, 2, new SeededRandom(7));
            byte[] a = Ascii.GetBytes("xx" + attempt);
            Assert.AreEqual(expected, hash.Verify(a, 2, a.Length - 2));
        }

        [TestMethod]
        public void EncodeDecode_RoundTrip_StillVerifies()
        {
            byte[] password = Ascii.GetBytes("super-secret");
            PasswordHash hash = PasswordHash.Create(password, 0, password.Length, 5, new SeededRandom(11));
            byte[] image = new byte[60];
            hash.Encode(image, 4);
            PasswordHash back = PasswordHash.Decode(image, 4, PasswordHash.EncodedLength);
            Assert.IsNotNull(back);
            Assert.AreEqual(5, back.Iterations);
            Assert.IsTrue(back.Verify(password, 0, password.Length));
            Assert.IsFalse(back.Verify(password, 0, password.Length - 1));
        }

        [TestMethod]
        public void Create_FreshSaltEachTime_DifferentImages()
        {
            byte[] password = Ascii.GetBytes("same-password");
            SeededRandom random = new SeededRandom(3);
            byte[] a = new byte[53];
            byte[] b = new byte[53];
            PasswordHash.Create(password, 0, password.Length, 2, random).Encode(a, 0);
            PasswordHash.Create(password, 0, password.Length, 2, random).Encode(b, 0);
            Assert.AreEqual(32, random.BytesDrawn);
            Assert.IsFalse(Bytes.Equal(a, 5, b, 5, 16));
            Assert.IsFalse(Bytes.Equal(a, 21, b, 21, 32));
        }

        [TestMethod]
        [DataRow(0, 53, "00")]               // version 0 (an erased record)
        [DataRow(0, 52, "")]                 // one byte short
        [DataRow(0, 54, "")]                 // trailing byte
        [DataRow(0, 53, "02")]               // unknown version
        [DataRow(0, 53, "0100000000")]       // zero iterations
        [DataRow(0, 53, "01000F4241")]       // 1,000,001 iterations: above the maximum
        [DataRow(0, 53, "0180000000")]       // negative when read as an int
        public void Decode_BadImage_ReturnsNull(int offset, int count, string headHex)
        {
            byte[] image = new byte[64];
            byte[] password = Ascii.GetBytes("whatever");
            if (count >= 53) PasswordHash.Create(password, 0, password.Length, 1, new SeededRandom(1)).Encode(image, 0);
            byte[] head = Hex.Decode(headHex);
            Array.Copy(head, 0, image, 0, head.Length);
            Assert.IsNull(PasswordHash.Decode(image, offset, count));
        }

        [TestMethod]
        public void Decode_MaximumIterations_Accepted()
        {
            byte[] image = new byte[53];
            image[0] = 1;
            Array.Copy(Hex.Decode("000F4240"), 0, image, 1, 4);
            PasswordHash hash = PasswordHash.Decode(image, 0, 53);
            Assert.IsNotNull(hash);
            Assert.AreEqual(1000000, hash.Iterations);
        }

        [TestMethod]
        public void ToString_ShowsNoSaltAndNoHash()
        {
            byte[] password = Ascii.GetBytes("tech-2026");
            PasswordHash hash = PasswordHash.Create(password, 0, password.Length, 2, new FixedRandom(s_salt));
            byte[] image = new byte[53];
            hash.Encode(image, 0);
            string text = hash.ToString();
            Assert.AreEqual("PBKDF2-HMAC-SHA256 x2 [hash redacted]", text);
            Assert.AreEqual(-1, text.IndexOf(Hex.Encode(image, 21, 4)));
        }

        [TestMethod]
        public void Create_BadArguments_Throw()
        {
            byte[] p = new byte[8];
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { PasswordHash.Create(p, 0, 8, 0, new SeededRandom(1)); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { PasswordHash.Create(p, 0, 8, 1000001, new SeededRandom(1)); });
            Expect.Throws(typeof(ArgumentNullException), delegate { PasswordHash.Create(p, 0, 8, 1, null); });
            Expect.Throws(typeof(ArgumentNullException), delegate { PasswordHash.Create(null, 0, 0, 1, new SeededRandom(1)); });
        }
    }
}
