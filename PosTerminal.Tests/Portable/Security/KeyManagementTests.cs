#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Crypto;
using PosTerminal.Security;
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Security
{
    /// <summary>Keys: masking, loading by components, sign-on key installation (published example), the key store, DUKPT state.</summary>
    [TestClass]
    public class KeyManagementTests
    {
        // code456.com/article/3026509.html: TMK CA5D92598DCA48CE8A4C76361A9269E9; F62 (40 bytes) decrypts to
        // PIK 807A23AD32B36D457AE91FDF927570EA (check value 8D0A74B8) and MAK 5BB5C72CD00B7338 (check value AB7153CA).
        private const string Code456Tmk = "CA5D92598DCA48CE8A4C76361A9269E9";
        private const string Code456F62 = "6701EAD6A9AD51E51AA406E2C27FCFA98D0A74B8B651F9E9BACE9AE10000000000000000AB7153CA";

        private static KeyStore StoreWithTmk(MemoryStore medium, string tmkHex)
        {
            KeyStore store = new KeyStore(new RecordStore(medium));
            byte[] tmk = Hex.Decode(tmkHex);
            Assert.IsTrue(store.Put(KeySlot.MasterKey, new SecretKey(KeyAlgorithm.Tdes, tmk, 0, tmk.Length)));
            return store;
        }

        [TestMethod]
        public void SecretKey_ShowsOnlyItsCheckValue_AndWipes()
        {
            byte[] k = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            SecretKey key = new SecretKey(KeyAlgorithm.Tdes, k, 0, k.Length);
            Assert.AreEqual("08D7B4", key.CheckValue);                    // TDES(K, 0^8) = 08D7B4FB629D0885 (payments.md §9.5)
            Assert.AreEqual("TDES key (16 bytes), check value 08D7B4", key.ToString());
            Assert.IsFalse(key.ToString().IndexOf("0123456789") >= 0);
            key.Dispose();
            Assert.AreEqual(0, key.Length);
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecretKey(KeyAlgorithm.Des, k, 0, 16); });
        }

        [TestMethod]
        public void WorkingKeys_PublishedSignOnExample_Installed()
        {
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            byte[] f62 = Hex.Decode(Code456F62);
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false));
            Assert.AreEqual("8D0A74", store.Get(KeySlot.PinKey).CheckValue);
            Assert.AreEqual("AB7153", store.Get(KeySlot.MacKey).CheckValue);
            Assert.AreEqual((int)KeyAlgorithm.Des, (int)store.Get(KeySlot.MacKey).Algorithm);
            Assert.AreEqual("807A23AD32B36D457AE91FDF927570EA", Hex.Encode(store.Get(KeySlot.PinKey).Key));
        }

        [TestMethod]
        [DataRow(19)]   // PIK check value
        [DataRow(39)]   // MAK check value
        [DataRow(3)]    // PIK ciphertext
        public void WorkingKeys_AnyByteDamaged_WholeSetRejected_OldKept(int damaged)
        {
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            byte[] f62 = Hex.Decode(Code456F62);
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false));
            f62[damaged] ^= 0x10;
            Assert.AreEqual((int)KeyLoadStatus.CheckValueMismatch, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false));
            Assert.AreEqual("8D0A74", store.Get(KeySlot.PinKey).CheckValue);
            Assert.AreEqual("AB7153", store.Get(KeySlot.MacKey).CheckValue);
        }

        [TestMethod]
        public void WorkingKeys_LayoutOtherThanRequested_Rejected()
        {
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            byte[] f62 = Hex.Decode(Code456F62);
            // 004 asked for PIK, MAK and TDK (60 bytes): a 40-byte answer leaves the TDK out.
            Assert.AreEqual((int)KeyLoadStatus.BadLayout, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false, WorkingKeyInstaller.DoubleLengthWithTdk, false));
            // X9.19 needs a double-length MAK; this example's MAK is single DES.
            Assert.AreEqual((int)KeyLoadStatus.WrongLength, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false, WorkingKeyInstaller.DoubleLength, true));
            // A 24-byte F62 (single-DES PIK) is never installed.
            Assert.AreEqual((int)KeyLoadStatus.WrongLength, (int)WorkingKeyInstaller.Install(store, new byte[24], 0, 24, false));
            Assert.IsNull(store.Get(KeySlot.PinKey));
        }

        [TestMethod]
        public void WorkingKeys_PinKeyEqualToMacKey_RejectedAsWeak()
        {
            // Wrap PIK = MAK = a double-length key under the code456 TMK with correct check values.
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            byte[] tmk = Hex.Decode(Code456Tmk);
            byte[] k = Hex.Decode("807A23AD32B36D457AE91FDF927570EA");
            byte[] f62 = new byte[40];
            byte[] cv = new byte[8];
            using (TripleDes wrap = new TripleDes(tmk, 0, 16))
            using (TripleDes key = new TripleDes(k, 0, 16))
            {
                BlockModes.EncryptEcb(wrap, k, 0, 16, f62, 0);
                BlockModes.EncryptEcb(wrap, k, 0, 16, f62, 20);
                key.EncryptBlock(cv, 0, cv, 0);
            }
            System.Array.Copy(cv, 0, f62, 16, 4);
            System.Array.Copy(cv, 0, f62, 36, 4);
            Assert.AreEqual((int)KeyLoadStatus.WeakKey, (int)WorkingKeyInstaller.Install(store, f62, 0, 40, false));
            Assert.IsNull(store.Get(KeySlot.PinKey));
        }

        [TestMethod]
        public void NewMasterKey_RemovesTheWorkingKeysWrappedUnderTheOldOne()
        {
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            byte[] f62 = Hex.Decode(Code456F62);
            WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false);
            byte[] tmk2 = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            Assert.IsTrue(store.Put(KeySlot.MasterKey, new SecretKey(KeyAlgorithm.Tdes, tmk2, 0, 16)));
            Assert.IsNull(store.Get(KeySlot.PinKey));
            Assert.IsNull(store.Get(KeySlot.MacKey));
        }

        [TestMethod]
        public void ReplacedKeys_DoNotStayOnTheMedium()
        {
            MemoryStore medium = new MemoryStore();
            KeyStore store = StoreWithTmk(medium, Code456Tmk);
            byte[] tmk2 = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            store.Put(KeySlot.MasterKey, new SecretKey(KeyAlgorithm.Tdes, tmk2, 0, 16));
            string all = Hex.Encode(medium.AllBytes());
            Assert.IsFalse(all.IndexOf(Code456Tmk) >= 0);
            Assert.IsTrue(all.IndexOf("0123456789ABCDEFFEDCBA9876543210") >= 0);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(23)]
        [DataRow(41)]
        public void WorkingKeys_LengthNotALayout_BadLayout(int length)
        {
            KeyStore store = StoreWithTmk(new MemoryStore(), Code456Tmk);
            Assert.AreEqual((int)KeyLoadStatus.BadLayout, (int)WorkingKeyInstaller.Install(store, new byte[64], 0, length, false));
            Assert.IsNull(store.Get(KeySlot.PinKey));
        }

        [TestMethod]
        public void WorkingKeys_NoMasterKey_Refused()
        {
            KeyStore store = new KeyStore(new RecordStore(new MemoryStore()));
            byte[] f62 = Hex.Decode(Code456F62);
            Assert.AreEqual((int)KeyLoadStatus.NoMasterKey, (int)WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false));
        }

        [TestMethod]
        public void KeyStore_SurvivesRestart_AndPowerCutKeepsOldOrNewSet()
        {
            MemoryStore medium = new MemoryStore();
            KeyStore store = StoreWithTmk(medium, Code456Tmk);
            byte[] f62 = Hex.Decode(Code456F62);
            WorkingKeyInstaller.Install(store, f62, 0, f62.Length, false);
            KeyStore reloaded = new KeyStore(new RecordStore(medium));
            Assert.AreEqual("8D0A74", reloaded.Get(KeySlot.PinKey).CheckValue);
            Assert.AreEqual(store.Get(KeySlot.MasterKey).CheckValue, reloaded.Get(KeySlot.MasterKey).CheckValue);

            // A new master key is written with a cut at every byte: afterwards the store holds the old set or the new one.
            byte[] tmk2 = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            for (int cut = 0; cut < 120; cut++)
            {
                MemoryStore m = new MemoryStore();
                KeyStore s = StoreWithTmk(m, Code456Tmk);
                m.CutAfterBytes = cut;
                bool saved = s.Put(KeySlot.MasterKey, new SecretKey(KeyAlgorithm.Tdes, tmk2, 0, 16));
                string after = new KeyStore(new RecordStore(m)).Get(KeySlot.MasterKey).CheckValue;
                Assert.AreEqual(saved ? "08D7B4" : store.Get(KeySlot.MasterKey).CheckValue, after);
                Assert.AreEqual(after, s.Get(KeySlot.MasterKey).CheckValue);   // memory agrees with the medium
            }
        }

        [TestMethod]
        public void Components_TwoOrThree_XorAndCheckValues()
        {
            // X9.24 test key 0123456789ABCDEFFEDCBA9876543210 split into two components.
            byte[] c1 = Hex.Decode("1111111111111111111111111111111111");
            byte[] c2 = Hex.Decode("1032547698BADCFEEFCDAB8967452301");
            using (KeyComponentLoader loader = new KeyComponentLoader(KeyAlgorithm.Tdes, 16, 2))
            {
                string kcv;
                Assert.AreEqual((int)KeyLoadStatus.WrongLength, (int)loader.AddComponent(c1, 0, 17, out kcv));
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.AddComponent(c1, 0, 16, out kcv));
                Assert.AreEqual(6, kcv.Length);
                SecretKey none;
                Assert.AreEqual((int)KeyLoadStatus.MissingComponents, (int)loader.Complete("08D7B4", out none));
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.AddComponent(c2, 0, 16, out kcv));
                Assert.AreEqual((int)KeyLoadStatus.TooManyComponents, (int)loader.AddComponent(c2, 0, 16, out kcv));
                SecretKey key;
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.Complete("08d7b4", out key));
                Assert.AreEqual("08D7B4", key.CheckValue);
            }
        }

        [TestMethod]
        public void Components_WrongCheckValueOrWeakResult_Rejected()
        {
            byte[] c = Hex.Decode("1032547698BADCFEEFCDAB8967452301");
            SecretKey key;
            using (KeyComponentLoader loader = new KeyComponentLoader(KeyAlgorithm.Tdes, 16, 3))
            {
                string kcv;
                Assert.AreEqual((int)KeyLoadStatus.WeakKey, (int)loader.AddComponent(new byte[16], 0, 16, out kcv));   // all zero
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.AddComponent(c, 0, 16, out kcv));
                // The same component again would cancel out (A ^ B ^ B = A): one custodian would know the key.
                Assert.AreEqual((int)KeyLoadStatus.WeakKey, (int)loader.AddComponent(c, 0, 16, out kcv));
                Assert.AreEqual(1, loader.ComponentsAdded);
                Assert.AreEqual((int)KeyLoadStatus.MissingComponents, (int)loader.Complete("000000", out key));
            }
            byte[] c1 = Hex.Decode("11111111111111111111111111111111");
            using (KeyComponentLoader loader = new KeyComponentLoader(KeyAlgorithm.Tdes, 16, 2))
            {
                string kcv;
                loader.AddComponent(c1, 0, 16, out kcv);
                loader.AddComponent(c, 0, 16, out kcv);
                Assert.AreEqual((int)KeyLoadStatus.CheckValueMismatch, (int)loader.Complete("08D7B5", out key));
                Assert.IsNull(key);
                Assert.AreEqual((int)KeyLoadStatus.CheckValueMismatch, (int)loader.Complete("08D", out key));   // too short to check
            }
        }

        // ANSI X9.24-1:2009 A.4 (dukpt.json tdes): IPEK of the sample BDK and initial KSN; PIN keys of counters 1..3
        // (payments.md §9.2.2, transaction key XOR the PIN variant).
        private const string TdesIpek = "6AC292FAA1315B4D858AB3A3D7D5933A";
        private const string TdesInitialKsn = "FFFF9876543210E00000";
        // ANSI X9.24-3-2017 supplement (dukpt.json aes): AES-128 initial key of initial key ID 1234567890123456.
        private const string AesInitialKey = "1273671EA26AC29AFA4D1084127652A1";

        private static DukptKeyStatus LoadDukpt(DukptState state, KeyAlgorithm algorithm, string keyHex, string ksnHex)
        {
            byte[] k = Hex.Decode(keyHex);
            Ksn ksn;
            Assert.IsTrue(Ksn.TryParse(ksnHex, out ksn));
            using (SecretKey key = new SecretKey(algorithm, k, 0, k.Length))
            {
                return state.Load(key, ksn);
            }
        }

        // The KSN and PIN key of the next transaction, or null when refused.
        private static string NextPinKey(DukptState state, KeyScheme scheme, out string ksn)
        {
            TransactionKeys keys;
            ksn = null;
            if (state.NextTransaction(scheme, out keys) != DukptKeyStatus.Ok) return null;
            using (keys)
            {
                ksn = keys.Ksn.ToString();
                return Hex.Encode(keys.Pin.Key);
            }
        }

        [TestMethod]
        public void DukptState_KeysOfEachTransaction_PublishedSequence_SavedBeforeUse()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            TransactionKeys keys;
            Assert.IsNull(state.Current);
            Assert.IsFalse(state.HasKey);
            Assert.AreEqual((int)DukptKeyStatus.NoKey, (int)state.NextTransaction(KeyScheme.DukptTdes, out keys));
            Assert.IsNull(keys);

            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn));
            Assert.IsTrue(state.HasKey);
            Assert.AreEqual("FFFF9876543210E00001", state.Current.ToString());
            Assert.AreEqual((int)DukptKeyStatus.WrongScheme, (int)state.NextTransaction(KeyScheme.DukptAes, out keys));
            string ksn;
            Assert.AreEqual("042666B49184CF5C68DE9628D0397B36", NextPinKey(state, KeyScheme.DukptTdes, out ksn));
            Assert.AreEqual("FFFF9876543210E00001", ksn);
            Assert.AreEqual("FFFF9876543210E00002", state.Current.ToString());

            // A power cut in the save: no keys, nothing used, the same counter next time.
            medium.CutAfterBytes = 5;
            Assert.AreEqual((int)DukptKeyStatus.StorageFailure, (int)state.NextTransaction(KeyScheme.DukptTdes, out keys));
            Assert.IsNull(keys);
            Assert.AreEqual("FFFF9876543210E00002", state.Current.ToString());
            Assert.AreEqual("C46551CEF9FD244FAA9AD834130D3B38", NextPinKey(state, KeyScheme.DukptTdes, out ksn));
            Assert.AreEqual("FFFF9876543210E00002", ksn);
        }

        [TestMethod]
        public void DukptState_Boot_BurnsOneCounter()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn);
            string ksn;
            NextPinKey(state, KeyScheme.DukptTdes, out ksn);                          // counter 1 used
            DukptState rebooted = new DukptState(new RecordStore(medium));             // counter 2 burnt
            Assert.AreEqual("0DF3D9422ACA561A47676D07AD6BAD05", NextPinKey(rebooted, KeyScheme.DukptTdes, out ksn));
            Assert.AreEqual("FFFF9876543210E00003", ksn);
        }

        [TestMethod]
        public void DukptState_InitialKeyAndUsedKeys_NotOnTheMedium()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn);
            string all = Hex.Encode(medium.AllBytes());
            Assert.IsFalse(all.IndexOf(TdesIpek) >= 0);
            Assert.IsTrue(all.IndexOf("042666B49184CFA368DE9628D0397BC9") >= 0);           // future key of counter 1
            string ksn;
            NextPinKey(state, KeyScheme.DukptTdes, out ksn);
            all = Hex.Encode(medium.AllBytes());
            Assert.IsFalse(all.IndexOf("042666B49184CFA368DE9628D0397BC9") >= 0);          // erased from both copies
            Assert.IsFalse(all.IndexOf(TdesIpek) >= 0);
        }

        [TestMethod]
        public void DukptState_SameKeyIdAgain_RefusedUnlessAboveItsLastCounter()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn));
            Assert.AreEqual((int)DukptKeyStatus.KeyIdUsed, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn));
            string ksn;
            NextPinKey(state, KeyScheme.DukptTdes, out ksn);                           // counter 1
            Assert.AreEqual((int)DukptKeyStatus.KeyIdUsed, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, "FFFF9876543210E00001"));

            // Another key, then the first one again: the history remembers it, across a reboot too.
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Aes, AesInitialKey, "123456789012345600000000"));
            DukptState rebooted = new DukptState(new RecordStore(medium));
            Assert.AreEqual((int)DukptKeyStatus.KeyIdUsed, (int)LoadDukpt(rebooted, KeyAlgorithm.Tdes, TdesIpek, TdesInitialKsn));
            Assert.AreEqual("FFFF9876543210E00001", ksn);
            Assert.AreEqual((int)DukptKeyStatus.KeyIdUsed, (int)LoadDukpt(rebooted, KeyAlgorithm.Aes, AesInitialKey, "123456789012345600000001"));

            // Above the last counter used, the same key ID may come back: its first transaction takes the next counter.
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(rebooted, KeyAlgorithm.Tdes, TdesIpek, "FFFF9876543210E00003"));
            Assert.AreEqual("279C0F6AEED0BE9A2B2C733E1383AE6E", NextPinKey(rebooted, KeyScheme.DukptTdes, out ksn));
            Assert.AreEqual("FFFF9876543210E00004", ksn);
        }

        [TestMethod]
        public void DukptState_Aes_PublishedWorkingKeys()
        {
            DukptState state = new DukptState(new RecordStore(new MemoryStore()));
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Aes, AesInitialKey, "123456789012345600000000"));
            TransactionKeys keys;
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)state.NextTransaction(KeyScheme.DukptAes, out keys));
            using (keys)
            {
                // dukpt.json aes.sequence[0]: counter 1, usages 1000 PIN, 2000 MAC generation, 3000 data encryption.
                Assert.AreEqual("123456789012345600000001", keys.Ksn.ToString());
                Assert.AreEqual("AF8CB133A78F8DC2D1359F18527593FB", Hex.Encode(keys.Pin.Key));
                Assert.AreEqual("A2DC23DE6FDE0824A2BC321E08E4B8B7", Hex.Encode(keys.MacRequest.Key));
                Assert.AreEqual("DBB463945B286C07CD3AD82EE96FD9C9", Hex.Encode(keys.MacResponse.Key));    // 2001
                Assert.AreEqual("A35C412EFD41FDB98B69797C02DCD08F", Hex.Encode(keys.Data.Key));
            }
        }

        [TestMethod]
        public void DukptState_WrongKeys_Refused()
        {
            DukptState state = new DukptState(new RecordStore(new MemoryStore()));
            Assert.AreEqual((int)DukptKeyStatus.InvalidKey, (int)LoadDukpt(state, KeyAlgorithm.Aes, TdesIpek, TdesInitialKsn));
            Assert.AreEqual((int)DukptKeyStatus.InvalidKey, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, "123456789012345600000000"));
            Assert.IsFalse(state.HasKey);
        }

        [TestMethod]
        public void DukptState_Aes256InitialKey_FitsARecord_AndSurvivesReboot()
        {
            // The largest device state: 32 registers of 32 bytes (ANSI X9.24-3).
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Aes, AesInitialKey + AesInitialKey, "123456789012345600000000"));
            string ksn;
            Assert.IsNotNull(NextPinKey(state, KeyScheme.DukptAes, out ksn));
            Assert.AreEqual("123456789012345600000001", ksn);
            DukptState rebooted = new DukptState(new RecordStore(medium));
            Assert.IsTrue(rebooted.HasKey);
            Assert.IsNotNull(NextPinKey(rebooted, KeyScheme.DukptAes, out ksn));
            Assert.AreEqual("123456789012345600000003", ksn);   // counter 2 was burnt at boot
        }

        [TestMethod]
        public void DukptState_Exhausted_RefusedAfterTheLastCounter_AcrossReboot()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            // Loaded with the KSN of counter 1FF7FF: the next usable counter, 1FF800, is the last one (X9.24-1 A.2).
            Assert.AreEqual((int)DukptKeyStatus.Ok, (int)LoadDukpt(state, KeyAlgorithm.Tdes, TdesIpek, "FFFF9876543210FFF7FF"));
            string ksn;
            Assert.IsNotNull(NextPinKey(state, KeyScheme.DukptTdes, out ksn));
            Assert.AreEqual("FFFF9876543210FFF800", ksn);
            Assert.IsFalse(state.HasKey);
            TransactionKeys keys;
            Assert.AreEqual((int)DukptKeyStatus.Exhausted, (int)state.NextTransaction(KeyScheme.DukptTdes, out keys));
            DukptState rebooted = new DukptState(new RecordStore(medium));
            Assert.IsFalse(rebooted.HasKey);
            Assert.AreEqual((int)DukptKeyStatus.Exhausted, (int)rebooted.NextTransaction(KeyScheme.DukptTdes, out keys));
            Assert.AreEqual((int)DukptKeyStatus.KeyIdUsed, (int)LoadDukpt(rebooted, KeyAlgorithm.Tdes, TdesIpek, "FFFF9876543210FFF800"));
            DukptState other = new DukptState(new RecordStore(new MemoryStore()));
            Assert.AreEqual((int)DukptKeyStatus.Exhausted, (int)LoadDukpt(other, KeyAlgorithm.Tdes, TdesIpek, "FFFF9876543210FFF800"));
            Assert.IsNull(other.Current);
        }

        [TestMethod]
        public void SecuritySettings_RejectCombinationsAcquirersDoNotUse()
        {
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecuritySettings(KeyScheme.DukptTdes, MacMethod.CupSm4, 0, true, false); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecuritySettings(KeyScheme.DukptAes, MacMethod.X919, 4, false, false); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecuritySettings(KeyScheme.DukptAes, MacMethod.AesCmac, 0, false, false); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecuritySettings(KeyScheme.MasterSession, MacMethod.CupEcb, 4, false, false); });
            Expect.Throws(typeof(System.ArgumentException), delegate { new SecuritySettings(KeyScheme.MasterSession, MacMethod.AesCmac, 0, false, false); });
            Assert.IsNotNull(SecuritySettings.Named("dukpt-aes"));
            Assert.IsNull(SecuritySettings.Named("plaintext"));
        }
    }
}
