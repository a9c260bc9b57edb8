#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Emv;
using PosTerminal.Iso8583;
using PosTerminal.Iso8583.Profiles;
using PosTerminal.Tests.Iso8583;
using PosTerminal.Util;

namespace PosTerminal.Tests.Emv
{
    /// <summary>BER-TLV reading: the published vectors, the ICC data of a captured sale, navigation and the edge forms.</summary>
    [TestClass]
    public class TlvReaderTests
    {
        [TestMethod]
        [DataRow(TlvVectors.GpoResponse, "77{82=5800 94=0801010010010301}")]
        [DataRow(TlvVectors.PpseFci,
            "6F{84=325041592E5359532E4444463031 A5{BF0C{61{4F=A0000000031010 50=56495341435245444954}}}}")]
        [DataRow(TlvVectors.PseRecord,
            "70{61{4F=A0000000041010 87=01 50=4D415354455243415244 9F12=43495449204D4153544552}}")]
        [DataRow(TlvVectors.TwoPrimitives, "4F=A0000000031010 5F24=221231")]
        [DataRow("8400", "84=")]                                                // empty value
        [DataRow("7000", "70{}")]                                               // empty template
        [DataRow("", "")]                                                       // no element at all
        [DataRow("00005A0112000000", "5A=12")]                                  // 00 padding around (EMV Book 3 Annex B)
        [DataRow("70075A011200000000 9F3601AA", "70{5A=12} 9F36=AA")]           // padding inside a template
        [DataRow("5A810112", "5A=12")]                                          // long form for a short length (BER allows)
        [DataRow("1F1E01AA", "1F1E=AA")]                                        // tag number < 31 in two bytes (BER allows)
        [DataRow("E1 06 E2 04 E3 02 C1 00", "E1{E2{E3{C1=}}}")]                 // private-class tags
        public void Walk_PublishedAndEdgeForms_GivesTheTree(string hex, string tree)
        {
            byte[] b = Hex.Decode(hex);
            Assert.AreEqual(tree, TlvText.Describe(b, 0, b.Length));
        }

        [TestMethod]
        public void ThreeByteTag_ReadsTagAndValue()
        {
            byte[] b = Hex.Decode(TlvVectors.ThreeByteTag);
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(0xDF8107, r.Tag);
            Assert.IsFalse(r.IsConstructed);
            Assert.AreEqual(4, r.ValueOffset);
            Assert.AreEqual(0x40, r.ValueLength);
            Assert.AreEqual(b.Length, r.EndOffset);
            Assert.IsFalse(r.Next());
        }

