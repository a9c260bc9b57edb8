#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Emv;
using PosTerminal.Util;

namespace PosTerminal.Tests.Emv
{
    /// <summary>BER-TLV writing: the published build cases, long forms, and the golden F55 rebuilt byte for byte.</summary>
    [TestClass]
    public class TlvWriterTests
    {
        private static byte[] H(string hex)
        {
            return Hex.Decode(hex);
        }

        private static void Write(TlvWriter w, int tag, string valueHex)
        {
            byte[] v = H(valueHex);
            w.Write(tag, v, 0, v.Length);
        }

        [TestMethod]
        public void Build_PpseFci_MatchesPublishedBytes()
        {
            byte[] buf = new byte[64];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            w.Begin(EmvTag.FciTemplate);
            Write(w, EmvTag.DfName, "325041592E5359532E4444463031");     // "2PAY.SYS.DDF01"
            w.Begin(EmvTag.FciProprietaryTemplate);
            w.Begin(EmvTag.FciIssuerDiscretionaryData);
            w.Begin(EmvTag.ApplicationTemplate);
            Write(w, EmvTag.Aid, "A0000000031010");
            Write(w, EmvTag.ApplicationLabel, "56495341435245444954");
            w.End();
            w.End();
            w.End();
            w.End();
            Assert.AreEqual(0, w.Depth);
            Assert.AreEqual(TlvVectors.PpseFci, Hex.Encode(buf, 0, w.Length));
        }

        [TestMethod]
        public void Build_PseRecord_MatchesPublishedBytes()
        {
            byte[] buf = new byte[64];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            w.Begin(EmvTag.RecordTemplate);
            w.Begin(EmvTag.ApplicationTemplate);
            Write(w, EmvTag.Aid, "A0000000041010");
            Write(w, EmvTag.ApplicationPriority, "01");
            Write(w, EmvTag.ApplicationLabel, "4D415354455243415244");
            Write(w, EmvTag.ApplicationPreferredName, "43495449204D4153544552");
            w.End();
            w.End();
            Assert.AreEqual(TlvVectors.PseRecord, Hex.Encode(buf, 0, w.Length));
        }

        [TestMethod]
        [DataRow(0x9F46, "00", 144)]     // ISO/IEC 8825-1 8.1.3.5: 81 90
        [DataRow(0xDF01, "AB", 300)]     // 82 01 2C
        public void Build_LongForms_MatchPublishedBytes(int tag, string unit, int times)
        {
            byte[] value = H(TlvVectors.Repeat(unit, times));
            byte[] buf = new byte[400];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            w.Write(tag, value, 0, value.Length);
            string expected = tag == 0x9F46 ? TlvVectors.LongForm81() : TlvVectors.LongForm82();
            Assert.AreEqual(expected, Hex.Encode(buf, 0, w.Length));
        }

        [TestMethod]
        [DataRow(125, 127, "7F")]          // C1 7D + 125 bytes: 127, still the short form
        [DataRow(126, 128, "8180")]        // 128: 81 80, the content moves right by one
        [DataRow(252, 255, "81FF")]        // C1 81 FC + 252 bytes: 255
        [DataRow(253, 256, "820100")]      // 256: 82 01 00, the content moves right by two
        public void End_ContentNeedingALongLength_MovesTheContentRight(int valueLength, int contentLength, string lengthHex)
        {
            byte[] value = new byte[valueLength];
            for (int i = 0; i < valueLength; i++) value[i] = (byte)i;
            Assert.AreEqual(contentLength, Tlv.EncodedLength(0xC1, valueLength));
            byte[] buf = new byte[contentLength + 8];
            TlvWriter w = new TlvWriter(buf, 2, buf.Length - 2);
            w.Begin(0xE1);
            w.Write(0xC1, value, 0, valueLength);
            w.End();
            Assert.AreEqual(1 + lengthHex.Length / 2 + contentLength, w.Length);
            Assert.AreEqual("E1" + lengthHex, Hex.Encode(buf, 2, 1 + lengthHex.Length / 2));
            TlvReader r = new TlvReader(buf, 2, w.Length);
            Assert.IsTrue(r.Find(0xC1));
            Assert.AreEqual(valueLength, r.ValueLength);
            for (int i = 0; i < valueLength; i++) Assert.AreEqual((byte)i, buf[r.ValueOffset + i]);
        }

