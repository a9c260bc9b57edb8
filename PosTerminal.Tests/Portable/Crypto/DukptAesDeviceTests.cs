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
    /// The AES DUKPT originating device (ANSI X9.24-3-2017, 32 intermediate derivation key registers) against the
    /// published sequence of ../shared/vectors/dukpt.json (section "aes", the X9 supplement's AES-128 vectors: counters
    /// 1..8 with their working keys, the skip 0001FFFE to 00020000, the last counters up to FFFF0000), its state
    /// carried through Serialize/Deserialize at every step, and exhaustion.
    /// </summary>
    [TestClass]
    public class DukptAesDeviceTests
    {
        // dukpt.json aes.ik (AES-128 BDK FEDCBA9876543210F1F1F1F1F1F1F1F1, initial key ID 1234567890123456) and ik256.
        private const string InitialKey = "1273671EA26AC29AFA4D1084127652A1";
        private const string InitialKey256 = "CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F";
        private const string InitialKsn = "123456789012345600000000";

        // dukpt.json aes.sequence[0..7]: KSN, transaction (intermediate derivation) key, PIN (1000), MAC generation
        // (2000) and data encryption (3000) working keys, AES-128.
        private static string[] FirstEight()
        {
            return new string[]
            {
                "123456789012345600000001", "4F21B565BAD9835E112B6465635EAE44", "AF8CB133A78F8DC2D1359F18527593FB", "A2DC23DE6FDE0824A2BC321E08E4B8B7", "A35C412EFD41FDB98B69797C02DCD08F",
                "123456789012345600000002", "2F34D68DE10F68D38091A73B9E7C437C", "D30BDC73EC9714B000BEC66BDB7B6D09", "484C3B06E8562704528CD5B46FB12FB6", "D639514AA33AC43AD9229E433D6D4E5B",
                "123456789012345600000003", "031504E530365CF81264238540518318", "7D69F01F3B45449F62C7816ECE723268", "A5DF7D9D800CA769766F0C77CA4E6E6C", "EF17F6AB45B4820C93A3DCB21BC491AD",
                "123456789012345600000004", "0EEFC7ADA628BA68878DA9165A8A1887", "91A0588318EC2673214271F70137896E", "E6E4679647D8A9057C1FC15537CB4C4E", "B3BD44C08BB6BA27C3BB4711D7D70387",
                "123456789012345600000005", "C2A7AC328A5DA2D6002D62465BFC028B", "35A43BC9EFEB09C756204B57E3FB7D4D", "0588185FE1FF8C7E22FAD78C1C61F065", "CA02DF6F30B39E14BD0B4A30E460920F",
                "123456789012345600000006", "D30F7D9351DA58448A2F5E92B4EE3B7D", "02DCC6CD1201A3A2CA7099559C862123", "7B60F72A5639C0EE7EB2100FA80BB793", "C9B8A7C4E486180B2229115164F0B293",
                "123456789012345600000007", "A8253CEED9AC042C54F75D35C8352278", "6ECF912F3B18CA11A7A27BB60705FD09", "BAA08CA263C69525BC6B1BA8F4275D69", "0FA8F1F0A2DD7B1005A862D77CDED698",
                "123456789012345600000008", "718EE6CF0B27E53D5F7AF99C4D8146A2", "4D9DF3FBEE3448FC3E676D04320A90F5", "6FD572E5D59E618875F193484F9178FB", "650F34204ABD4E57764D61AC3D266FB1",
            };
        }

        private static DukptAesDevice Loaded(string keyHex, string ksnHex)
        {
            DukptAesDevice d = new DukptAesDevice();
            byte[] ik = Hex.Decode(keyHex);
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.Load(ik, 0, ik.Length, Hex.Decode(ksnHex), 0));
            return d;
        }

        private static DukptAesDevice Reloaded(DukptAesDevice d)
        {
            byte[] state = new byte[d.StateLength];
            d.Serialize(state, 0);
            d.Dispose();
            DukptAesDevice next = new DukptAesDevice();
            Assert.IsTrue(next.Deserialize(state, 0, state.Length));
            Array.Clear(state, 0, state.Length);
            return next;
        }

        // One transaction per KSN of ksns (with its transaction key in keys), reloading the state before each.
        private static DukptAesDevice Walk(DukptAesDevice d, string[] ksns, string[] keys)
        {
            byte[] ksn = new byte[DukptAes.KsnLength];
            byte[] key = new byte[16];
            for (int i = 0; i < ksns.Length; i++)
            {
                d = Reloaded(d);
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
                d.CopyKsn(ksn, 0);
                Assert.AreEqual(ksns[i], Hex.Encode(ksn));
                d.CopyTransactionKey(key, 0);
                Assert.AreEqual(keys[i], Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.EndTransaction());
            }
            return d;
        }

        [TestMethod]
        public void FirstEightCounters_X924Supplement_KeysAndWorkingKeys_StateReloadedAtEveryStep()
        {
            string[] rows = FirstEight();
            DukptAesDevice d = Loaded(InitialKey, InitialKsn);
            Assert.AreEqual(DukptAesDevice.RegisterCount, d.ValidRegisters);
            byte[] ksn = new byte[DukptAes.KsnLength];
            byte[] key = new byte[16];
            for (int r = 0; r < rows.Length; r += 5)
            {
                d = Reloaded(d);
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
                d.CopyKsn(ksn, 0);
                Assert.AreEqual(rows[r], Hex.Encode(ksn));
                d.CopyTransactionKey(key, 0);
                Assert.AreEqual(rows[r + 1], Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.DeriveWorkingKey(DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(rows[r + 2], Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.DeriveWorkingKey(DukptAesKeyUsage.MacGeneration, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(rows[r + 3], Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.DeriveWorkingKey(DukptAesKeyUsage.DataEncrypt, DukptAesKeyType.Aes128, key, 0));
                Assert.AreEqual(rows[r + 4], Hex.Encode(key));
                Assert.AreEqual((int)DukptStatus.WorkingKeyTooStrong, (int)d.DeriveWorkingKey(DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes256, new byte[32], 0));
                Assert.AreEqual((int)DukptStatus.Ok, (int)d.EndTransaction());
            }
            Assert.AreEqual(9, (int)d.Counter);
            d.Dispose();
        }

        [TestMethod]
        public void CounterWithSeventeenOneBits_Skipped_AsInTheSupplement()
        {
            // Loaded with the KSN of counter 0001FFFD (counts as used); 0001FFFF would have 17 one-bits.
            string[] ksns = { "12345678901234560001FFFE", "123456789012345600020000", "123456789012345600020001" };
            string[] keys = { "E21E8C8D347F8561A2BE752DAA85A111", "F7AE9025468A25D37B7249CFFED224C8", "692C8EA4013645135B36497131DF9D2C" };
            Walk(Loaded(InitialKey, "12345678901234560001FFFD"), ksns, keys).Dispose();
        }

        [TestMethod]
        public void LastCounters_X924Supplement_ThenExhausted()
        {
            string[] ksns = { "1234567890123456FFFE2000", "1234567890123456FFFE4000", "1234567890123456FFFE8000", "1234567890123456FFFF0000" };
            string[] keys = { "48E585B694EB0B18D5C35443E163C0BA", "396C2C7CA1EA701C03B86B7D41F0C562", "0387625F189B58AE03EF0E8CCA41105E", "F6BA59389BD14A9855BE9727E7C52E3C" };
            // The first three end with 16 one-bits: the counter moves by the shift register (2000, 4000, 8000).
            DukptAesDevice d = Loaded(InitialKey, "1234567890123456FFFE1FFF");
            string[] firstThree = { ksns[0], ksns[1], ksns[2] };
            string[] firstThreeKeys = { keys[0], keys[1], keys[2] };
            d = Walk(d, firstThree, firstThreeKeys);
            d = Reloaded(d);
            Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
            byte[] key = new byte[16];
            d.CopyTransactionKey(key, 0);
            Assert.AreEqual(keys[3], Hex.Encode(key));
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)d.EndTransaction());       // FFFF0000 was the last
            Assert.IsTrue(d.IsExhausted);
            d = Reloaded(d);
            Assert.AreEqual((int)DukptStatus.Exhausted, (int)d.BeginTransaction());
            Expect.Throws(typeof(InvalidOperationException), delegate { d.CopyTransactionKey(key, 0); });
            d.Dispose();
        }

        [TestMethod]
        public void Aes256InitialKey_RegistersAgreeWithDukptAes()
        {
            DukptAesDevice d = Loaded(InitialKey256, InitialKsn);
            Assert.AreEqual(32, d.KeyLength);
            Assert.AreEqual(20 + 32 * 32, d.StateLength);
            byte[] ik = Hex.Decode(InitialKey256);
            byte[] ksn = new byte[DukptAes.KsnLength];
            byte[] expected = new byte[32];
            byte[] actual = new byte[32];
            using (DukptAes reference = new DukptAes())
            {
                for (int i = 0; i < 20; i++)
                {
                    d = Reloaded(d);
                    Assert.AreEqual((int)DukptStatus.Ok, (int)d.BeginTransaction());
                    d.CopyKsn(ksn, 0);
                    reference.DeriveWorkingKey(ik, 0, 32, ksn, 0, DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes256, expected, 0);
                    Assert.AreEqual((int)DukptStatus.Ok, (int)d.DeriveWorkingKey(DukptAesKeyUsage.PinEncryption, DukptAesKeyType.Aes256, actual, 0));
                    CollectionAssert.AreEqual(expected, actual);
                    Assert.AreEqual((int)DukptStatus.Ok, (int)d.EndTransaction());
                }
            }
            d.Dispose();
        }

        [TestMethod]
        public void Load_KeepsNoInitialKey_AndLoadingAtACounterEqualsWalkingThere()
        {
            DukptAesDevice walked = Loaded(InitialKey, InitialKsn);
            byte[] a = new byte[walked.StateLength];
            byte[] b = new byte[walked.StateLength];
            walked.Serialize(a, 0);
            Assert.IsFalse(Hex.Encode(a).IndexOf(InitialKey) >= 0);
            byte[] ksn = Hex.Decode(InitialKsn);
            for (int step = 0; step < 40; step++)
            {
                DukptAes.WriteCounter(walked.Counter - 1, ksn, 0);
                DukptAesDevice positioned = Loaded(InitialKey, Hex.Encode(ksn));
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
            DukptAesDevice d = Loaded(InitialKey, InitialKsn);
            byte[] state = new byte[d.StateLength];
            d.Serialize(state, 0);
            DukptAesDevice other = new DukptAesDevice();
            Assert.IsFalse(other.Deserialize(state, 0, state.Length - 1));           // length does not fit the key length
            state[2] = 24;
            Assert.IsFalse(other.Deserialize(state, 0, state.Length));
            state[2] = 16;
            state[0] = DukptTdesDevice.StateFormat;
            Assert.IsFalse(other.Deserialize(state, 0, state.Length));
            Assert.IsFalse(other.IsLoaded);
            Expect.Throws(typeof(InvalidOperationException), delegate { other.BeginTransaction(); });
            d.Dispose();
        }
    }
}