        [TestMethod]
        public void LongForms_81And82_ReadTheirLengths()
        {
            byte[] a = Hex.Decode(TlvVectors.LongForm81());
            TlvReader r = new TlvReader(a, 0, a.Length);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(0x9F46, r.Tag);
            Assert.AreEqual(4, r.ValueOffset);
            Assert.AreEqual(144, r.ValueLength);
            byte[] b = Hex.Decode(TlvVectors.LongForm82());
            r.Reset(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(0xDF01, r.Tag);
            Assert.AreEqual(5, r.ValueOffset);
            Assert.AreEqual(300, r.ValueLength);
            Assert.AreEqual(0xAB, (int)b[r.ValueOffset + 299]);
            Assert.IsFalse(r.Next());
        }

        [TestMethod]
        public void GoldenF55_IsTheField55OfTheCapturedSale()
        {
            byte[] frame = Hex.Decode(GoldenFrames.CsdnContactlessSale0200);
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            IsoCodec.Unpack(frame, 13, frame.Length - 13, m);
            Assert.AreEqual(139, m.Length(IsoField.IccData));
            byte[] f55 = new byte[139];
            m.CopyTo(IsoField.IccData, f55, 0);
            Assert.AreEqual(TlvVectors.CsdnContactlessF55, Hex.Encode(f55));
        }

        [TestMethod]
        public void GoldenF55_ListsItsNineteenTags_AllValid()
        {
            byte[] f55 = Hex.Decode(TlvVectors.CsdnContactlessF55);
            Assert.AreEqual(139, f55.Length);
            Assert.AreEqual(TlvVectors.CsdnContactlessF55Tags, TlvText.TopLevelTags(f55, 0, f55.Length));
            TlvReader r = new TlvReader(f55, 0, f55.Length);
            Assert.AreEqual((int)TlvError.None, (int)r.Validate());
            int n = 0;
            while (r.Walk())
            {
                Assert.AreEqual(0, r.Depth);
                Assert.IsFalse(r.IsConstructed);
                n++;
            }
            Assert.AreEqual(19, n);
        }

        [TestMethod]
        [DataRow(EmvTag.ApplicationCryptogram, "95BBE372271DDA7C")]
        [DataRow(EmvTag.CryptogramInformationData, "80")]                        // ARQC
        [DataRow(EmvTag.IssuerApplicationData, "07010103A00000010A010000000000ED538FE4")]
        [DataRow(EmvTag.Atc, "0157")]
        [DataRow(EmvTag.Tvr, "0000000000")]
        [DataRow(EmvTag.TransactionDate, "190830")]
        [DataRow(EmvTag.AmountAuthorised, "000000000001")]                       // = F4 000000000001
        [DataRow(EmvTag.TransactionCurrencyCode, "0156")]                        // CNY
        [DataRow(EmvTag.IfdSerialNumber, "3130303030303139")]                    // "10000019"
        [DataRow(EmvTag.DfName, "A000000333010102")]                             // UnionPay credit AID
        [DataRow(EmvTag.TransactionSequenceCounter, "00000403")]                 // = F11 000403
        public void GoldenF55_Find_GivesTheValue(int tag, string value)
        {
            byte[] f55 = Hex.Decode(TlvVectors.CsdnContactlessF55);
            TlvReader r = new TlvReader(f55, 0, f55.Length);
            Assert.IsTrue(r.Find(tag));
            Assert.AreEqual(value, Hex.Encode(f55, r.ValueOffset, r.ValueLength));
        }

        [TestMethod]
        public void Find_AbsentTag_FalseAtTheEnd_RewindSearchesAgain()
        {
            byte[] f55 = Hex.Decode(TlvVectors.CsdnContactlessF55);
            TlvReader r = new TlvReader(f55, 0, f55.Length);
            Assert.IsFalse(r.Find(EmvTag.Pan));
            Assert.IsFalse(r.Find(EmvTag.Atc));                 // from the end: nothing left
            r.Rewind();
            Assert.IsTrue(r.Find(EmvTag.Atc));
        }

        [TestMethod]
        public void Find_DeepInTemplates_FindsTheAid()
        {
            byte[] b = Hex.Decode(TlvVectors.PpseFci);
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Find(EmvTag.Aid));
            Assert.AreEqual(4, r.Depth);
            Assert.AreEqual("A0000000031010", Hex.Encode(b, r.ValueOffset, r.ValueLength));
            Assert.IsTrue(r.Find(EmvTag.ApplicationLabel));
            Assert.AreEqual("VISACREDIT", Ascii.GetString(b, r.ValueOffset, r.ValueLength));
        }

