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
    /// The TDES DUKPT originating device (ANSI X9.24-1:2009 A.2, future key registers) against the published
    /// sequence of ../shared/vectors/dukpt.json (section "tdes": A.4.2 initial sequence, A.4.3 rollover sequence), its
    /// state carried through Serialize/Deserialize at every step, and exhaustion.
    /// </summary>
    [TestClass]
    public class DukptTdesDeviceTests
    {
        // dukpt.json tdes.ipek / tdes.iksn / tdes.pinblock (ANSI X9.24-1:2009 A.4).
        private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";
        private const string InitialKsn = "FFFF9876543210E00000";
        private const string ClearPinBlock = "041274EDCBA9876F";

        // dukpt.json tdes.sequence[0..20]: KSN, transaction key, encrypted PIN block (A.4.2).
        private static string[] InitialSequence()
        {
            return new string[]
            {
                "FFFF9876543210E00001", "042666B49184CFA368DE9628D0397BC9", "1B9C1845EB993A7A",
                "FFFF9876543210E00002", "C46551CEF9FD24B0AA9AD834130D3BC7", "10A01C8D02C69107",
                "FFFF9876543210E00003", "0DF3D9422ACA56E547676D07AD6BADFA", "18DC07B94797B466",
                "FFFF9876543210E00004", "279C0F6AEED0BE652B2C733E1383AE91", "0BC79509D5645DF7",
                "FFFF9876543210E00005", "5F8DC6D2C845C125508DDC048093B83F", "5BC0AF22AD87B327",
                "FFFF9876543210E00006", "5E415CB0BAF9F03CD0C14B63FB62FF43", "A16DF70AE36158D8",
                "FFFF9876543210E00007", "0C8F780B7C8B49D0AE84A9EB2A6CE660", "27711C16CB257F8E",
                "FFFF9876543210E00008", "27F66D5244FF62E1AA6F6120EDEB4280", "50E55547A5027551",
                "FFFF9876543210E00009", "27E31064FDC565698900E2057F658E7E", "536CF7F678ACFC8D",
                "FFFF9876543210E0000A", "6CF2500A22507C7CC776CEADC1E33014", "EDABBA23221833FE",
                "FFFF9876543210E0000B", "3E8260BA04B2D620C01482B3819A18B7", "2328981C57B4BDBA",
                "FFFF9876543210E0000C", "B716E1E11CF53D80726CAEE75C3A624F", "038D03CC926CF286",
                "FFFF9876543210E0000D", "E072EDF95340535FB6C581C58FBF2533", "6C8AA97088B62C68",
                "FFFF9876543210E0000E", "A80046087F5B8F245AAD95E18429084F", "F17C9E1D72CD4950",
                "FFFF9876543210E0000F", "93DD5B956C4878472E453AAEFD32A5AA", "B170F6E7F7F2F64A",
                "FFFF9876543210E00010", "59598DCBD9BD94C094165CE453585F57", "D5D9638559EF53D6",
                "FFFF9876543210E00011", "2B5F01F4F0CC05EA639D523231BF1BA2", "D544F8CDD292C863",
                "FFFF9876543210E00012", "9CF640F279C2AEE615F725EEEAC2CBAF", "7A21BD10F36DC41D",
                "FFFF9876543210E00013", "C3DF489FDF1153B4F03DE97C27DC4C2F", "78649BD17D0DFA60",
                "FFFF9876543210E00014", "658488507721B3F14737FA93F923CBD2", "7E7E16EA0C31AD56",
                "FFFF9876543210E00015", "E161D1956A61F6D2F37AFD7F9CC3699A", "72105C22EBC791E6",
            };
        }

        // dukpt.json tdes.sequence[21..33] (A.4.3): counters with 9 and 10 one-bits, skipping to 100000.
        private static string[] RolloverSequence()
        {
            return new string[]
            {
                "FFFF9876543210EFF800", "F9CDFEBF4F5B1D9EB3EC12454527E176", "33365F5CC6F23C35",
                "FFFF9876543210EFF801", "5BEE92627E97825C911BF619DF72CA3B", "3A86BF003F835C9D",
                "FFFF9876543210EFF802", "64CA2F8AB93F61B01620B00BF77C7301", "3DB977D05C36DF3F",
                "FFFF9876543210EFF804", "35A168695B3BA83307E871C42021DD37", "BA83243305712099",
                "FFFF9876543210EFF808", "12C380FCB72ED3C26FC6079AF63F4787", "B0DA04AC90A36D85",
                "FFFF9876543210EFF810", "D8007C833A1E3C49C6889B97A68C54FF", "2CF02BD9C309EEDA",
                "FFFF9876543210EFF820", "A9C9FF9B735FDD49591F296B0BF0FD70", "9D1E2F77AEEE81C6",
                "FFFF9876543210EFF840", "0E3E221062CB5E03A384602783A004FA", "40870B0F8BA2011C",
                "FFFF9876543210EFF880", "CA8225C587124DFBB87F279C0BE29727", "22E340D6ABB40981",
                "FFFF9876543210EFF900", "906AAC1751D4971A144D52C76C6E1F97", "1A4C10AFBA03A430",
                "FFFF9876543210EFFA00", "2B9E2CE7C2750337E10B54D2989EA6AF", "849763B43E5F9CFF",
                "FFFF9876543210EFFC00", "F9430DF975082491C77BE4EF4FDB91EE", "DEFC6F09F8927B71",
                "FFFF9876543210F00000", "AA4D58DB653EC74A48C75F2F047DD2B5", "73EC88AD0AC5830E",
            };
        }

        private static DukptTdesDevice Loaded(string ksnHex)
        {
            DukptTdesDevice d = new DukptTdesDevice();
            byte[] ipek = Hex.Decode(Ipek);
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.Load(ipek, 0, Hex.Decode(ksnHex), 0));
            return d;
        }

        // The device's state through Serialize and a fresh Deserialize; the old instance is disposed.
        private static DukptTdesDevice Reloaded(DukptTdesDevice d)
        {
            byte[] state = new byte[DukptTdesDevice.StateLength];
            d.Serialize(state, 0);
            d.Dispose();
            DukptTdesDevice next = new DukptTdesDevice();
            Assert.IsTrue(next.Deserialize(state, 0));
            Array.Clear(state, 0, state.Length);
            return next;
        }

        // Runs one transaction per row (KSN, transaction key, PIN block), reloading the state before each.
        private static DukptTdesDevice Walk(DukptTdesDevice d, string[] rows)
        {
            byte[] ksn = new byte[DukptTdes.KsnLength];
            byte[] key = new byte[DukptTdes.KeyLength];
            byte[] block = new byte[8];
            for (int r = 0; r < rows.Length; r += 3)
            {
                d = Reloaded(d);
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
                d.CopyKsn(ksn, 0);
                Assert.AreEqual(rows[r], Hex.Encode(ksn));
                d.DeriveKey(DukptTdesVariant.None, key, 0);
                Assert.AreEqual(rows[r + 1], Hex.Encode(key));
                d.DeriveKey(DukptTdesVariant.Pin, key, 0);
                using (TripleDes tdes = new TripleDes(key, 0, key.Length))
                {
                    tdes.EncryptBlock(Hex.Decode(ClearPinBlock), 0, block, 0);
                }
                Assert.AreEqual(rows[r + 2], Hex.Encode(block));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.EndTransaction());
            }
            return d;
        }

        [TestMethod]
        public void InitialSequence_X924A42_MatchesPublished_StateReloadedAtEveryStep()
        {
            DukptTdesDevice d = Loaded(InitialKsn);
            Assert.AreEqual(DukptTdesDevice.RegisterCount, d.ValidRegisters);     // #1..#21 generated at the load
            d = Walk(d, InitialSequence());
            Assert.AreEqual(0x16, (int)d.Counter);
            d.Dispose();
        }

        [TestMethod]
        public void RolloverSequence_X924A43_MatchesPublished_SkipsCountersWithMoreThanTenOneBits()
        {
            // Loaded with the KSN of counter 0FF7FF (counts as used): the next usable counter is 0FF800.
            DukptTdesDevice d = Walk(Loaded("FFFF9876543210EFF7FF"), RolloverSequence());
            Assert.AreEqual(0x100001, (int)d.Counter);
            d.Dispose();
        }

        [TestMethod]
        public void Variants_OfTheCurrentRegister_AsDukptTdesDerives()
        {
            DukptTdesDevice d = Loaded(InitialKsn);
            byte[] ipek = Hex.Decode(Ipek);
            byte[] ksn = Hex.Decode("FFFF9876543210E00001");
            byte[] expected = new byte[16];
            byte[] actual = new byte[16];
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
            using (DukptTdes reference = new DukptTdes())
            {
                for (int v = 0; v <= (int)DukptTdesVariant.DataResponse; v++)
                {
                    reference.DeriveKey(ipek, 0, ksn, 0, (DukptTdesVariant)v, expected, 0);
                    d.DeriveKey((DukptTdesVariant)v, actual, 0);
                    CollectionAssert.AreEqual(expected, actual);
                }
            }
            d.Dispose();
        }

        [TestMethod]
        public void LastCounter_ThenExhausted_AndItStaysSoThroughItsState()
        {
            DukptTdesDevice d = Loaded("FFFF9876543210FFF3FF");                      // next: 1FF400 (10 one-bits)
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
            Assert.AreEqual(0x1FF400, (int)d.Counter);
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.EndTransaction());
            Assert.AreEqual((int)DukptTdes.LastCounter, (int)d.Counter);             // + shift register 400
            d = Reloaded(d);
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
            byte[] key = new byte[16];
            d.DeriveKey(DukptTdesVariant.Pin, key, 0);                               // this last one is still usable
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)d.EndTransaction());
            Assert.IsTrue(d.IsExhausted);
            Assert.AreEqual(0, d.ValidRegisters);
            d = Reloaded(d);
            Assert.IsTrue(d.IsExhausted);
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)d.BeginTransaction());
            Expect.Throws(typeof(InvalidOperationException), delegate { d.DeriveKey(DukptTdesVariant.Pin, key, 0); });
            d.Dispose();
            DukptTdesDevice none = new DukptTdesDevice();
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)none.Load(Hex.Decode(Ipek), 0, Hex.Decode("FFFF9876543210FFF800"), 0));
            Assert.IsFalse(none.IsLoaded);
        }

        [TestMethod]
        public void Load_KeepsNoInitialKey_AndLoadingAtACounterEqualsWalkingThere()
        {
            DukptTdesDevice walked = Loaded(InitialKsn);
            byte[] a = new byte[DukptTdesDevice.StateLength];
            byte[] b = new byte[DukptTdesDevice.StateLength];
            walked.Serialize(a, 0);
            Assert.IsFalse(Hex.Encode(a).IndexOf(Ipek) >= 0);
            byte[] ksn = Hex.Decode(InitialKsn);
            for (int step = 0; step < 70; step++)
            {
                // A device loaded with the KSN of the counter before is in exactly the walked device's state.
                DukptTdes.WriteCounter(walked.Counter - 1, ksn, 0);
                DukptTdesDevice positioned = Loaded(Hex.Encode(ksn));
                walked.Serialize(a, 0);
                positioned.Serialize(b, 0);
                CollectionAssert.AreEqual(a, b);
                positioned.Dispose();
                Assert.AreEqual((int)DukptStatus.Ok, (int)walked.BeginTransaction());
                Assert.AreEqual((int)DukptStatus.Ok, (int)walked.EndTransaction());
            }
            walked.Dispose();
        }

        [TestMethod]
        public void Deserialize_InconsistentState_Refused()
        {
            DukptTdesDevice d = Loaded(InitialKsn);
            byte[] state = new byte[DukptTdesDevice.StateLength];
            d.Serialize(state, 0);
            DukptTdesDevice other = new DukptTdesDevice();
            state[0] ^= 0x01;                                                        // format
            Assert.IsFalse(other.Deserialize(state, 0));
            state[0] ^= 0x01;
            state[1] = 0x80;                                                         // unknown flag
            Assert.IsFalse(other.Deserialize(state, 0));
            state[1] = 0x01;
            state[11] = 0xFF;                                                        // counter E7FF: 14 one-bits
            state[10] = 0xE7;
            Assert.IsFalse(other.Deserialize(state, 0));
            Assert.IsFalse(other.IsLoaded);
            Expect.Throws(typeof(InvalidOperationException), delegate { other.BeginTransaction(); });
            d.Dispose();
        }
    }
}
