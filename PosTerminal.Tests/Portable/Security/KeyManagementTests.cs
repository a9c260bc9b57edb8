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
            Assert.AreEqual("08D7B4FB", key.CheckValue);                  // TDES(K, 0^8) = 08D7B4FB629D0885 (payments.md §9.5)
            Assert.AreEqual("TDES key (16 bytes), check value 08D7B4FB", key.ToString());
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
            Assert.AreEqual("8D0A74B8", store.Get(KeySlot.PinKey).CheckValue);
            Assert.AreEqual("AB7153CA", store.Get(KeySlot.MacKey).CheckValue);
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
            Assert.AreEqual("8D0A74B8", store.Get(KeySlot.PinKey).CheckValue);
            Assert.AreEqual("AB7153CA", store.Get(KeySlot.MacKey).CheckValue);
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
            Assert.AreEqual("8D0A74B8", reloaded.Get(KeySlot.PinKey).CheckValue);
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
                Assert.AreEqual(saved ? "08D7B4FB" : store.Get(KeySlot.MasterKey).CheckValue, after);
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
                Assert.AreEqual(8, kcv.Length);
                SecretKey none;
                Assert.AreEqual((int)KeyLoadStatus.MissingComponents, (int)loader.Complete("08D7B4", out none));
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.AddComponent(c2, 0, 16, out kcv));
                Assert.AreEqual((int)KeyLoadStatus.TooManyComponents, (int)loader.AddComponent(c2, 0, 16, out kcv));
                SecretKey key;
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)loader.Complete("08d7b4", out key));
                Assert.AreEqual("08D7B4FB", key.CheckValue);
            }
        }

        [TestMethod]
        public void Components_WrongCheckValueOrWeakResult_Rejected()
        {
            byte[] c = Hex.Decode("1032547698BADCFEEFCDAB8967452301");
            SecretKey key;
            using (KeyComponentLoader loader = new KeyComponentLoader(KeyAlgorithm.Tdes, 16, 2))
            {
                string kcv;
                loader.AddComponent(c, 0, 16, out kcv);
                loader.AddComponent(c, 0, 16, out kcv);                  // the same component twice: all zero
                Assert.AreEqual((int)KeyLoadStatus.WeakKey, (int)loader.Complete("000000", out key));
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

        [TestMethod]
        public void DukptState_AdvancesAndPersistsEveryCounter()
        {
            MemoryStore medium = new MemoryStore();
            DukptState state = new DukptState(new RecordStore(medium));
            Assert.IsNull(state.Current);
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)state.Next());
            Ksn initial;
            Assert.IsTrue(Ksn.TryParse("FFFF9876543210E00000", out initial));
            Assert.IsTrue(state.Start(initial));
            Assert.AreEqual((int)DukptStatus.Ok, (int)state.Next());
            Assert.AreEqual("FFFF9876543210E00001", state.Current.ToString());
            Assert.AreEqual("FFFF9876543210E00001", new DukptState(new RecordStore(medium)).Current.ToString());
            medium.CutAfterBytes = 5;
            Assert.AreEqual((int)DukptStatus.CounterInvalid, (int)state.Next());   // not saved, so not used
            Assert.AreEqual("FFFF9876543210E00001", state.Current.ToString());
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