        [TestMethod]
        public void EnterExit_NavigatesOneLevelAtATime()
        {
            byte[] b = Hex.Decode(TlvVectors.PpseFci + "9F3601AA");
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.FciTemplate, r.Tag);
            Assert.IsTrue(r.IsConstructed);
            r.Enter();
            Assert.AreEqual(1, r.Depth);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.DfName, r.Tag);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.FciProprietaryTemplate, r.Tag);
            r.Enter();
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.FciIssuerDiscretionaryData, r.Tag);
            r.Exit();                                           // skips the rest of A5
            Assert.IsFalse(r.Next());                           // nothing after A5 inside 6F
            r.Exit();
            Assert.AreEqual(0, r.Depth);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.Atc, r.Tag);
            Assert.IsFalse(r.Next());
        }

        [TestMethod]
        public void Next_SkipsAConstructedValueWithoutEnteringIt()
        {
            byte[] b = Hex.Decode(TlvVectors.PseRecord + TlvVectors.GpoResponse);
            Assert.AreEqual("70 77", TlvText.TopLevelTags(b, 0, b.Length));
        }

        [TestMethod]
        public void OffsetsAreIndicesIntoTheCallersBuffer()
        {
            byte[] b = Hex.Decode("EEEE 9F3602 0157 EE");
            TlvReader r = new TlvReader(b, 2, 5);
            Assert.IsTrue(r.Next());
            Assert.AreEqual(2, r.TagOffset);
            Assert.AreEqual(5, r.ValueOffset);
            Assert.AreEqual(2, r.ValueLength);
            Assert.AreEqual(7, r.EndOffset);
            Assert.IsFalse(r.Next());                           // the trailing EE is outside the range
        }

        [TestMethod]
        public void MaxDepth_NestingAccepted()
        {
            // 8 constructed levels (E1 private class, constructed), a primitive at depth 8.
            string hex = "C101AA";
            for (int i = 0; i < TlvReader.MaxDepth; i++) hex = "E1" + (hex.Length / 2).ToString("X2") + hex;
            byte[] b = Hex.Decode(hex);
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Find(0xC1));
            Assert.AreEqual(TlvReader.MaxDepth, r.Depth);
            Assert.AreEqual((int)TlvError.None, (int)r.Validate());
        }

        [TestMethod]
        public void F62PrivateTlvs_OfTheCapturedQrSale_AndCapkList()
        {
            // QR sale F62 (q.cnblogs.com/q/128930): 5F01 payment code, 5F03, 5F04, 5C.
            byte[] frame = Hex.Decode(GoldenFrames.CnblogsQrSale0200);
            IsoMessage m = new IsoMessage(CupSpec.Spec);
            IsoCodec.Unpack(frame, 13, frame.Length - 13, m);
            byte[] f62 = new byte[m.Length(IsoField.Reserved62)];
            m.CopyTo(IsoField.Reserved62, f62, 0);
            Assert.AreEqual("5F01 5F03 5F04 5C", TlvText.TopLevelTags(f62, 0, f62.Length));
            TlvReader r = new TlvReader(f62, 0, f62.Length);
            Assert.IsTrue(r.Find(0x5F01));
            Assert.AreEqual(18, r.ValueLength);

            // CAPK query response F62 (blog.csdn.net/zfr_xuexiao66): a status byte '1', then 12 x (9F06 RID, 9F22 index, DF05 expiry).
            byte[] capk = Hex.Decode(GoldenFrames.CsdnCapkQuery0830);
            m = new IsoMessage(CupSpec.Spec);
            IsoCodec.Unpack(capk, 0, capk.Length, m);
            f62 = new byte[m.Length(IsoField.Reserved62)];
            m.CopyTo(IsoField.Reserved62, f62, 0);
            Assert.AreEqual((int)'1', (int)f62[0]);
            r.Reset(f62, 1, f62.Length - 1);
            int rids = 0;
            while (r.Next())
            {
                if (r.Tag == 0x9F06) rids++;
            }
            Assert.AreEqual(12, rids);
        }

        [TestMethod]
        public void Validate_GoodData_NoneAndRewound()
        {
            byte[] b = Hex.Decode(TlvVectors.PseRecord);
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            Assert.AreEqual((int)TlvError.None, (int)r.Validate());
            Assert.IsTrue(r.Next());
            Assert.AreEqual(EmvTag.RecordTemplate, r.Tag);
        }

        [TestMethod]
        public void TagHelpers_LengthsAndConstructedBit()
        {
            Assert.AreEqual(1, Tlv.TagLength(0x5A));
            Assert.AreEqual(2, Tlv.TagLength(0x9F26));
            Assert.AreEqual(3, Tlv.TagLength(0xDF8107));
            Assert.AreEqual(-1, Tlv.TagLength(0x1F));           // announces more bytes
            Assert.AreEqual(-1, Tlv.TagLength(0x5A01));         // 5A is a one-byte tag
            Assert.AreEqual(-1, Tlv.TagLength(0x9F81));         // second byte announces a third
            Assert.AreEqual(-1, Tlv.TagLength(0xDF0107));       // second byte ends the tag
            Assert.AreEqual(-1, Tlv.TagLength(0xFF01));         // FF first byte
            Assert.AreEqual(-1, Tlv.TagLength(0));
            Assert.IsTrue(Tlv.IsConstructed(0x70));
            Assert.IsTrue(Tlv.IsConstructed(0xBF0C));
            Assert.IsFalse(Tlv.IsConstructed(0x9F26));
            Assert.IsFalse(Tlv.IsConstructed(0xDF8107));
            Assert.AreEqual(1, Tlv.LengthFieldLength(127));
            Assert.AreEqual(2, Tlv.LengthFieldLength(128));
            Assert.AreEqual(2, Tlv.LengthFieldLength(255));
            Assert.AreEqual(3, Tlv.LengthFieldLength(256));
            Assert.AreEqual(2 + 3 + 300, Tlv.EncodedLength(0xDF01, 300));
        }

        [TestMethod]
        public void Reset_RangeOutsideBuffer_Refused()
        {
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new TlvReader(new byte[4], 2, 3));
            Expect.Throws(typeof(ArgumentOutOfRangeException), () => new TlvReader(new byte[4], -1, 1));
            Expect.Throws(typeof(ArgumentNullException), () => new TlvReader(null, 0, 0));
        }

        [TestMethod]
        public void EnterOnAPrimitive_OrExitAtTop_IsAProgrammerError()
        {
            byte[] b = Hex.Decode("5A0112");
            TlvReader r = new TlvReader(b, 0, b.Length);
            Assert.IsTrue(r.Next());
            Expect.Throws(typeof(InvalidOperationException), () => r.Enter());
            Expect.Throws(typeof(InvalidOperationException), () => r.Exit());
        }
    }
}
