#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Config;
using PosTerminal.Link;
using PosTerminal.Storage;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.Config
{
    /// <summary>
    /// Staged changes: every setter with valid and invalid input (an invalid one changes neither the staged nor the
    /// current configuration, byte for byte), save, revert, pending changes, passwords, and the settings a configuration
    /// makes.
    /// </summary>
    [TestClass]
    public class ConfigEditorTests
    {
        // A saved configuration (hosts, ids, name) with one change staged on top.
        internal static ConfigEditor Fixture(MemoryStore medium)
        {
            ConfigStore store = new ConfigStore(new RecordStore(medium));
            ConfigEditor e = new ConfigEditor(store, store.Load().Config);
            Ok(e.SetHost(0, "10.0.0.1:5800"));
            Ok(e.SetHost(1, "10.0.0.2:5801"));
            Ok(e.SetTerminalId("88880001"));
            Ok(e.SetMerchantId("898310048990001"));
            Ok(e.SetMerchantName("TEST SHOP"));
            Ok(e.Save());
            Ok(e.SetMerchantName("PENDING CHANGE"));
            return e;
        }

        internal static byte[] Image(TerminalConfig c)
        {
            byte[] b = new byte[TerminalConfig.MaxEncodedLength];
            int n = c.Encode(b, 0);
            return Bytes.Copy(b, 0, n);
        }

        internal static void Ok(ConfigStatus s)
        {
            Assert.AreEqual((int)ConfigStatus.Ok, (int)s);
        }

        private static ConfigField Field(string name)
        {
            ConfigField f;
            Assert.IsTrue(ConfigFields.Find(name, out f), name);
            return f;
        }

        [TestMethod]
        [DataRow("host", "10.1.1.1:6000", "10.1.1.1:6000")]
        [DataRow("host", "127.0.0.1:65535", "127.0.0.1:65535")]
        [DataRow("backup1", "none", "none")]
        [DataRow("backup2", "192.168.0.9:1", "192.168.0.9:1")]
        [DataRow("backup3", "223.1.2.3:5800", "223.1.2.3:5800")]
        [DataRow("connect-timeout", "1", "1")]
        [DataRow("connect-timeout", "60", "60")]
        [DataRow("response-timeout", "5", "5")]
        [DataRow("response-timeout", "120", "120")]
        [DataRow("connection", "kept", "kept")]
        [DataRow("connection", "per-transaction", "per-transaction")]
        [DataRow("echo-interval", "0", "0")]
        [DataRow("echo-interval", "10", "10")]
        [DataRow("echo-interval", "3600", "3600")]
        [DataRow("reversal-retries", "0", "0")]
        [DataRow("reversal-retries", "9", "9")]
        [DataRow("tls", "on", "on")]
        [DataRow("tls", "off", "off")]
        [DataRow("dns", "on", "on")]
        [DataRow("dns", "off", "off")]
        [DataRow("tpdu", "6000120034", "6000120034")]
        [DataRow("tpdu", "60 00 12 00 34", "6000120034")]
        [DataRow("tpdu", "none", "none")]
        [DataRow("header", "603100311301", "603100311301")]
        [DataRow("header", "none", "none")]
        [DataRow("profile", "cup", "cup")]
        [DataRow("security", "cup-sm4", "cup-sm4")]
        [DataRow("security", "cup-x919", "cup-x919")]
        [DataRow("tid", "ABCD1234", "ABCD1234")]
        [DataRow("mid", "123456789012   ", "123456789012   ")]
        [DataRow("merchant-name", "NEW NAME", "NEW NAME")]
        [DataRow("merchant-name", "", "")]
        [DataRow("currency", "840", "840")]
        [DataRow("technician-must-change", "off", "off")]
        [DataRow("supervisor-must-change", "on", "on")]
        public void SetText_Valid_StagedOnly(string name, string text, string shown)
        {
            ConfigEditor e = Fixture(new MemoryStore());
            byte[] current = Image(e.Current);
            ConfigField f = Field(name);
            Ok(e.SetText(f, text));
            Assert.AreEqual(shown, e.Staged.ValueText(f));
            CollectionAssert.AreEqual(current, Image(e.Current));
            Assert.IsTrue(e.HasChanges);
        }

        [TestMethod]
        [DataRow("host", "none", (int)ConfigStatus.PrimaryRequired)]
        [DataRow("host", "", (int)ConfigStatus.BadEndpoint)]
        [DataRow("host", "10.0.0.1", (int)ConfigStatus.BadEndpoint)]
        [DataRow("host", "0.0.0.0:5800", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("host", "255.255.255.255:5800", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("host", "224.0.0.5:5800", (int)ConfigStatus.AddressNotUsable)]
        [DataRow("host", "10.0.0.01:5800", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("host", "10.0.0.300:5800", (int)ConfigStatus.NotIPv4Address)]
        [DataRow("host", "acquirer.example.com:5800", (int)ConfigStatus.HostNamesOff)]
        [DataRow("host", "10.0.0.1:0", (int)ConfigStatus.PortOutOfRange)]
        [DataRow("host", "10.0.0.1:65536", (int)ConfigStatus.PortOutOfRange)]
        [DataRow("backup1", "", (int)ConfigStatus.BadEndpoint)]
        [DataRow("backup2", "x:y", (int)ConfigStatus.BadEndpoint)]
        [DataRow("backup3", "bad_name:5800", (int)ConfigStatus.BadHostName)]
        [DataRow("connect-timeout", "0", (int)ConfigStatus.OutOfRange)]
        [DataRow("connect-timeout", "61", (int)ConfigStatus.OutOfRange)]
        [DataRow("connect-timeout", "ten", (int)ConfigStatus.NotANumber)]
        [DataRow("connect-timeout", "", (int)ConfigStatus.NotANumber)]
        [DataRow("response-timeout", "4", (int)ConfigStatus.OutOfRange)]
        [DataRow("response-timeout", "121", (int)ConfigStatus.OutOfRange)]
        [DataRow("response-timeout", "-5", (int)ConfigStatus.NotANumber)]
        [DataRow("connection", "long", (int)ConfigStatus.BadChoice)]
        [DataRow("connection", "KEPT", (int)ConfigStatus.BadChoice)]
        [DataRow("echo-interval", "9", (int)ConfigStatus.OutOfRange)]
        [DataRow("echo-interval", "3601", (int)ConfigStatus.OutOfRange)]
        [DataRow("echo-interval", "1m", (int)ConfigStatus.NotANumber)]
        [DataRow("reversal-retries", "10", (int)ConfigStatus.OutOfRange)]
        [DataRow("reversal-retries", "x", (int)ConfigStatus.NotANumber)]
        [DataRow("tls", "yes", (int)ConfigStatus.BadChoice)]
        [DataRow("tls", "", (int)ConfigStatus.BadChoice)]
        [DataRow("dns", "true", (int)ConfigStatus.BadChoice)]
        [DataRow("tpdu", "6100030000", (int)ConfigStatus.BadTpdu)]
        [DataRow("tpdu", "600003", (int)ConfigStatus.BadTpdu)]
        [DataRow("tpdu", "60000300zz", (int)ConfigStatus.BadHex)]
        [DataRow("header", "010203040506070809101112131415161718192021222324252627282930313233", (int)ConfigStatus.HeaderTooLong)]
        [DataRow("header", "abc", (int)ConfigStatus.BadHex)]
        [DataRow("profile", "visa", (int)ConfigStatus.UnknownProfile)]
        [DataRow("profile", "", (int)ConfigStatus.UnknownProfile)]
        [DataRow("security", "dukpt-aes", (int)ConfigStatus.SecurityNotForProfile)]
        [DataRow("security", "cup-rsa", (int)ConfigStatus.UnknownSecurity)]
        [DataRow("tid", "1234567", (int)ConfigStatus.BadTerminalId)]
        [DataRow("tid", "1234 678", (int)ConfigStatus.BadTerminalId)]
        [DataRow("tid", "", (int)ConfigStatus.BadTerminalId)]
        [DataRow("mid", "12345", (int)ConfigStatus.BadMerchantId)]
        [DataRow("mid", " 12345678901234", (int)ConfigStatus.BadMerchantId)]
        [DataRow("merchant-name", "01234567890123456789012345678901234567890", (int)ConfigStatus.BadMerchantName)]
        [DataRow("merchant-name", "TAB\tSHOP", (int)ConfigStatus.BadMerchantName)]
        [DataRow("currency", "999", (int)ConfigStatus.UnknownCurrency)]
        [DataRow("currency", "US$", (int)ConfigStatus.BadCurrency)]
        [DataRow("technician-password", "secret", (int)ConfigStatus.NotEditableAsText)]
        [DataRow("supervisor-password", "x", (int)ConfigStatus.NotEditableAsText)]
        [DataRow("technician-must-change", "maybe", (int)ConfigStatus.BadChoice)]
        [DataRow("supervisor-must-change", "1", (int)ConfigStatus.BadChoice)]
        public void SetText_Invalid_NothingChanges(string name, string text, int expected)
        {
            ConfigEditor e = Fixture(new MemoryStore());
            byte[] current = Image(e.Current);
            byte[] staged = Image(e.Staged);
            Assert.AreEqual(expected, (int)e.SetText(Field(name), text));
            CollectionAssert.AreEqual(current, Image(e.Current));
            CollectionAssert.AreEqual(staged, Image(e.Staged));
        }

        [TestMethod]
        public void TypedSetters_Invalid_NothingChanges()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            byte[] current = Image(e.Current);
            byte[] staged = Image(e.Staged);
            Assert.AreEqual((int)ConfigStatus.HostIndexOutOfRange, (int)e.SetHost(4, "10.0.0.9", 1));
            Assert.AreEqual((int)ConfigStatus.HostIndexOutOfRange, (int)e.SetHost(-1, "10.0.0.9:1"));
            Assert.AreEqual((int)ConfigStatus.HostIndexOutOfRange, (int)e.ClearHost(4));
            Assert.AreEqual((int)ConfigStatus.PrimaryRequired, (int)e.ClearHost(0));
            Assert.AreEqual((int)ConfigStatus.PortOutOfRange, (int)e.SetHost(1, "10.0.0.9", 70000));
            Assert.AreEqual((int)ConfigStatus.NotIPv4Address, (int)e.SetHost(1, "10.0.0.256", 1));
            Assert.AreEqual((int)ConfigStatus.BadHostName, (int)e.SetHost(1, null, 1));
            Assert.AreEqual((int)ConfigStatus.BadChoice, (int)e.SetConnectionMode((ConnectionMode)7));
            Assert.AreEqual((int)ConfigStatus.OutOfRange, (int)e.SetConnectTimeout(-1));
            Assert.AreEqual((int)ConfigStatus.OutOfRange, (int)e.SetResponseTimeout(1000));
            Assert.AreEqual((int)ConfigStatus.OutOfRange, (int)e.SetEchoInterval(5));
            Assert.AreEqual((int)ConfigStatus.OutOfRange, (int)e.SetReversalRetries(99));
            Assert.AreEqual((int)ConfigStatus.BadTpdu, (int)e.SetTpdu(new byte[] { 0x60, 0, 3, 0 }));
            Assert.AreEqual((int)ConfigStatus.BadTpdu, (int)e.SetTpdu(new byte[] { 0x61, 0, 3, 0, 0 }));
            Assert.AreEqual((int)ConfigStatus.HeaderTooLong, (int)e.SetHeader(new byte[33]));
            Assert.AreEqual((int)ConfigStatus.UnknownProfile, (int)e.SetProfile(null));
            Assert.AreEqual((int)ConfigStatus.SecurityNotForProfile, (int)e.SetProfile("iso87ascii", "cup"));
            Assert.AreEqual((int)ConfigStatus.UnknownSecurity, (int)e.SetProfile("cup", null));
            Assert.AreEqual((int)ConfigStatus.UnknownSecurity, (int)e.SetSecurity(null));
            Assert.AreEqual((int)ConfigStatus.BadTerminalId, (int)e.SetTerminalId(null));
            Assert.AreEqual((int)ConfigStatus.BadMerchantId, (int)e.SetMerchantId(null));
            Assert.AreEqual((int)ConfigStatus.BadMerchantName, (int)e.SetMerchantName(null));
            Assert.AreEqual((int)ConfigStatus.BadCurrency, (int)e.SetCurrency(null));
            Assert.AreEqual((int)ConfigStatus.PasswordTooLong, (int)e.SetPasswordHash(PasswordSlot.Technician, new byte[65], 0, 65));
            Assert.AreEqual((int)ConfigStatus.BadChoice, (int)e.SetMustChangePassword((PasswordSlot)5, true));
            Assert.AreEqual((int)ConfigStatus.BadChoice, (int)e.SetText(ConfigField.Tls, null));
            Assert.AreEqual((int)ConfigStatus.NotEditableAsText, (int)e.SetText(ConfigField.None, "x"));
            Expect.Throws(typeof(System.ArgumentException), delegate { e.SetPasswordHash(PasswordSlot.Technician, new byte[4], 2, 4); });
            Expect.Throws(typeof(System.ArgumentException), delegate { e.SetPasswordHash(PasswordSlot.Technician, null, 0, 4); });
            CollectionAssert.AreEqual(current, Image(e.Current));
            CollectionAssert.AreEqual(staged, Image(e.Staged));
        }

        [TestMethod]
        public void HostNames_OnlyWhileDnsOn_AndDnsCannotGoOffUnderThem()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            Assert.AreEqual((int)ConfigStatus.HostNamesOff, (int)e.SetHost(2, "pos.acquirer.example", 5800));
            Ok(e.SetAllowHostNames(true));
            Ok(e.SetHost(2, "pos.acquirer.example", 5800));
            byte[] staged = Image(e.Staged);
            Assert.AreEqual((int)ConfigStatus.HostNamesInUse, (int)e.SetAllowHostNames(false));
            CollectionAssert.AreEqual(staged, Image(e.Staged));
            Ok(e.ClearHost(2));
            Ok(e.SetAllowHostNames(false));
        }

        [TestMethod]
        public void Profile_ChangeBringsItsSecurityAndFraming_AllPending()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            e.Revert();
            Ok(e.SetProfile("iso87ascii"));
            TerminalConfig s = e.Staged;
            Assert.AreEqual("dukpt-tdes", s.SecurityName);
            Assert.AreEqual("none", s.ValueText(ConfigField.Tpdu));
            Assert.AreEqual("none", s.ValueText(ConfigField.Header));
            ConfigField[] pending = e.PendingChanges();
            Assert.AreEqual(4, pending.Length);
            Assert.AreEqual((int)ConfigField.Tpdu, (int)pending[0]);
            Assert.AreEqual((int)ConfigField.Header, (int)pending[1]);
            Assert.AreEqual((int)ConfigField.Profile, (int)pending[2]);
            Assert.AreEqual((int)ConfigField.Security, (int)pending[3]);
            Ok(e.SetSecurity("dukpt-aes"));
            Ok(e.SetProfile("iso87ascii"));                 // same profile: security and framing stay
            Assert.AreEqual("dukpt-aes", e.Staged.SecurityName);
            Ok(e.SetProfile("cup", "cup-tdk"));
            Assert.AreEqual("6000030000", e.Staged.ValueText(ConfigField.Tpdu));
            Assert.AreEqual("603100000001", e.Staged.ValueText(ConfigField.Header));
            Assert.AreEqual("cup-tdk", e.Staged.SecurityName);
        }

        [TestMethod]
        public void Save_MakesStagedCurrent_AndSurvivesRestart()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = Fixture(medium);
            Ok(e.SetText(ConfigField.ConnectionMode, "kept"));
            Ok(e.SetEchoInterval(30));
            ConfigField[] pending = e.PendingChanges();
            Assert.AreEqual(3, pending.Length);
            Assert.AreEqual((int)ConfigField.ConnectionMode, (int)pending[0]);
            Assert.AreEqual((int)ConfigField.EchoInterval, (int)pending[1]);
            Assert.AreEqual((int)ConfigField.MerchantName, (int)pending[2]);
            byte[] staged = Image(e.Staged);
            Ok(e.Save());
            Assert.IsFalse(e.HasChanges);
            Assert.AreEqual(0, e.PendingChanges().Length);
            CollectionAssert.AreEqual(staged, Image(e.Current));

            ConfigLoadResult r = new ConfigStore(new RecordStore(medium)).Load();
            Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)r.Status);
            Assert.IsFalse(r.NeedsAttention);
            CollectionAssert.AreEqual(staged, Image(r.Config));
            int writes = medium.Writes;
            Ok(e.Save());                                    // nothing to save: nothing written
            Assert.AreEqual(writes, medium.Writes);
        }

        [TestMethod]
        public void Revert_DropsStagedChanges()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            Ok(e.SetTerminalId("11112222"));
            Assert.IsTrue(e.HasChanges);
            e.Revert();
            Assert.IsFalse(e.HasChanges);
            CollectionAssert.AreEqual(Image(e.Current), Image(e.Staged));
            Assert.AreEqual("88880001", e.Staged.TerminalId);
        }

        [TestMethod]
        public void Save_StoreFails_CurrentKept_ChangesStillStaged()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = Fixture(medium);
            byte[] current = Image(e.Current);
            byte[] staged = Image(e.Staged);
            medium.CutAfterBytes = 0;
            Assert.AreEqual((int)ConfigStatus.StorageFailed, (int)e.Save());
            CollectionAssert.AreEqual(current, Image(e.Current));
            CollectionAssert.AreEqual(staged, Image(e.Staged));
            Assert.IsTrue(e.HasChanges);
            CollectionAssert.AreEqual(current, Image(new ConfigStore(new RecordStore(medium)).Load().Config));
        }

        [TestMethod]
        public void Passwords_StoredOpaque_ShownOnlyAsSet_ComparedInConstantTime()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            Assert.IsTrue(e.Current.MustChangePassword(PasswordSlot.Technician));
            Assert.AreEqual("not set", e.Current.ValueText(ConfigField.TechnicianPassword));
            byte[] hash = Hex.Decode("0011223344556677889900AABBCCDDEEFF0011223344556677889900AABBCCDD");
            Ok(e.SetPasswordHash(PasswordSlot.Supervisor, hash, 0, hash.Length));
            TerminalConfig s = e.Staged;
            Assert.AreEqual("set", s.ValueText(ConfigField.SupervisorPassword));
            Assert.AreEqual(32, s.PasswordHashLength(PasswordSlot.Supervisor));
            Assert.IsTrue(s.PasswordHashEquals(PasswordSlot.Supervisor, hash, 0, 32));
            Assert.IsFalse(s.PasswordHashEquals(PasswordSlot.Supervisor, hash, 0, 31));
            Assert.IsFalse(s.PasswordHashEquals(PasswordSlot.Technician, hash, 0, 32));
            byte[] copy = new byte[64];
            Assert.AreEqual(32, s.CopyPasswordHash(PasswordSlot.Supervisor, copy, 0));
            Assert.AreEqual(Hex.Encode(hash), Hex.Encode(copy, 0, 32));
            Assert.IsTrue(s.ToString().IndexOf("supervisor-password=set") >= 0);
            Assert.IsFalse(s.ToString().IndexOf("00112233") >= 0);
            hash[0] ^= 1;                                    // the editor kept its own copy
            Assert.IsFalse(s.PasswordHashEquals(PasswordSlot.Supervisor, hash, 0, 32));
        }

        [TestMethod]
        public void SavePassword_WritesOnlyThePassword_OtherChangesStayStaged()
        {
            MemoryStore medium = new MemoryStore();
            ConfigEditor e = Fixture(medium);                // "PENDING CHANGE" is staged
            byte[] hash = Hex.Decode("A1A2A3A4A5A6A7A8");
            Ok(e.SavePassword(PasswordSlot.Technician, hash, 0, hash.Length, false));
            Assert.IsTrue(e.Current.PasswordHashEquals(PasswordSlot.Technician, hash, 0, 8));
            Assert.IsFalse(e.Current.MustChangePassword(PasswordSlot.Technician));
            Assert.AreEqual("TEST SHOP", e.Current.MerchantName);
            Assert.AreEqual("PENDING CHANGE", e.Staged.MerchantName);
            Assert.IsTrue(e.Staged.PasswordHashEquals(PasswordSlot.Technician, hash, 0, 8));
            ConfigField[] pending = e.PendingChanges();
            Assert.AreEqual(1, pending.Length);
            Assert.AreEqual((int)ConfigField.MerchantName, (int)pending[0]);

            TerminalConfig reloaded = new ConfigStore(new RecordStore(medium)).Load().Config;
            Assert.IsTrue(reloaded.PasswordHashEquals(PasswordSlot.Technician, hash, 0, 8));
            Assert.AreEqual("TEST SHOP", reloaded.MerchantName);

            byte[] current = Image(e.Current);
            medium.CutAfterBytes = 3;
            Assert.AreEqual((int)ConfigStatus.StorageFailed, (int)e.SavePassword(PasswordSlot.Supervisor, hash, 0, 8, false));
            CollectionAssert.AreEqual(current, Image(e.Current));
            Assert.AreEqual((int)ConfigStatus.PasswordTooLong, (int)e.SavePassword(PasswordSlot.Supervisor, new byte[65], 0, 65, false));
        }

        [TestMethod]
        public void Defaults_NeedHostAndIds_BeforeSettings()
        {
            TerminalConfig d = TerminalConfig.Defaults();
            Assert.AreEqual((int)ConfigField.PrimaryHost, (int)d.MissingField());
            TerminalSettings s;
            Assert.AreEqual((int)ConfigStatus.Incomplete, (int)d.ToSettings(out s));
            Assert.IsNull(s);
            ConfigEditor e = new ConfigEditor(new ConfigStore(new RecordStore(new MemoryStore())), d);
            Ok(e.SetHost(0, "10.0.0.1:5800"));
            Assert.AreEqual((int)ConfigField.TerminalId, (int)e.Staged.MissingField());
            Ok(e.SetTerminalId("88880001"));
            Assert.AreEqual((int)ConfigField.MerchantId, (int)e.Staged.MissingField());
            Ok(e.SetMerchantId("898310048990001"));
            Assert.AreEqual((int)ConfigField.None, (int)e.Staged.MissingField());
            Assert.AreEqual(10, d.ConnectTimeoutSeconds);
            Assert.AreEqual(60, d.ResponseTimeoutSeconds);
            Assert.AreEqual(3, d.ReversalRetries);
            Assert.AreEqual("cup", d.ProfileName);
            Assert.AreEqual("cup", d.SecurityName);
            Assert.AreEqual("156", d.Currency);
            Assert.IsFalse(d.Tls);
            Assert.IsFalse(d.AllowHostNames);
            Assert.IsTrue(d.MustChangePassword(PasswordSlot.Supervisor));
        }

        [TestMethod]
        public void ToSettings_CarriesEveryLinkAndTerminalParameter()
        {
            ConfigEditor e = Fixture(new MemoryStore());
            Ok(e.SetHost(3, "10.0.0.4:5804"));               // backup 2 stays empty: hosts are primary, backup1, backup3
            Ok(e.SetConnectTimeout(7));
            Ok(e.SetResponseTimeout(45));
            Ok(e.SetConnectionMode(ConnectionMode.Kept));
            Ok(e.SetEchoInterval(90));
            Ok(e.SetReversalRetries(5));
            Ok(e.SetTls(true));
            Ok(e.SetText(ConfigField.Tpdu, "6000120034"));
            Ok(e.SetText(ConfigField.Header, "603100311301"));
            Ok(e.SetSecurity("cup-sm4"));
            Ok(e.SetCurrency("344"));
            TerminalSettings s;
            Ok(e.Staged.ToSettings(out s));
            LinkSettings l = s.Link;
            Assert.AreEqual(3, l.HostCount);
            Assert.AreEqual("10.0.0.1:5800", l.Host(0).ToString());
            Assert.AreEqual("10.0.0.2:5801", l.Host(1).ToString());
            Assert.AreEqual("10.0.0.4:5804", l.Host(2).ToString());
            Assert.AreEqual(7000, l.ConnectTimeoutMs);
            Assert.AreEqual(45000, l.ResponseTimeoutMs);
            Assert.IsTrue(l.KeepsConnection);
            Assert.AreEqual(90000, l.EchoIntervalMs);
            Assert.IsTrue(l.Tls);
            Assert.AreEqual("6000120034", Hex.Encode(l.Frame.Tpdu));
            Assert.AreEqual("603100311301", Hex.Encode(l.Frame.Header));
            Assert.AreEqual("cup", s.Profile.Name);
            Assert.IsTrue(s.Security.Sm4);
            Assert.AreEqual(5, s.ReversalRetries);
            Assert.AreEqual("88880001", s.TerminalId);
            Assert.AreEqual("898310048990001", s.MerchantId);
            Assert.AreEqual("PENDING CHANGE", s.MerchantName);
            Assert.AreEqual("344", s.Currency);

            Ok(e.SetConnectionMode(ConnectionMode.PerTransaction));
            Ok(e.SetText(ConfigField.Tpdu, "none"));
            Ok(e.SetProfile("iso87ascii", "dukpt-aes"));
            Ok(e.Staged.ToSettings(out s));
            Assert.IsFalse(s.Link.KeepsConnection);
            Assert.AreEqual(0, s.Link.EchoIntervalMs);
            Assert.IsFalse(s.Link.Frame.HasTpdu);
            Assert.AreEqual(0, s.Link.Frame.HeaderLength);
            Assert.AreEqual("iso87ascii", s.Profile.Name);
            Assert.AreEqual(4, s.Security.PinFormat);
        }

        [TestMethod]
        public void ValueText_RoundTripsThroughSetText()
        {
            ConfigEditor a = Fixture(new MemoryStore());
            Ok(a.SetAllowHostNames(true));
            Ok(a.SetHost(3, "gw.example.net:443"));
            Ok(a.SetConnectionMode(ConnectionMode.Kept));
            Ok(a.SetMerchantId("123456789012   "));
            TerminalConfig source = a.Staged;
            ConfigEditor b = new ConfigEditor(new ConfigStore(new RecordStore(new MemoryStore())), TerminalConfig.Defaults());
            Ok(b.SetText(ConfigField.AllowHostNames, "on"));
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                if (ConfigFields.IsSecret(f)) continue;
                Ok(b.SetText(f, source.ValueText(f)));
            }
            CollectionAssert.AreEqual(Image(source), Image(b.Staged));
            Assert.IsTrue(source.ContentEquals(b.Staged));
        }
    }
}
