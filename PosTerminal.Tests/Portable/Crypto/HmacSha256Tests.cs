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
    /// <summary>HMAC-SHA-256 against the test cases of RFC 4231 §4 (keys and data in hex, as printed there).</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        private const string Key131 =
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "AAAAAA";

        [TestMethod]
        // RFC 4231 §4.2 test case 1: 20-byte key 0x0b.., "Hi There"
        [DataRow("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B", "4869205468657265", "B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7")]
        // RFC 4231 §4.3 test case 2: key "Jefe", "what do ya want for nothing?"
        [DataRow("4A656665", "7768617420646F2079612077616E7420666F72206E6F7468696E673F", "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843")]
        // RFC 4231 §4.4 test case 3: 20 bytes 0xaa, 50 bytes 0xdd
        [DataRow("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD", "773EA91E36800E46854DB8EBD09181A72959098B3EF8C122D9635514CED565FE")]
        // RFC 4231 §4.5 test case 4: key 0x0102..19, 50 bytes 0xcd
        [DataRow("0102030405060708090A0B0C0D0E0F10111213141516171819", "CDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCD", "82558A389A443C0EA4CC819899F2083A85F0FAA3E578F8077A2E3FF46729665B")]
        // RFC 4231 §4.7 test case 6: 131-byte key (hashed first), "Test Using Larger Than Block-Size Key - Hash Key First"
        [DataRow(Key131, "54657374205573696E67204C6172676572205468616E20426C6F636B2D53697A65204B6579202D2048617368204B6579204669727374", "60E431591EE0B67F0D8A26AACBF5B77F8E0BC6213728C5140546040F0EE37F54")]
        // RFC 4231 §4.8 test case 7: 131-byte key and 152 bytes of data
        [DataRow(Key131, "5468697320697320612074657374207573696E672061206C6172676572207468616E20626C6F636B2D73697A65206B657920616E642061206C6172676572207468616E20626C6F636B2D73697A6520646174612E20546865206B6579206E6565647320746F20626520686173686564206265666F7265206265696E6720757365642062792074686520484D414320616C676F726974686D2E", "9B09FFA71B942FCB27635FBCD5B0E944BFDC63644F0713938A7F51535C3A35E2")]
        public void Compute_Rfc4231Case_MatchesMac(string keyHex, string dataHex, string macHex)
        {
            byte[] key = Hex.Decode(keyHex);
            byte[] data = Hex.Decode(dataHex);
            byte[] mac = new byte[32];
            HmacSha256 hmac = new HmacSha256(key, 0, key.Length);
            hmac.Compute(data, 0, data.Length, mac, 0);
            Assert.AreEqual(macHex, Hex.Encode(mac, 0, 32));

            // the same message fed in two pieces, twice (Final starts a new message)
            for (int round = 0; round < 2; round++)
            {
                int half = data.Length / 2;
                hmac.Update(data, 0, half);
                hmac.Update(data, half, data.Length - half);
                hmac.Final(mac, 0);
                Assert.AreEqual(macHex, Hex.Encode(mac, 0, 32));
            }
            hmac.Dispose();
        }

        [TestMethod]
        // RFC 4231 §4.6 test case 5: the MAC truncated to 128 bits (the full 256-bit value is not printed there)
        public void Compute_Rfc4231Case5_TruncatedMacMatches()
        {
            byte[] key = Hex.Decode("0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C0C");
            byte[] data = Ascii.GetBytes("Test With Truncation");
            byte[] mac = new byte[32];
            HmacSha256 hmac = new HmacSha256(key, 0, key.Length);
            hmac.Compute(data, 0, data.Length, mac, 0);
            Assert.AreEqual("A3B6167473100EE06E0C796C2955552B", Hex.Encode(mac, 0, 16));
        }

        [TestMethod]
        public void SetKey_ReplacesTheKey()
        {
            byte[] jefe = Ascii.GetBytes("Jefe");
            byte[] other = Hex.Decode("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B");
            byte[] data = Ascii.GetBytes("what do ya want for nothing?");
            byte[] mac = new byte[32];
            HmacSha256 hmac = new HmacSha256(other, 0, other.Length);
            hmac.Update(data, 0, 5);                        // a message started under the old key is dropped
            hmac.SetKey(jefe, 0, jefe.Length);
            hmac.Update(data, 0, data.Length);
            hmac.Final(mac, 0);
            Assert.AreEqual("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", Hex.Encode(mac, 0, 32));
        }

        [TestMethod]
        public void BadArguments_AndUseAfterDispose_Throw()
        {
            Expect.Throws(typeof(ArgumentNullException), delegate { new HmacSha256(null, 0, 0); });
            HmacSha256 hmac = new HmacSha256(new byte[4], 0, 4);
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { hmac.Final(new byte[31], 0); });
            hmac.Dispose();
            hmac.Dispose();
            Expect.Throws(typeof(ObjectDisposedException), delegate { hmac.Update(new byte[1], 0, 1); });
            Expect.Throws(typeof(ObjectDisposedException), delegate { hmac.SetKey(new byte[1], 0, 1); });
        }
    }
}
