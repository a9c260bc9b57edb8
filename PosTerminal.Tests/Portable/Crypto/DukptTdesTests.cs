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
    /// TDES DUKPT (ANSI X9.24-1:2009) against every TDES vector of ../shared/vectors/dukpt.json (section "tdes"),
    /// plus the PIN-key column of payments.md §9.2.2 and the counter edge cases.
    /// </summary>
    [TestClass]
    public class DukptTdesTests
    {
        // dukpt.json tdes.bdk / tdes.iksn / tdes.ipek / tdes.pinblock: ANSI X9.24-1:2009 A.4.
        private const string Bdk = "0123456789ABCDEFFEDCBA9876543210";
        private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";
        private const string ClearPinBlock = "041274EDCBA9876F";     // ISO 9564 format 0, PIN 1234, PAN 4012345678909
        private const string DataAscii = "4012345678909D987";        // dukpt.json tdes.data_mac[*].data_ascii

        // dukpt.json tdes.ipek (ANSI X9.24-1:2009 A.4); the counter bits of the KSN do not enter the IPEK.
        [TestMethod]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "FFFF9876543210E00000", "6AC292FAA1315B4D858AB3A3D7D5933A")]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "FFFF9876543210E00001", "6AC292FAA1315B4D858AB3A3D7D5933A")]
        [DataRow("0123456789ABCDEFFEDCBA9876543210", "FFFF9876543210FFF800", "6AC292FAA1315B4D858AB3A3D7D5933A")]
        public void Ipek_X924A4_MatchesPublished(string bdkHex, string ksnHex, string ipekHex)
        {
            byte[] ipek = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                dukpt.DeriveIpek(Hex.Decode(bdkHex), 0, Hex.Decode(ksnHex), 0, ipek, 0);
            }
            Assert.AreEqual(ipekHex, Hex.Encode(ipek));
        }

        // dukpt.json tdes.sequence: transaction key and encrypted PIN block per KSN.
        [TestMethod]
        // ANSI X9.24-1:2009 A.4.2 initial sequence (dukpt.json tdes.sequence[0..20])
        [DataRow("FFFF9876543210E00001", "042666B49184CFA368DE9628D0397BC9", "1B9C1845EB993A7A")]
        [DataRow("FFFF9876543210E00002", "C46551CEF9FD24B0AA9AD834130D3BC7", "10A01C8D02C69107")]
        [DataRow("FFFF9876543210E00003", "0DF3D9422ACA56E547676D07AD6BADFA", "18DC07B94797B466")]
        [DataRow("FFFF9876543210E00004", "279C0F6AEED0BE652B2C733E1383AE91", "0BC79509D5645DF7")]
        [DataRow("FFFF9876543210E00005", "5F8DC6D2C845C125508DDC048093B83F", "5BC0AF22AD87B327")]
        [DataRow("FFFF9876543210E00006", "5E415CB0BAF9F03CD0C14B63FB62FF43", "A16DF70AE36158D8")]
        [DataRow("FFFF9876543210E00007", "0C8F780B7C8B49D0AE84A9EB2A6CE660", "27711C16CB257F8E")]
        [DataRow("FFFF9876543210E00008", "27F66D5244FF62E1AA6F6120EDEB4280", "50E55547A5027551")]
        [DataRow("FFFF9876543210E00009", "27E31064FDC565698900E2057F658E7E", "536CF7F678ACFC8D")]
        [DataRow("FFFF9876543210E0000A", "6CF2500A22507C7CC776CEADC1E33014", "EDABBA23221833FE")]
        [DataRow("FFFF9876543210E0000B", "3E8260BA04B2D620C01482B3819A18B7", "2328981C57B4BDBA")]
        [DataRow("FFFF9876543210E0000C", "B716E1E11CF53D80726CAEE75C3A624F", "038D03CC926CF286")]
        [DataRow("FFFF9876543210E0000D", "E072EDF95340535FB6C581C58FBF2533", "6C8AA97088B62C68")]
        [DataRow("FFFF9876543210E0000E", "A80046087F5B8F245AAD95E18429084F", "F17C9E1D72CD4950")]
        [DataRow("FFFF9876543210E0000F", "93DD5B956C4878472E453AAEFD32A5AA", "B170F6E7F7F2F64A")]
        [DataRow("FFFF9876543210E00010", "59598DCBD9BD94C094165CE453585F57", "D5D9638559EF53D6")]
        [DataRow("FFFF9876543210E00011", "2B5F01F4F0CC05EA639D523231BF1BA2", "D544F8CDD292C863")]
        [DataRow("FFFF9876543210E00012", "9CF640F279C2AEE615F725EEEAC2CBAF", "7A21BD10F36DC41D")]
        [DataRow("FFFF9876543210E00013", "C3DF489FDF1153B4F03DE97C27DC4C2F", "78649BD17D0DFA60")]
        [DataRow("FFFF9876543210E00014", "658488507721B3F14737FA93F923CBD2", "7E7E16EA0C31AD56")]
        [DataRow("FFFF9876543210E00015", "E161D1956A61F6D2F37AFD7F9CC3699A", "72105C22EBC791E6")]
        // ANSI X9.24-1:2009 A.4.3 rollover sequence, counters with 9 and 10 one-bits and the jump to 100000 (dukpt.json tdes.sequence[21..33])
        [DataRow("FFFF9876543210EFF800", "F9CDFEBF4F5B1D9EB3EC12454527E176", "33365F5CC6F23C35")]
        [DataRow("FFFF9876543210EFF801", "5BEE92627E97825C911BF619DF72CA3B", "3A86BF003F835C9D")]
        [DataRow("FFFF9876543210EFF802", "64CA2F8AB93F61B01620B00BF77C7301", "3DB977D05C36DF3F")]
        [DataRow("FFFF9876543210EFF804", "35A168695B3BA83307E871C42021DD37", "BA83243305712099")]
        [DataRow("FFFF9876543210EFF808", "12C380FCB72ED3C26FC6079AF63F4787", "B0DA04AC90A36D85")]
        [DataRow("FFFF9876543210EFF810", "D8007C833A1E3C49C6889B97A68C54FF", "2CF02BD9C309EEDA")]
        [DataRow("FFFF9876543210EFF820", "A9C9FF9B735FDD49591F296B0BF0FD70", "9D1E2F77AEEE81C6")]
        [DataRow("FFFF9876543210EFF840", "0E3E221062CB5E03A384602783A004FA", "40870B0F8BA2011C")]
        [DataRow("FFFF9876543210EFF880", "CA8225C587124DFBB87F279C0BE29727", "22E340D6ABB40981")]
        [DataRow("FFFF9876543210EFF900", "906AAC1751D4971A144D52C76C6E1F97", "1A4C10AFBA03A430")]
        [DataRow("FFFF9876543210EFFA00", "2B9E2CE7C2750337E10B54D2989EA6AF", "849763B43E5F9CFF")]
        [DataRow("FFFF9876543210EFFC00", "F9430DF975082491C77BE4EF4FDB91EE", "DEFC6F09F8927B71")]
        [DataRow("FFFF9876543210F00000", "AA4D58DB653EC74A48C75F2F047DD2B5", "73EC88AD0AC5830E")]
        public void TransactionKeyAndPinBlock_X924A4_MatchPublished(string ksnHex, string txnKeyHex, string epbHex)
        {
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(Hex.Decode(Ipek), 0, Hex.Decode(ksnHex), 0, key, 0));
                Assert.AreEqual(txnKeyHex, Hex.Encode(key));
                dukpt.ApplyVariant(DukptTdesVariant.Pin, key, 0);
            }
            byte[] block = Hex.Decode(ClearPinBlock);
            using (TripleDes tdes = new TripleDes(key, 0, DukptTdes.KeyLength))
            {
                tdes.EncryptBlock(block, 0, block, 0);
            }
            Assert.AreEqual(epbHex, Hex.Encode(block));
        }

        // payments.md §9.2.2, "PIN key" column: transaction key XOR 00000000000000FF00000000000000FF
        // (ANSI X9.24-1:2009 A.4.2 as transcribed by openemv/dukpt test/dukpt_tdes_test.c).
        [TestMethod]
        [DataRow("FFFF9876543210E00001", "042666B49184CF5C68DE9628D0397B36")]
        [DataRow("FFFF9876543210E00002", "C46551CEF9FD244FAA9AD834130D3B38")]
        [DataRow("FFFF9876543210E00003", "0DF3D9422ACA561A47676D07AD6BAD05")]
        [DataRow("FFFF9876543210E00004", "279C0F6AEED0BE9A2B2C733E1383AE6E")]
        [DataRow("FFFF9876543210E00005", "5F8DC6D2C845C1DA508DDC048093B8C0")]
        [DataRow("FFFF9876543210E00006", "5E415CB0BAF9F0C3D0C14B63FB62FFBC")]
        [DataRow("FFFF9876543210E00007", "0C8F780B7C8B492FAE84A9EB2A6CE69F")]
        [DataRow("FFFF9876543210E00008", "27F66D5244FF621EAA6F6120EDEB427F")]
        [DataRow("FFFF9876543210E00009", "27E31064FDC565968900E2057F658E81")]
        [DataRow("FFFF9876543210E0000A", "6CF2500A22507C83C776CEADC1E330EB")]
        [DataRow("FFFF9876543210E0000B", "3E8260BA04B2D6DFC01482B3819A1848")]
        [DataRow("FFFF9876543210E0000C", "B716E1E11CF53D7F726CAEE75C3A62B0")]
        [DataRow("FFFF9876543210E0000D", "E072EDF9534053A0B6C581C58FBF25CC")]
        [DataRow("FFFF9876543210E0000E", "A80046087F5B8FDB5AAD95E1842908B0")]
        [DataRow("FFFF9876543210E0000F", "93DD5B956C4878B82E453AAEFD32A555")]
        [DataRow("FFFF9876543210E00010", "59598DCBD9BD943F94165CE453585FA8")]
        [DataRow("FFFF9876543210E00011", "2B5F01F4F0CC0515639D523231BF1B5D")]
        [DataRow("FFFF9876543210E00012", "9CF640F279C2AE1915F725EEEAC2CB50")]
        [DataRow("FFFF9876543210E00013", "C3DF489FDF11534BF03DE97C27DC4CD0")]
        [DataRow("FFFF9876543210E00014", "658488507721B30E4737FA93F923CB2D")]
        [DataRow("FFFF9876543210E00015", "E161D1956A61F62DF37AFD7F9CC36965")]
        public void PinKey_X924A42_MatchesPublished(string ksnHex, string pinKeyHex)
        {
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok,
                    (int)dukpt.DeriveKey(Hex.Decode(Ipek), 0, Hex.Decode(ksnHex), 0, DukptTdesVariant.Pin, key, 0));
            }
            Assert.AreEqual(pinKeyHex, Hex.Encode(key));
        }

        // dukpt.json tdes.data_mac: moov-io/dukpt test table 'A.4.2 Initial Sequence'. Data = TDES-CBC (IV 0, zero pad)
        // under the data request/response key (variant + one-way function); MAC = ANSI X9.19 (ISO 9797-1 algorithm 3,
        // padding method 1) under the MAC request/response key.
        [TestMethod]
        [DataRow("FFFF9876543210E00001", "FC0D53B7EA1FDA9EE68AAF2E70D9B9506229BE2AA993F04F", "1FCC89AF66222F27B903898BB2BC8589CDBFDE5EC6AFCC25", "9CCC78173FC4FB64", "20364223C1FF00FA")]
        [DataRow("FFFF9876543210E00002", "A2B4E70F846E63D68775B7215EB4563DFD3037244C61CC13", "5B692A6B1FDD5E25B0DEFAFDE1672E402F8011360CFF3508", "F608A9BCA6FFC311", "D1FCA6BEF05D24D2")]
        [DataRow("FFFF9876543210E00003", "BD751E65F10E75B6C1D5B1D283496A36C2DE21D993C387A7", "345992D4163E4926C927BFD8ABD5D76F087A9CE81D5A27B8", "20B59A4FEAC937E3", "BAD4CC9CC2AE326C")]
        [DataRow("FFFF9876543210E00004", "1118F50947441BBDA3C8C70220021A12EC31CC473F7215F4", "418C7413576C0D1819E785D3807AF32334231FDEC23414DB", "C7BFA6CC44161828", "1EB08AEECE6FF0C2")]
        [DataRow("FFFF9876543210E00005", "9FD7BD1EC28845ACA93367A9DA9317BD555C6B33AE22D365", "7D4C109E49E83355A556AE949EED359F4404E7A2F0167C00", "0202B96339022058", "5CBE3E81D1D2A0FB")]
        public void DataAndMacVariants_MoovVectors_MatchPublished(string ksnHex, string dataReqHex, string dataRespHex,
            string macReqHex, string macRespHex)
        {
            byte[] ipek = Hex.Decode(Ipek);
            byte[] ksn = Hex.Decode(ksnHex);
            byte[] data = Ascii.GetBytes(DataAscii);
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveKey(ipek, 0, ksn, 0, DukptTdesVariant.DataRequest, key, 0));
                Assert.AreEqual(dataReqHex, Hex.Encode(CbcEncrypt(key, data)));

                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveKey(ipek, 0, ksn, 0, DukptTdesVariant.DataResponse, key, 0));
                Assert.AreEqual(dataRespHex, Hex.Encode(CbcEncrypt(key, data)));

                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveKey(ipek, 0, ksn, 0, DukptTdesVariant.MacRequest, key, 0));
                Assert.AreEqual(macReqHex, Hex.Encode(X919Mac(key, data)));

                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveKey(ipek, 0, ksn, 0, DukptTdesVariant.MacResponse, key, 0));
                Assert.AreEqual(macRespHex, Hex.Encode(X919Mac(key, data)));
            }
        }

        // payments.md §9.2.4: the data-request key itself (variant 0000000000FF0000... then the one-way function).
        // E00001 from moov-io/dukpt; E00002 is marked "computed" there (recomputed, not published).
        [TestMethod]
        [DataRow("FFFF9876543210E00001", "448D3F076D8304036A55A3D7E0055A78")]
        [DataRow("FFFF9876543210E00002", "F1BE73B36135C5C26CF937D50ABBE5AF")]
        public void DataRequestKey_MatchesReference(string ksnHex, string keyHex)
        {
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok,
                    (int)dukpt.DeriveKey(Hex.Decode(Ipek), 0, Hex.Decode(ksnHex), 0, DukptTdesVariant.DataRequest, key, 0));
            }
            Assert.AreEqual(keyHex, Hex.Encode(key));
        }

        // Host side: BDK + KSN straight to the PIN key equals IPEK then walk (dukpt.json tdes + payments.md §9.2.2 row E00001).
        [TestMethod]
        public void DeriveKeyFromBdk_PinKey_MatchesPublished()
        {
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveKeyFromBdk(Hex.Decode(Bdk), 0,
                    Hex.Decode("FFFF9876543210E00001"), 0, DukptTdesVariant.Pin, key, 0));
            }
            Assert.AreEqual("042666B49184CF5C68DE9628D0397B36", Hex.Encode(key));
        }

        // The Ksn overloads and an in-place derivation (destination = the IPEK's own buffer), A.4.3 row EFFC00
        // (ten one-bits: the last counter before the jump).
        [TestMethod]
        public void DeriveTransactionKey_KsnOverloadInPlace_ExactlyTenOneBits()
        {
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse("FFFF9876543210EFFC00", out ksn));
            Assert.IsTrue(ksn.IsCounterValid);
            byte[] key = Hex.Decode(Ipek);
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(key, 0, ksn, key, 0));
            }
            Assert.AreEqual("F9430DF975082491C77BE4EF4FDB91EE", Hex.Encode(key));
        }

        // The A.4.3 rollover sequence read as a counter walk: each published KSN is followed by the next published
        // one (0FF803 and the other counters with 11 one-bits are skipped, 0FFC00 jumps to 100000). The first row is
        // the first counter of a freshly loaded device (A.4.2: E00000 to E00001).
        [TestMethod]
        [DataRow("FFFF9876543210E00000", "FFFF9876543210E00001")]
        [DataRow("FFFF9876543210E00014", "FFFF9876543210E00015")]
        [DataRow("FFFF9876543210EFF800", "FFFF9876543210EFF801")]
        [DataRow("FFFF9876543210EFF801", "FFFF9876543210EFF802")]
        [DataRow("FFFF9876543210EFF802", "FFFF9876543210EFF804")]
        [DataRow("FFFF9876543210EFF804", "FFFF9876543210EFF808")]
        [DataRow("FFFF9876543210EFF808", "FFFF9876543210EFF810")]
        [DataRow("FFFF9876543210EFF810", "FFFF9876543210EFF820")]
        [DataRow("FFFF9876543210EFF820", "FFFF9876543210EFF840")]
        [DataRow("FFFF9876543210EFF840", "FFFF9876543210EFF880")]
        [DataRow("FFFF9876543210EFF880", "FFFF9876543210EFF900")]
        [DataRow("FFFF9876543210EFF900", "FFFF9876543210EFFA00")]
        [DataRow("FFFF9876543210EFFA00", "FFFF9876543210EFFC00")]
        [DataRow("FFFF9876543210EFFC00", "FFFF9876543210F00000")]
        public void Advance_X924A43RolloverSequence_FollowsPublishedKsns(string fromHex, string toHex)
        {
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse(fromHex, out ksn));
            Assert.AreEqual((int)DukptStatus.Ok, (int)ksn.Advance());
            Assert.AreEqual(toHex, ksn.ToString());
            Assert.IsTrue(ksn.IsCounterValid);
        }

        // Counter validity: at most 10 one-bits, non-zero, within 21 bits.
        [TestMethod]
        [DataRow(0L, false)]           // the initial KSN itself: never a transaction
        [DataRow(1L, true)]            // first counter
        [DataRow(0x0003FFL, true)]     // exactly 10 one-bits
        [DataRow(0x0007FFL, false)]    // 11 one-bits
        [DataRow(0x0FFC00L, true)]     // 10 one-bits (A.4.3)
        [DataRow(0x0FFC01L, false)]    // 11 one-bits
        [DataRow(0x1FF800L, true)]     // last valid counter
        [DataRow(0x1FFC00L, false)]    // 11 one-bits
        [DataRow(0x1FFFFFL, false)]    // 21 one-bits
        [DataRow(0x200000L, false)]    // wider than the 21-bit field
        public void IsValidCounter_TenOneBitsAtMost(long counter, bool valid)
        {
            Assert.AreEqual(valid, DukptTdes.IsValidCounter((uint)counter));
        }

        [TestMethod]
        [DataRow(0L, 1L)]                 // first counter
        [DataRow(0x0003FEL, 0x0003FFL)]   // 9 -> 10 one-bits: taken
        [DataRow(0x0003FFL, 0x000400L)]   // plain carry
        [DataRow(0x0007FEL, 0x000800L)]   // 0x7FF has 11 one-bits: skipped
        [DataRow(0x0FFC00L, 0x100000L)]   // A.4.3: EFFC00 -> F00000
        [DataRow(0x1FF400L, 0x1FF800L)]   // to the last valid counter
        public void NextCounter_SkipsCountersWithElevenOneBits(long from, long expected)
        {
            uint next;
            Assert.AreEqual((int)DukptStatus.Ok, (int)DukptTdes.NextCounter((uint)from, out next));
            Assert.AreEqual((uint)expected, next);
        }

        [TestMethod]
        public void Advance_PastLastCounter_ReportsExhaustionAndKeepsKsn()
        {
            uint next;
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)DukptTdes.NextCounter(DukptTdes.LastCounter, out next));
            Assert.AreEqual(DukptTdes.LastCounter, next);
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)DukptTdes.NextCounter(0x200000, out next));

            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse("FFFF9876543210FFF800", out ksn));
            Assert.AreEqual(DukptTdes.LastCounter, ksn.Counter);
            Assert.IsTrue(ksn.IsCounterValid);
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)ksn.Advance());
            Assert.AreEqual("FFFF9876543210FFF800", ksn.ToString());
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)ksn.Advance());

            // the last counter itself still yields a key
            byte[] key = new byte[DukptTdes.KeyLength];
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.Ok, (int)dukpt.DeriveTransactionKey(Hex.Decode(Ipek), 0, ksn, key, 0));
            }
            Assert.IsFalse(Hex.Encode(key) == Ipek);
        }

        // Counter 0, 11 one-bits and 21 one-bits: a status, and the destination is not touched.
        [TestMethod]
        [DataRow("FFFF9876543210E00000")]
        [DataRow("FFFF9876543210EFFC01")]
        [DataRow("FFFF9876543210E007FF")]
        [DataRow("FFFF9876543210FFFFFF")]
        public void DeriveTransactionKey_UnusableCounter_ReturnsCounterInvalid(string ksnHex)
        {
            byte[] key = new byte[DukptTdes.KeyLength];
            for (int i = 0; i < key.Length; i++) key[i] = 0x5A;
            using (DukptTdes dukpt = new DukptTdes())
            {
                Assert.AreEqual((int)DukptStatus.CounterInvalid,
                    (int)dukpt.DeriveKey(Hex.Decode(Ipek), 0, Hex.Decode(ksnHex), 0, DukptTdesVariant.Pin, key, 0));
            }
            Assert.AreEqual("5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A", Hex.Encode(key));
        }

        [TestMethod]
        public void ApplyVariant_None_LeavesTransactionKey()
        {
            byte[] key = Hex.Decode("042666B49184CFA368DE9628D0397BC9");
            using (DukptTdes dukpt = new DukptTdes())
            {
                dukpt.ApplyVariant(DukptTdesVariant.None, key, 0);
            }
            Assert.AreEqual("042666B49184CFA368DE9628D0397BC9", Hex.Encode(key));
        }

        // Programming errors throw, and nothing thrown or printed carries key bytes.
        [TestMethod]
        public void BadArguments_Throw_WithoutKeyBytes()
        {
            byte[] ipek = Hex.Decode(Ipek);
            byte[] ksn = Hex.Decode("FFFF9876543210E00001");
            DukptTdes dukpt = new DukptTdes();
            Exception e = Expect.Throws(typeof(ArgumentOutOfRangeException), delegate
            {
                dukpt.DeriveTransactionKey(ipek, 0, ksn, 0, new byte[15], 0);
            });
            Assert.IsTrue(e.Message.IndexOf(Ipek) < 0);
            Expect.Throws(typeof(ArgumentNullException), delegate { dukpt.DeriveIpek(null, 0, ksn, 0, new byte[16], 0); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { dukpt.DeriveIpek(ipek, 1, ksn, 0, new byte[16], 0); });
            Ksn aes = Ksn.FromAesInitialKeyId(Hex.Decode("1234567890123456"), 0);
            Expect.Throws(typeof(ArgumentException), delegate { dukpt.DeriveTransactionKey(ipek, 0, aes, new byte[16], 0); });
            Assert.IsTrue(dukpt.ToString().IndexOf(Ipek) < 0);
            dukpt.Dispose();
        }

        // TDES-CBC, IV 0, zero padding to a multiple of 8 (the moov-io/dukpt data convention).
        private static byte[] CbcEncrypt(byte[] key, byte[] data)
        {
            byte[] buf = ZeroPad(data);
            using (TripleDes tdes = new TripleDes(key, 0, key.Length))
            {
                for (int off = 0; off < buf.Length; off += 8)
                {
                    if (off > 0)
                    {
                        for (int i = 0; i < 8; i++) buf[off + i] ^= buf[off - 8 + i];
                    }
                    tdes.EncryptBlock(buf, off, buf, off);
                }
            }
            return buf;
        }

        // ANSI X9.19 / ISO 9797-1 MAC algorithm 3, padding method 1: single-DES CBC under K1, then DES-decrypt under
        // K2 and DES-encrypt under K1 (written out here, independent of the project's RetailMac).
        private static byte[] X919Mac(byte[] key, byte[] data)
        {
            byte[] buf = ZeroPad(data);
            byte[] h = new byte[8];
            using (Des k1 = new Des(key, 0, 8))
            {
                for (int off = 0; off < buf.Length; off += 8)
                {
                    for (int i = 0; i < 8; i++) h[i] ^= buf[off + i];
                    k1.EncryptBlock(h, 0, h, 0);
                }
                using (Des k2 = new Des(key, 8, 8))
                {
                    k2.DecryptBlock(h, 0, h, 0);
                }
                k1.EncryptBlock(h, 0, h, 0);
            }
            return h;
        }

        private static byte[] ZeroPad(byte[] data)
        {
            byte[] buf = new byte[(data.Length + 7) / 8 * 8];
            Array.Copy(data, 0, buf, 0, data.Length);
            return buf;
        }
    }
}
