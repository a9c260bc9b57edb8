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
    /// SHA-256 against published digests: the FIPS 180-4 examples (NIST CSRC "Cryptographic Standards and Guidelines:
    /// Examples with Intermediate Values", SHA256.pdf: "abc", the 448-bit two-block message, one million 'a'), the
    /// empty message (NIST CAVP SHA256ShortMsg.rsp, Len = 0) and the 896-bit message of the FIPS 180-2 examples.
    /// ../shared/vectors has no hash vectors.
    /// </summary>
    [TestClass]
    public class Sha256Tests
    {
        private static string Digest(byte[] data, int offset, int count)
        {
            byte[] digest = new byte[32];
            Sha256.Hash(data, offset, count, digest, 0);
            return Hex.Encode(digest, 0, 32);
        }

        [TestMethod]
        // FIPS 180-4 example, one block: "abc"
        [DataRow("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
        // FIPS 180-4 example, 448 bits: the padding needs a second block
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1")]
        // NIST CAVP SHA256ShortMsg.rsp, Len = 0
        [DataRow("", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
        // FIPS 180-2 example message of 896 bits (two full blocks minus the padding room), SHA-256 digest
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "CF5B16A778AF8380036CE59E7B0492370B249B11E8F07A51AFAC45037AFEE9D1")]
        public void Hash_PublishedMessage_MatchesDigest(string message, string digestHex)
        {
            byte[] data = Ascii.GetBytes(message);
            Assert.AreEqual(digestHex, Digest(data, 0, data.Length));
        }

        [TestMethod]
        public void Update_448BitMessageSplitAnywhere_SameDigest()
        {
            byte[] data = Ascii.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            byte[] digest = new byte[32];
            Sha256 sha = new Sha256();
            for (int split = 0; split <= data.Length; split++)
            {
                sha.Update(data, 0, split);
                sha.Update(data, split, data.Length - split);
                sha.Final(digest, 0);
                Assert.AreEqual("248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1", Hex.Encode(digest, 0, 32));
            }
            sha.Dispose();
        }

        [TestMethod]
        public void Final_StartsANewMessage_AndReset_DropsAPartialOne()
        {
            byte[] abc = Ascii.GetBytes("abc");
            byte[] digest = new byte[34];
            Sha256 sha = new Sha256();
            sha.Update(abc, 0, 3);
            sha.Final(digest, 2);
            Assert.AreEqual("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Hex.Encode(digest, 2, 32));
            sha.Update(abc, 0, 2);
            sha.Reset();
            sha.Update(abc, 0, 3);
            sha.Final(digest, 0);
            Assert.AreEqual("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Hex.Encode(digest, 0, 32));
        }

#if !NANOFRAMEWORK_1_0
        [TestMethod]
        // FIPS 180-4 example: one million repetitions of 'a' (host only: 15,625 blocks take minutes on nanoCLR),
        // fed in uneven pieces so that the partial-block path runs too.
        public void Update_OneMillionA_MatchesFipsDigest()
        {
            byte[] a = new byte[1024];
            for (int i = 0; i < a.Length; i++) a[i] = (byte)'a';
            Sha256 sha = new Sha256();
            int left = 1000000;
            int piece = 1;
            while (left > 0)
            {
                int n = piece < left ? piece : left;
                sha.Update(a, 0, n);
                left -= n;
                piece = piece % 997 + 13;
            }
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            Assert.AreEqual("CDC76E5C9914FB9281A1C7E284D73E67F1809A48A497200E046D39CCC7112CD0", Hex.Encode(digest, 0, 32));
        }
#endif

        [TestMethod]
        public void BadArguments_AndUseAfterDispose_Throw()
        {
            Sha256 sha = new Sha256();
            Expect.Throws(typeof(ArgumentNullException), delegate { sha.Update(null, 0, 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { sha.Update(new byte[4], 2, 3); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { sha.Final(new byte[40], 9); });
            sha.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { sha.Update(new byte[4], 0, 4); });
            Expect.Throws(typeof(ObjectDisposedException), delegate { sha.Final(new byte[32], 0); });
        }
    }
}
