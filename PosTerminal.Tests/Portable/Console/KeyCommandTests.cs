#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Security;
using PosTerminal.TechConsole;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// Keys from the console: loading by components (supervisor only) with each component's check value and the final
    /// one against the X9.24-1 IPEK vector of ../shared/vectors (crypto.json "kcv", dukpt.json), components never echoed,
    /// refusals that store nothing; show keys with check values only; sign-on refusals.
    /// </summary>
    [TestClass]
    public class KeyCommandTests
    {
        // ANSI X9.24-1:2009 A.4 IPEK and initial KSN (shared/vectors/dukpt.json); KCV AF8C07 (shared/vectors/crypto.json).
        private const string Ipek = "6AC292FAA1315B4D858AB3A3D7D5933A";
        private const string InitialKsn = "FFFF9876543210E00000";
        private const string IpekKcv = "AF8C07";

        // The IPEK split into two components: the X9.24 test key 0123456789ABCDEFFEDCBA9876543210 (KCV 08D7B4) and the XOR.
        private const string Component1 = "0123456789ABCDEFFEDCBA9876543210";
        private const string Component1Kcv = "08D7B4";
        private const string Component2 = "6BE1D79D289A96A27B56093BA181A12A";

        [TestMethod]
        public void KeyLoadDukpt_TwoComponents_KcvsShown_KeyLoaded_NothingEchoed()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string o = rig.Type("key-load dukpt 2 " + InitialKsn, Component1, Component2, IpekKcv);
            Assert.IsTrue(o.IndexOf("component 1 of 2 (32 hex digits, not shown): \r\ncomponent 1 KCV " + Component1Kcv + "\r\n") >= 0, o);
            using (SecretKey k2 = new SecretKey(KeyAlgorithm.Tdes, Hex.Decode(Component2), 0, 16))
            {
                Assert.IsTrue(o.IndexOf("component 2 KCV " + k2.CheckValue + "\r\n") >= 0, o);
            }
            Assert.IsTrue(o.IndexOf("combined key KCV " + IpekKcv + " matches") >= 0, o);
            Assert.IsTrue(o.IndexOf("DUKPT initial key loaded, KCV " + IpekKcv + ", initial KSN " + InitialKsn) >= 0, o);
            Assert.IsTrue(o.IndexOf(Component1) < 0 && o.IndexOf(Component2) < 0 && o.IndexOf(Ipek) < 0);
            Assert.IsTrue(rig.Boot.Terminal.Dukpt.HasKey);
            string keys = rig.Type("show keys");
            Assert.IsTrue(keys.IndexOf("DUKPT:            TDES, KSN FFFF9876543210E0000") >= 0, keys);
            Assert.IsTrue(keys.IndexOf("master key (TMK): not loaded") >= 0, keys);
            Assert.IsFalse(Contains(rig.Store.AllBytes(), Hex.Decode(Ipek)));   // the initial key is not stored
        }

        private static bool Contains(byte[] all, byte[] part)
        {
            for (int i = 0; i + part.Length <= all.Length; i++)
            {
                if (Bytes.Equal(all, i, part, 0, part.Length)) return true;
            }
            return false;
        }

        [TestMethod]
        public void FactoryReset_ErasesDukptKey_SameKeyIdCannotBeReloadedAtAUsedCounter()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            rig.Type("key-load dukpt 2 " + InitialKsn, Component1, Component2, IpekKcv);
            Assert.IsTrue(rig.Boot.Terminal.Dukpt.HasKey);
            Assert.IsTrue(rig.Type("factory-reset", "erase").IndexOf("factory reset done") >= 0);
            Assert.IsFalse(rig.Boot.Terminal.Dukpt.HasKey);
            Assert.IsNull(rig.Boot.Terminal.Dukpt.Current);
            rig.Restart();
            Assert.IsNull(rig.Boot.Terminal.Dukpt.Current);
            rig.FirstLogin(ConsoleRole.Supervisor);
            string again = rig.Type("key-load dukpt 2 " + InitialKsn, Component1, Component2, IpekKcv);
            Assert.IsTrue(again.IndexOf("error: DUKPT key not loaded: this key ID was already used here") >= 0, again);
            Assert.IsFalse(rig.Boot.Terminal.Dukpt.HasKey);
        }

        [TestMethod]
        public void KeyLoadTmk_ThreeComponents_StoredWithKcv_ShowKeys()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string c3 = "11111111111111112222222222222222";
            byte[] key = Hex.Decode(Component1);
            byte[] b2 = Hex.Decode(Component2);
            byte[] b3 = Hex.Decode(c3);
            for (int i = 0; i < 16; i++) key[i] ^= (byte)(b2[i] ^ b3[i]);
            string kcv;
            using (SecretKey k = new SecretKey(KeyAlgorithm.Tdes, key, 0, 16)) kcv = k.CheckValue;
            string o = rig.Type("key-load tmk 3", Component1, Component2, "1111 1111 1111 1111 2222 2222 2222 2222", CommandLine.ToLower(kcv));
            Assert.IsTrue(o.IndexOf("master key loaded, KCV " + kcv + "; working keys cleared: sign on next") >= 0, o);
            Assert.AreEqual(kcv, rig.Boot.Terminal.Keys.Get(KeySlot.MasterKey).CheckValue);
            Assert.IsTrue(rig.Type("show keys").IndexOf("master key (TMK): TDES 16 bytes, KCV " + kcv) >= 0);
        }

        [TestMethod]
        [DataRow("0123456789ABCDEF", "is not 32 hex digits")]                          // too short
        [DataRow("0123456789ABCDEFFEDCBA987654321", "is not 32 hex digits")]          // odd digit count
        [DataRow("0123456789ABCDEFFEDCBA98765432GG", "is not 32 hex digits")]
        [DataRow("00000000000000000000000000000000", "all zeros")]
        public void KeyLoad_BadComponent_NothingStored(string component, string message)
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string before = rig.Snapshot();
            string o = rig.Type("key-load tmk 2", component);
            Assert.IsTrue(o.IndexOf("error: component 1") >= 0 && o.IndexOf("nothing stored") >= 0, o);
            Assert.IsTrue(o.IndexOf(message) >= 0, o);
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(KeySlot.MasterKey));
            Assert.AreEqual(before, rig.Snapshot());
        }

        [TestMethod]
        public void KeyLoad_WrongFinalKcv_RepeatedComponent_Cancel_NothingStored()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string before = rig.Snapshot();
            string wrong = rig.Type("key-load dukpt 2 " + InitialKsn, Component1, Component2, "AF8C08");
            Assert.IsTrue(wrong.IndexOf("error: combined key: check value does not match; nothing stored") >= 0, wrong);
            string twice = rig.Type("key-load tmk 2", Component1, Component1);
            Assert.IsTrue(twice.IndexOf("error: component 2: all zeros, or a component entered twice; nothing stored") >= 0, twice);
            rig.Line.Send("key-load tmk 2\r" + Component1 + "\r\x03");
            rig.Type();
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(KeySlot.MasterKey));
            Assert.IsFalse(rig.Boot.Terminal.Dukpt.HasKey);
            Assert.AreEqual(before, rig.Snapshot());
        }

        [TestMethod]
        [DataRow("key-load dukpt 2 FFFF9876543210E0000")]        // KSN one digit short
        [DataRow("key-load dukpt 4 " + InitialKsn)]
        [DataRow("key-load dukpt 2")]
        [DataRow("key-load tmk 1")]
        [DataRow("key-load tmk 2 aes")]
        [DataRow("key-load ipek 2")]
        [DataRow("key-load")]
        public void KeyLoad_BadArguments_Refused(string command)
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string before = rig.Snapshot();
            string o = rig.Type(command);
            Assert.IsTrue(o.IndexOf("error: ") >= 0, o);
            Assert.IsTrue(o.IndexOf("component 1") < 0, o);                   // no component was asked for
            Assert.AreEqual(before, rig.Snapshot());
        }

        [TestMethod]
        public void Technician_CannotLoadKeysOrFactoryReset()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.PutWorkingKeys();
            string before = rig.Snapshot();
            string load = rig.Type("key-load tmk 2", Component1, Component2);
            Assert.IsTrue(load.IndexOf("error: key-load needs the supervisor role") >= 0, load);
            string reset = rig.Type("factory-reset", "erase");
            Assert.IsTrue(reset.IndexOf("error: factory-reset needs the supervisor role") >= 0, reset);
            Assert.IsTrue(rig.Type("help key-load").IndexOf("error: key-load needs the supervisor role") >= 0);
            Assert.AreEqual(before, rig.Snapshot());
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(KeySlot.MasterKey));
            Assert.IsTrue(rig.Boot.Terminal.Keys.Has(KeySlot.MacKey));
            Assert.AreEqual(0, rig.System.Reboots);
            Assert.IsTrue(rig.Boot.Terminal.IsConfigured);
        }

        [TestMethod]
        public void ShowKeys_CheckValuesOnly()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.PutWorkingKeys();
            string o = rig.Type("show keys");
            string pik = rig.Boot.Terminal.Keys.Get(KeySlot.PinKey).CheckValue;
            Assert.IsTrue(o.IndexOf("PIN key (PIK):    TDES 16 bytes, KCV " + pik + "\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("PIN key (PIK):    TDES 16 bytes, KCV 08D7B4\r\n") >= 0, o);   // 0123..3210: X9.24 test key
            Assert.IsTrue(o.IndexOf("track key (TDK):  not loaded") >= 0, o);
            Assert.IsTrue(o.IndexOf("DUKPT:            no initial key loaded") >= 0, o);
            Assert.IsTrue(o.IndexOf("0123456789ABCDEF") < 0, o);
        }

        [TestMethod]
        public void SignOn_NoMasterKey_OrDukpt_ClearErrors()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            string o = rig.Type("sign-on");
            Assert.IsTrue(o.IndexOf("error: no master key: a supervisor loads it with key-load tmk") >= 0, o);
            rig.Type("set profile iso87ascii", "save");
            Assert.IsTrue(rig.Type("signon").IndexOf("error: the security mode is DUKPT: there is no sign-on") >= 0);
            Assert.AreEqual(0, rig.Connector.Attempts.Count);
        }
    }
}
