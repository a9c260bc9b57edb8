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
    /// <summary>The DUKPT key serial number type: parse, format, counter fields, advance (KSNs from dukpt.json).</summary>
    [TestClass]
    public class DukptKsnTests
    {
        [TestMethod]
        [DataRow("FFFF9876543210E00001", 10, false, 1L)]            // dukpt.json tdes.sequence[0]
        [DataRow("FFFF9876543210EFFC00", 10, false, 0x0FFC00L)]     // dukpt.json tdes.sequence[32]: the E of byte 7 is not counter
        [DataRow("ffff9876543210f00000", 10, false, 0x100000L)]     // lower case accepted
        [DataRow("123456789012345600000001", 12, true, 1L)]         // dukpt.json aes.sequence[0]
        [DataRow("1234567890123456FFFF0000", 12, true, 0xFFFF0000L)] // dukpt.json aes.sequence[14]
        public void TryParse_ValidKsn_ReadsLengthAndCounter(string hex, int length, bool isAes, long counter)
        {
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse(hex, out ksn));
            Assert.AreEqual(length, ksn.Length);
            Assert.AreEqual(isAes, ksn.IsAes);
            Assert.AreEqual((uint)counter, ksn.Counter);
            Assert.AreEqual(Hex.Encode(Hex.Decode(hex)), ksn.ToString());   // upper-case hex, nothing else
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("FFFF9876543210E0000")]          // 19 digits
        [DataRow("FFFF9876543210E000011")]        // 21 digits
        [DataRow("FFFF9876543210E0000100")]       // 22 digits: neither 10 nor 12 bytes
        [DataRow("FFFF9876543210E0000G")]         // not hex
        [DataRow("FFFF9876543210E000 1")]         // separator
        public void TryParse_Malformed_ReturnsFalse(string hex)
        {
            Ksn ksn;
            Assert.IsFalse(Ksn.TryParse(hex, out ksn));
            Assert.IsNull(ksn);
        }

        [TestMethod]
        public void TryParse_Null_ReturnsFalse()
        {
            Ksn ksn;
            Assert.IsFalse(Ksn.TryParse(null, out ksn));
            Assert.IsNull(ksn);
        }

        [TestMethod]
        public void Constructor_CopiesBytes_AndRejectsOtherLengths()
        {
            byte[] src = Hex.Decode("00FFFF9876543210E0000100");
            Ksn ksn = new Ksn(src, 1, Ksn.TdesLength);
            src[1] = 0;                                                   // a copy: the caller's buffer is not kept
            Assert.AreEqual("FFFF9876543210E00001", ksn.ToString());
            Assert.AreEqual(0xFF, (int)ksn[0]);
            byte[] dst = new byte[12];
            ksn.CopyTo(dst, 2);
            Assert.AreEqual("0000FFFF9876543210E00001", Hex.Encode(dst));
            Expect.Throws(typeof(ArgumentException), delegate { new Ksn(src, 0, 11); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new Ksn(src, 3, Ksn.TdesLength); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new Ksn(null, 0, Ksn.AesLength); });
        }

        // The initial AES KSN is the initial key ID with a zero counter; the first Advance gives counter 1
        // (dukpt.json aes.ikid and aes.sequence[0]).
        [TestMethod]
        public void FromAesInitialKeyId_StartsAtZero_FirstAdvanceGivesCounterOne()
        {
            Ksn ksn = Ksn.FromAesInitialKeyId(Hex.Decode("001234567890123456"), 1);
            Assert.AreEqual("123456789012345600000000", ksn.ToString());
            Assert.IsFalse(ksn.IsCounterValid);
            Assert.AreEqual((int)DukptStatus.Ok, (int)ksn.Advance());
            Assert.AreEqual("123456789012345600000001", ksn.ToString());
            Assert.IsTrue(ksn.IsCounterValid);
        }

        [TestMethod]
        public void SetCounter_KeepsInitialKsnBits_AndRefusesUnusableCounters()
        {
            Ksn tdes;
            Assert.IsTrue(Ksn.TryParse("FFFF9876543210E00001", out tdes));
            Assert.AreEqual((int)DukptStatus.Ok, (int)tdes.SetCounter(0x1FF800));
            Assert.AreEqual("FFFF9876543210FFF800", tdes.ToString());      // the top 3 bits of byte 7 (111) are kept
            Assert.AreEqual((int)DukptStatus.Ok, (int)tdes.SetCounter(0));
            Assert.AreEqual("FFFF9876543210E00000", tdes.ToString());
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)tdes.SetCounter(0x200000));   // wider than 21 bits
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)tdes.SetCounter(0x7FF));      // 11 one-bits
            Assert.AreEqual("FFFF9876543210E00000", tdes.ToString());

            Ksn aes;
            Assert.IsTrue(Ksn.TryParse("123456789012345600000001", out aes));
            Assert.AreEqual((int)DukptStatus.Ok, (int)aes.SetCounter(0xFFFE8000));
            Assert.AreEqual("1234567890123456FFFE8000", aes.ToString());
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)aes.SetCounter(0x1FFFF));     // 17 one-bits
            Assert.AreEqual("1234567890123456FFFE8000", aes.ToString());
        }

        // Raw-buffer counter helpers, at an offset.
        [TestMethod]
        public void CounterHelpers_ReadAndWriteAtOffset()
        {
            byte[] tdes = Hex.Decode("AAFFFF9876543210EFFC00BB");
            Assert.AreEqual(0x0FFC00u, DukptTdes.ReadCounter(tdes, 1));
            DukptTdes.WriteCounter(0x100000, tdes, 1);
            Assert.AreEqual("AAFFFF9876543210F00000BB", Hex.Encode(tdes));

            byte[] aes = Hex.Decode("AA1234567890123456FFFE8000BB");
            Assert.AreEqual(0xFFFE8000u, DukptAes.ReadCounter(aes, 1));
            DukptAes.WriteCounter(0xFFFF0000, aes, 1);
            Assert.AreEqual("AA1234567890123456FFFF0000BB", Hex.Encode(aes));
        }
    }
}
