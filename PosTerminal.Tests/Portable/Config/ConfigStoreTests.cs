#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Config;
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.Config
{
    /// <summary>
    /// Loading falls back from a bad copy to the other one, then to defaults, and says why; a power cut at any byte of a
    /// save leaves exactly the old or the new configuration.
    /// </summary>
    [TestClass]
    public class ConfigStoreTests
    {
        // Saved in turn: "TEST SHOP" (slot 0), "FIRST SHOP" (slot 1), "SECOND SHOP" (slot 0, the newest); slot 1 holds
        // the copy before the newest.
        private static MemoryStore TwoCopies()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = ConfigEditorTests.Fixture(medium);
            ConfigEditorTests.Ok(e.SetMerchantName("FIRST SHOP"));
            ConfigEditorTests.Ok(e.Save());
            ConfigEditorTests.Ok(e.SetMerchantName("SECOND SHOP"));
            ConfigEditorTests.Ok(e.Save());
            return medium;
        }

        private static ConfigLoadResult Load(MemoryStore medium)
        {
            return new ConfigStore(new RecordStore(medium)).Load();
        }

        private static void FlipByte(MemoryStore medium, string slot, int at)
        {
            byte[] raw = new byte[RecordStore.MaxPayload + 16];
            int n = medium.Read(slot, raw, 0, raw.Length);
            raw[at] ^= 0x01;
            medium.Write(slot, raw, 0, n);
        }

        // Saves `payload` as a new copy (it becomes the newest) with `version`.
        private static void SaveNewest(MemoryStore medium, byte[] payload, int length, int version)
        {
            Assert.IsTrue(new RecordStore(medium).Save(ConfigStore.RecordName, version, payload, 0, length));
        }

        private static byte[] NewestPayload(MemoryStore medium, out int length)
        {
            byte[] buf = new byte[RecordStore.MaxPayload];
            int version;
            length = new RecordStore(medium).Load(ConfigStore.RecordName, buf, 0, out version);
            return buf;
        }

        // Offset of the value of `field` in a record payload.
        private static int ValueAt(byte[] payload, ConfigField field)
        {
            int at = 0;
            while (payload[at] != (byte)field) at += 2 + payload[at + 1];
            return at + 2;
        }

        [TestMethod]
        public void Load_NothingSaved_DefaultsMissing()
        {
            ConfigLoadResult r = Load(new MemoryStore());
            Assert.AreEqual((int)ConfigLoadStatus.DefaultsMissing, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.None, (int)r.Fault);
            Assert.IsTrue(r.NeedsAttention);
            CollectionAssert.AreEqual(ConfigEditorTests.Image(TerminalConfig.Defaults()), ConfigEditorTests.Image(r.Config));
        }

        [TestMethod]
        public void Load_NewestSlotDamaged_OtherCopyLoaded()
        {
            MemoryStore medium = TwoCopies();
            FlipByte(medium, "config.0", 20);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.Damaged, (int)r.Fault);
            Assert.AreEqual("FIRST SHOP", r.Config.MerchantName);
        }

        [TestMethod]
        public void Load_OlderSlotDamaged_NewestLoaded_DamageReported()
        {
            MemoryStore medium = TwoCopies();
            FlipByte(medium, "config.1", 30);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.Damaged, (int)r.Fault);
            Assert.AreEqual("SECOND SHOP", r.Config.MerchantName);
        }

        [TestMethod]
        public void Load_BothSlotsDamaged_DefaultsCorrupt()
        {
            MemoryStore medium = TwoCopies();
            FlipByte(medium, "config.0", 12);
            FlipByte(medium, "config.1", 12);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.DefaultsCorrupt, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.Damaged, (int)r.Fault);
            CollectionAssert.AreEqual(ConfigEditorTests.Image(TerminalConfig.Defaults()), ConfigEditorTests.Image(r.Config));
        }

        [TestMethod]
        [DataRow((int)ConfigField.ConnectTimeout, 0)]
        [DataRow((int)ConfigField.ConnectTimeout, 61)]
        [DataRow((int)ConfigField.ResponseTimeout, 4)]
        [DataRow((int)ConfigField.ConnectionMode, 2)]
        [DataRow((int)ConfigField.ReversalRetries, 10)]
        [DataRow((int)ConfigField.Tls, 2)]
        [DataRow((int)ConfigField.AllowHostNames, 7)]
        [DataRow((int)ConfigField.Currency, (int)'X')]
        [DataRow((int)ConfigField.TerminalId, (int)' ')]
        [DataRow((int)ConfigField.MerchantId, 0x7F)]
        [DataRow((int)ConfigField.TechnicianMustChange, 0xFF)]
        [DataRow((int)ConfigField.Tpdu, 0x61)]
        [DataRow((int)ConfigField.Profile, (int)'k')]
        [DataRow((int)ConfigField.Security, (int)'k')]
        [DataRow((int)ConfigField.PrimaryHost, 0)]
        public void Load_NewestHasAnInvalidValue_OtherCopyLoaded_FieldNamed(int field, int value)
        {
            MemoryStore medium = TwoCopies();
            int length;
            byte[] payload = NewestPayload(medium, out length);
            payload[ValueAt(payload, (ConfigField)field)] = (byte)value;   // first byte of the value: port high byte for a host
            if (field == (int)ConfigField.PrimaryHost) payload[ValueAt(payload, (ConfigField)field) + 1] = 0;   // port 0
            SaveNewest(medium, payload, length, ConfigStore.Version);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.InvalidValue, (int)r.Fault);
            Assert.AreEqual(field, (int)r.Field);
            Assert.AreEqual("SECOND SHOP", r.Config.MerchantName);   // the copy before the bad one
        }

        [TestMethod]
        public void Load_NewestFromNewerFirmware_OtherCopyLoaded()
        {
            MemoryStore medium = TwoCopies();
            int length;
            byte[] payload = NewestPayload(medium, out length);
            SaveNewest(medium, payload, length, ConfigStore.Version + 1);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.UnknownVersion, (int)r.Fault);
        }

        [TestMethod]
        [DataRow(-1)]    // last byte missing
        [DataRow(1)]     // a byte too many
        [DataRow(-30)]   // truncated in the middle
        public void Load_NewestLayoutBroken_OtherCopyLoaded(int delta)
        {
            MemoryStore medium = TwoCopies();
            int length;
            byte[] payload = NewestPayload(medium, out length);
            SaveNewest(medium, payload, length + delta, ConfigStore.Version);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.BadLayout, (int)r.Fault);
            Assert.AreEqual((int)ConfigField.None, (int)r.Field);
        }

        [TestMethod]
        public void Load_FieldsOutOfOrder_BadLayout()
        {
            MemoryStore medium = TwoCopies();
            int length;
            byte[] payload = NewestPayload(medium, out length);
            payload[0] = (byte)ConfigField.Backup1Host;     // the primary's tag replaced
            SaveNewest(medium, payload, length, ConfigStore.Version);
            Assert.AreEqual((int)ConfigFault.BadLayout, (int)Load(medium).Fault);
        }

        [TestMethod]
        public void Load_HostNameWithDnsOff_Inconsistent()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = ConfigEditorTests.Fixture(medium);
            ConfigEditorTests.Ok(e.SetAllowHostNames(true));
            ConfigEditorTests.Ok(e.SetHost(1, "gw.example.net:5800"));
            ConfigEditorTests.Ok(e.Save());
            int length;
            byte[] payload = NewestPayload(medium, out length);
            payload[ValueAt(payload, ConfigField.AllowHostNames)] = 0;
            SaveNewest(medium, payload, length, ConfigStore.Version);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.Inconsistent, (int)r.Fault);
            Assert.AreEqual((int)ConfigField.Backup1Host, (int)r.Field);
        }

        [TestMethod]
        public void Load_SecurityNotForProfile_Inconsistent()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = ConfigEditorTests.Fixture(medium);
            ConfigEditorTests.Ok(e.SetProfile("iso87ascii", "dukpt-aes"));
            ConfigEditorTests.Ok(e.Save());
            int length;
            byte[] payload = NewestPayload(medium, out length);
            int at = ValueAt(payload, ConfigField.Profile);
            byte[] cup = Ascii.GetBytes("cup");
            // "iso87ascii" -> "cup" + 7 bytes shorter: rebuild the payload around the profile value
            byte[] patched = new byte[length - 7];
            System.Array.Copy(payload, 0, patched, 0, at);
            patched[at - 1] = 3;
            System.Array.Copy(cup, 0, patched, at, 3);
            System.Array.Copy(payload, at + 10, patched, at + 3, length - at - 10);
            SaveNewest(medium, patched, patched.Length, ConfigStore.Version);
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigFault.Inconsistent, (int)r.Fault);
            Assert.AreEqual((int)ConfigField.Security, (int)r.Field);
        }

        [TestMethod]
        public void Load_OnlyCopyInvalid_DefaultsCorrupt_WithTheReason()
        {
            MemoryStore medium = new MemoryStore();
            RecordStore records = new RecordStore(medium);
            byte[] payload = new byte[TerminalConfig.MaxEncodedLength];
            int n = TerminalConfig.Defaults().Encode(payload, 0);
            payload[ValueAt(payload, ConfigField.ResponseTimeout)] = 200;
            Assert.IsTrue(records.Save(ConfigStore.RecordName, ConfigStore.Version, payload, 0, n));
            ConfigLoadResult r = Load(medium);
            Assert.AreEqual((int)ConfigLoadStatus.DefaultsCorrupt, (int)r.Status);
            Assert.AreEqual((int)ConfigFault.InvalidValue, (int)r.Fault);
            Assert.AreEqual((int)ConfigField.ResponseTimeout, (int)r.Field);
        }

        [TestMethod]
        public void Decode_EveryValidConfigRoundTrips()
        {
            ConfigEditor e = ConfigEditorTests.Fixture(new MemoryStore());
            ConfigEditorTests.Ok(e.SetAllowHostNames(true));
            ConfigEditorTests.Ok(e.SetHost(3, "a-very-long-acquirer-gateway-name.payments.example.com:65535"));
            byte[] hash = new byte[64];
            for (int i = 0; i < hash.Length; i++) hash[i] = (byte)(i * 7);
            ConfigEditorTests.Ok(e.SetPasswordHash(PasswordSlot.Technician, hash, 0, 64));
            ConfigEditorTests.Ok(e.SetText(ConfigField.Header, "0102030405060708091011121314151617181920212223242526272829303132"));
            ConfigEditorTests.Ok(e.SetMerchantName("0123456789012345678901234567890123456789"));
            byte[] image = ConfigEditorTests.Image(e.Staged);
            Assert.IsTrue(image.Length <= TerminalConfig.MaxEncodedLength);
            TerminalConfig back;
            ConfigField field;
            Assert.AreEqual((int)ConfigFault.None, (int)TerminalConfig.Decode(image, 0, image.Length, out back, out field));
            CollectionAssert.AreEqual(image, ConfigEditorTests.Image(back));
        }

        // The fixture's configuration saved (and, with history 2, saved once more with a change), then one more change
        // staged: returns the editor; `oldImage` is what is in force, the staged configuration is the new one.
        private static ConfigEditor BeforeSave(MemoryStore medium, int history, out byte[] oldImage)
        {
            ConfigEditor e = ConfigEditorTests.Fixture(medium);
            if (history == 2) ConfigEditorTests.Ok(e.Save());
            oldImage = ConfigEditorTests.Image(e.Current);
            ConfigEditorTests.Ok(e.SetHost(0, "192.168.7.7:7000"));
            ConfigEditorTests.Ok(e.SetConnectionMode(PosTerminal.Link.ConnectionMode.Kept));
            return e;
        }

        [TestMethod]
        [DataRow(1)]   // one copy on the medium before the save
        [DataRow(2)]   // two copies: the save goes over the older one
        public void PowerCut_AtEveryByteOfASave_LeavesTheOldOrTheNewConfiguration(int history)
        {
            byte[] oldImage;
            int slotBytes = 10 + ConfigEditorTests.Image(BeforeSave(new MemoryStore(), history, out oldImage).Staged).Length + 4;
            for (int cut = 0; cut <= slotBytes; cut++)
            {
                MemoryStore medium = new MemoryStore();
                ConfigEditor e = BeforeSave(medium, history, out oldImage);
                byte[] newImage = ConfigEditorTests.Image(e.Staged);
                medium.CutAfterBytes = cut;
                ConfigStatus saved = e.Save();
                Assert.AreEqual(cut >= slotBytes ? (int)ConfigStatus.Ok : (int)ConfigStatus.StorageFailed, (int)saved);

                // restart: new stores over the same medium
                ConfigLoadResult r = Load(medium);
                byte[] got = ConfigEditorTests.Image(r.Config);
                if (saved == ConfigStatus.Ok)
                {
                    CollectionAssert.AreEqual(newImage, got);
                    Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)r.Status);
                }
                else
                {
                    CollectionAssert.AreEqual(oldImage, got);
                    Assert.IsTrue(r.Status == ConfigLoadStatus.Loaded || r.Status == ConfigLoadStatus.LoadedOtherCopy);
                }
            }
        }

        [TestMethod]
        public void PowerCut_SavingOverARejectedNewestCopy_NeverLosesTheCopyInUse()
        {
            int length = -1;
            for (int cut = 0; length < 0 || cut <= 10 + length + 4; cut++)
            {
                MemoryStore medium = TwoCopies();
                int n;
                byte[] payload = NewestPayload(medium, out n);
                payload[ValueAt(payload, ConfigField.ConnectTimeout)] = 0;       // the newest copy fails its check
                SaveNewest(medium, payload, n, ConfigStore.Version);
                ConfigStore store = new ConfigStore(new RecordStore(medium));
                ConfigLoadResult r = store.Load();
                Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)r.Status);
                byte[] inUse = ConfigEditorTests.Image(r.Config);
                ConfigEditor e = new ConfigEditor(store, r.Config);
                ConfigEditorTests.Ok(e.SetMerchantName("THIRD SHOP"));
                byte[] next = ConfigEditorTests.Image(e.Staged);
                length = next.Length;
                medium.CutAfterBytes = cut;
                medium.CompleteWritesBeforeCut = 1;          // the erasure of the rejected copy completes; the save is cut
                ConfigStatus saved = e.Save();
                ConfigLoadResult after = Load(medium);
                CollectionAssert.AreEqual(saved == ConfigStatus.Ok ? next : inUse, ConfigEditorTests.Image(after.Config));
                Assert.IsTrue(after.Status == ConfigLoadStatus.Loaded || after.Status == ConfigLoadStatus.LoadedOtherCopy);
            }
        }
    }
}