        [TestMethod]
        [DataRow(TlvVectors.CsdnContactlessF55)]
        [DataRow(TlvVectors.PpseFci)]
        [DataRow(TlvVectors.PseRecord)]
        [DataRow(TlvVectors.GpoResponse)]
        [DataRow(TlvVectors.TwoPrimitives)]
        [DataRow(TlvVectors.ThreeByteTag)]
        public void Rebuild_ReadThenWritten_ByteIdentical(string hex)
        {
            byte[] src = H(hex);
            byte[] dst = new byte[src.Length];
            int n = TlvText.Rebuild(src, 0, src.Length, new TlvReader(), new TlvWriter(dst, 0, dst.Length));
            Assert.AreEqual(src.Length, n);
            Assert.AreEqual(hex, Hex.Encode(dst, 0, n));
        }

        [TestMethod]
        public void Rebuild_PaddingAndLongFormForShortLength_Canonicalised()
        {
            byte[] src = H("00 70 07 5A 81 01 12 00 00 00 00");
            byte[] dst = new byte[16];
            int n = TlvText.Rebuild(src, 0, src.Length, new TlvReader(), new TlvWriter(dst, 0, dst.Length));
            Assert.AreEqual("70035A0112", Hex.Encode(dst, 0, n));
        }

        [TestMethod]
        public void Write_BufferTooSmall_TypedErrorWithOffset()
        {
            byte[] buf = new byte[8];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            Write(w, 0x5A, "1234");                                // 4 bytes
            TlvFormatException e = (TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { Write(w, 0x9F36, "0157"); });
            Assert.AreEqual((int)TlvError.BufferTooSmall, (int)e.Error);
            Assert.AreEqual(0x9F36, e.Tag);
            Assert.AreEqual(4, e.Offset);
            Assert.AreEqual(4, w.Length);                          // nothing of the refused element was written
        }

        [TestMethod]
        public void End_NoRoomForTheLongLength_BufferTooSmall()
        {
            byte[] value = new byte[130];
            byte[] buf = new byte[1 + 1 + 3 + 130];                // E1 + 1 length byte + C1 81 82 + value: E1's 81 needs one more
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            w.Begin(0xE1);
            w.Write(0xC1, value, 0, value.Length);
            TlvFormatException e = (TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { w.End(); });
            Assert.AreEqual((int)TlvError.BufferTooSmall, (int)e.Error);
            Assert.AreEqual(0xE1, e.Tag);
        }

        [TestMethod]
        public void Begin_NoRoom_And_TooDeep_Refused()
        {
            byte[] buf = new byte[1];
            TlvWriter w = new TlvWriter(buf, 0, 1);
            Assert.AreEqual((int)TlvError.BufferTooSmall,
                (int)((TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { w.Begin(0x70); })).Error);
            buf = new byte[64];
            w.Reset(buf, 0, buf.Length);
            for (int i = 0; i < TlvReader.MaxDepth; i++) w.Begin(0xE1);
            Assert.AreEqual((int)TlvError.TooDeep,
                (int)((TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { w.Begin(0xE1); })).Error);
        }

        [TestMethod]
        public void Write_ValueOver65535_LengthTooLong()
        {
            byte[] value = new byte[Tlv.MaxLength + 1];
            byte[] buf = new byte[8];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            TlvFormatException e = (TlvFormatException)Expect.Throws(typeof(TlvFormatException), delegate { w.Write(0xDF01, value, 0, value.Length); });
            Assert.AreEqual((int)TlvError.LengthTooLong, (int)e.Error);
        }

        [TestMethod]
        [DataRow(0x1F)]          // one byte announcing more
        [DataRow(0x5A01)]        // 5A is complete in one byte
        [DataRow(0x9F81)]        // the last byte announces more
        [DataRow(0xFF01)]        // FF first byte
        [DataRow(0x1000000)]     // four bytes
        [DataRow(0)]
        public void InvalidTag_ProgrammerError(int tag)
        {
            byte[] buf = new byte[16];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            Expect.Throws(typeof(ArgumentException), delegate { w.Write(tag, buf, 0, 1); });
        }

        [TestMethod]
        public void BeginPrimitiveTag_OrEndWithoutBegin_ProgrammerError()
        {
            byte[] buf = new byte[16];
            TlvWriter w = new TlvWriter(buf, 0, buf.Length);
            Expect.Throws(typeof(ArgumentException), delegate { w.Begin(0x5A); });
            Expect.Throws(typeof(InvalidOperationException), delegate { w.End(); });
        }
    }
}
