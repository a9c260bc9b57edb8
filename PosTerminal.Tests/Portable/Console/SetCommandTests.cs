#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Config;
using PosTerminal.TechConsole;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// Command tables of the terminal's console: every settable field with good values, and a longer table of bad input
    /// (addresses, ports, timeouts, hex, ids, unknown fields, missing and extra arguments, long lines, control characters)
    /// after each of which the stored bytes, the staged and the current configuration and the counters are unchanged.
    /// </summary>
    [TestClass]
    public class SetCommandTests
    {
        // A configured terminal (saved) with one staged change, so that both the saved and the staged state are watched.
        private static TechnicianRig Rig()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.Type("set merchant-name STAGED SHOP");
            return rig;
        }

        [TestMethod]
        [DataRow("set host 10.20.30.40:5800", "host", "10.20.30.40:5800")]
        [DataRow("set host 1.2.3.4:1", "host", "1.2.3.4:1")]
        [DataRow("set host 223.255.255.254:65535", "host", "223.255.255.254:65535")]
        [DataRow("set backup1 10.0.0.1:5801", "backup1", "10.0.0.1:5801")]
        [DataRow("set backup2 10.0.0.2:5802", "backup2", "10.0.0.2:5802")]
        [DataRow("set backup3 10.0.0.3:5803", "backup3", "10.0.0.3:5803")]
        [DataRow("set backup1 none", "backup1", "none")]
        [DataRow("set connect-timeout 1", "connect-timeout", "1")]
        [DataRow("set connect-timeout 60", "connect-timeout", "60")]
        [DataRow("set response-timeout 5", "response-timeout", "5")]
        [DataRow("set response-timeout 120", "response-timeout", "120")]
        [DataRow("set connection kept", "connection", "kept")]
        [DataRow("set connection per-transaction", "connection", "per-transaction")]
        [DataRow("set echo-interval 0", "echo-interval", "0")]
        [DataRow("set echo-interval 10", "echo-interval", "10")]
        [DataRow("set echo-interval 3600", "echo-interval", "3600")]
        [DataRow("set reversal-retries 0", "reversal-retries", "0")]
        [DataRow("set reversal-retries 9", "reversal-retries", "9")]
        [DataRow("set tls on", "tls", "on")]
        [DataRow("set dns on", "dns", "on")]
        [DataRow("set tpdu 6000120034", "tpdu", "6000120034")]
        [DataRow("set tpdu none", "tpdu", "none")]
        [DataRow("set header 603100000002", "header", "603100000002")]
        [DataRow("set header none", "header", "none")]
        [DataRow("set profile iso87ascii", "profile", "iso87ascii")]
        [DataRow("set security cup-sm4", "security", "cup-sm4")]
        [DataRow("set security cup-x919", "security", "cup-x919")]
        [DataRow("set tid ABCD1234", "tid", "ABCD1234")]
        [DataRow("set mid 123456789012345", "mid", "123456789012345")]
        [DataRow("set merchant-name A", "merchant-name", "A")]
        [DataRow("set merchant-name TWO  WORDS", "merchant-name", "TWO WORDS")]
        [DataRow("set currency 840", "currency", "840")]
        [DataRow("SET TID 88880009", "tid", "88880009")]
        public void Set_GoodValue_StagedThenSaved(string command, string name, string expected)
        {
            TechnicianRig rig = Rig();
            ConfigField field;
            Assert.IsTrue(ConfigFields.Find(name, out field));
            string stored = rig.Snapshot();
            string o = rig.Type(command);
            Assert.IsTrue(o.IndexOf("error") < 0, command + " -> " + o);
            Assert.IsTrue(o.IndexOf(name + " = " + expected) >= 0, command + " -> " + o);
            Assert.AreEqual(expected, rig.Boot.Config.Staged.ValueText(field));
            Assert.AreEqual(stored.Substring(0, stored.IndexOf('/')), rig.Snapshot().Substring(0, rig.Snapshot().IndexOf('/')));   // nothing written yet
            Assert.IsTrue(rig.Type("save").IndexOf("saved") >= 0);
            Assert.AreEqual(expected, rig.Boot.Config.Current.ValueText(field));
            rig.Restart();
            Assert.AreEqual(expected, rig.Boot.Config.Current.ValueText(field));
        }

        [TestMethod]
        public void Set_HostNameAllowedOnlyWithDns()
        {
            TechnicianRig rig = Rig();
            Assert.IsTrue(rig.Type("set host pos.example.com:5800").IndexOf("error: host: host names are off") >= 0);
            rig.Type("set dns on");
            Assert.IsTrue(rig.Type("set host pos.example.com:5800").IndexOf("host = pos.example.com:5800") >= 0);
            Assert.IsTrue(rig.Type("set dns off").IndexOf("error: dns: a host is given by name") >= 0);
        }

        [TestMethod]
        public void Set_Profile_AlsoShowsTheFramingItBrings()
        {
            TechnicianRig rig = Rig();
            string o = rig.Type("set profile iso87ascii");
            Assert.IsTrue(o.IndexOf("  also security = dukpt-tdes") >= 0, o);
            Assert.IsTrue(o.IndexOf("  also tpdu = ") >= 0, o);
        }

        [TestMethod]
        // addresses
        [DataRow("set host 01.2.3.4:5800")]
        [DataRow("set host 1.02.3.4:5800")]
        [DataRow("set host 1.2.3.004:5800")]
        [DataRow("set host 0.0.0.0:5800")]
        [DataRow("set host 255.255.255.255:5800")]
        [DataRow("set host 256.1.1.1:5800")]
        [DataRow("set host 1.2.3:5800")]
        [DataRow("set host 1.2.3.4.5:5800")]
        [DataRow("set host 1..3.4:5800")]
        [DataRow("set host 224.0.0.1:5800")]
        [DataRow("set backup1 240.1.2.3:5800")]
        [DataRow("set host pos.example.com:5800")]
        [DataRow("set host -bad-.example:5800")]
        [DataRow("set host none")]
        // ports
        [DataRow("set host 1.2.3.4")]
        [DataRow("set host 1.2.3.4:")]
        [DataRow("set host :5800")]
        [DataRow("set host 1.2.3.4:0")]
        [DataRow("set host 1.2.3.4:65536")]
        [DataRow("set host 1.2.3.4:-1")]
        [DataRow("set host 1.2.3.4:x")]
        [DataRow("set backup2 1.2.3.4:99999999999")]
        // timeouts and numbers
        [DataRow("set connect-timeout 0")]
        [DataRow("set connect-timeout 61")]
        [DataRow("set connect-timeout -1")]
        [DataRow("set connect-timeout x")]
        [DataRow("set connect-timeout 10s")]
        [DataRow("set connect-timeout 99999999999")]
        [DataRow("set response-timeout 4")]
        [DataRow("set response-timeout 121")]
        [DataRow("set echo-interval 9")]
        [DataRow("set echo-interval 3601")]
        [DataRow("set reversal-retries 10")]
        [DataRow("set reversal-retries -1")]
        // words
        [DataRow("set connection sometimes")]
        [DataRow("set connection KEPT")]
        [DataRow("set tls yes")]
        [DataRow("set dns 1")]
        [DataRow("set profile visa")]
        [DataRow("set security dukpt-tdes")]
        [DataRow("set security none")]
        // hex
        [DataRow("set tpdu 600003000")]
        [DataRow("set tpdu 600003000000")]
        [DataRow("set tpdu 7000030000")]
        [DataRow("set tpdu 60000300GG")]
        [DataRow("set tpdu 60")]
        [DataRow("set header 6031000")]
        [DataRow("set header zz")]
        [DataRow("set header 000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20")]
        // ids, names, currency
        [DataRow("set tid 8888000")]
        [DataRow("set tid 888800011")]
        [DataRow("set tid 8888-001")]
        [DataRow("set tid 8888_001")]
        [DataRow("set mid 89831004899000")]
        [DataRow("set mid 8983100489900011")]
        [DataRow("set mid 898310048990_01")]
        [DataRow("set merchant-name 12345678901234567890123456789012345678901")]
        [DataRow("set currency 15")]
        [DataRow("set currency 999")]
        [DataRow("set currency abc")]
        [DataRow("set currency 1560")]
        // unknown and protected fields, missing and extra arguments
        [DataRow("set colour blue")]
        [DataRow("set backup4 1.2.3.4:5800")]
        [DataRow("set technician-password secret")]
        [DataRow("set supervisor-must-change off")]
        [DataRow("set")]
        [DataRow("set host")]
        [DataRow("set tid")]
        [DataRow("set tid 88880001 extra")]
        [DataRow("set host 1.2.3.4:5800 1.2.3.5:5800")]
        // other commands with wrong arguments, unknown commands
        [DataRow("save now")]
        [DataRow("revert all")]
        [DataRow("pending x")]
        [DataRow("show")]
        [DataRow("show everything")]
        [DataRow("show config extra")]
        [DataRow("link")]
        [DataRow("link run")]
        [DataRow("sign-on now")]
        [DataRow("reboot now")]
        [DataRow("key-load tmk 2")]
        [DataRow("factory-reset")]
        [DataRow("format-flash")]
        // control characters: backspaces eat the value, NUL and bell are ignored
        [DataRow("set tid 8888\b\b\b\b")]
        [DataRow("set tid 8888\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F")]
        [DataRow("set tid 8888\x00\x07 0001")]
        public void BadInput_ErrorLine_NothingChanged(string command)
        {
            TechnicianRig rig = Rig();
            string before = rig.Snapshot();
            string o = rig.Type(command);
            Assert.IsTrue(o.IndexOf("error: ") >= 0, command + " -> " + o);
            Assert.AreEqual(before, rig.Snapshot(), command);
            Assert.AreEqual(0, rig.System.Reboots);
            Assert.IsTrue(o.EndsWith("tech> "), o);                            // the console is still there
        }

        [TestMethod]
        public void VeryLongLines_Truncated_RefusedWithNothingChanged()
        {
            TechnicianRig rig = Rig();
            string name = "set merchant-name ";
            string port = "set host 1.2.3.4:5800";
            for (int i = 0; i < 300; i++)
            {
                name += "A";
                port += "0";
            }
            string[] lines = { name, port };
            for (int i = 0; i < lines.Length; i++)
            {
                string before = rig.Snapshot();
                string o = rig.Type(lines[i]);
                Assert.IsTrue(o.IndexOf("\x07") >= 0, "no bell for the overlong line");
                Assert.IsTrue(o.IndexOf("error: ") >= 0, o);
                Assert.AreEqual(before, rig.Snapshot());
            }
        }

        [TestMethod]
        public void CtrlCAndCtrlU_DropTheLine_NothingChanged()
        {
            TechnicianRig rig = Rig();
            string before = rig.Snapshot();
            rig.Type("set tid 88880002\x03");
            rig.Type("set tid 88880002\x15");
            Assert.AreEqual(before, rig.Snapshot());
        }

        [TestMethod]
        public void ShowConfig_EveryFieldOnce_StagedMarked_HashesOnlySetOrNot()
        {
            TechnicianRig rig = Rig();
            string o = rig.Type("show config");
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                string name = ConfigFields.Name(ConfigFields.At(i));
                int at = o.IndexOf(" " + name + " ");
                Assert.IsTrue(at >= 0, name);
            }
            Assert.IsTrue(o.IndexOf("* merchant-name") >= 0, o);
            Assert.IsTrue(o.IndexOf("STAGED SHOP   (unsaved; in force: (not set))") >= 0, o);
            Assert.IsTrue(o.IndexOf("  host                    192.168.1.10:5800\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("  technician-password     set\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("  supervisor-password     not set\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("1 unsaved change(s)") >= 0, o);
            byte[] hash = new byte[64];
            int n = rig.Boot.Config.Current.CopyPasswordHash(PasswordSlot.Technician, hash, 0);
            Assert.IsTrue(o.IndexOf(PosTerminal.Util.Hex.Encode(hash, 0, n)) < 0);
        }

        [TestMethod]
        public void PendingAndRevert()
        {
            TechnicianRig rig = Rig();
            rig.Type("set tid 88880002");
            string p = rig.Type("pending");
            Assert.IsTrue(p.IndexOf("  tid                     88880001 -> 88880002\r\n") >= 0, p);
            Assert.IsTrue(p.IndexOf("  merchant-name           (not set) -> STAGED SHOP\r\n") >= 0, p);
            Assert.IsTrue(p.IndexOf("2 unsaved change(s)") >= 0, p);
            string shown = rig.Type("show pending");
            Assert.AreEqual(p.Substring(p.IndexOf("\r\n")), shown.Substring(shown.IndexOf("\r\n")));   // same but for the echoed command
            Assert.IsTrue(rig.Type("revert").IndexOf("2 unsaved change(s) dropped") >= 0);
            Assert.IsTrue(rig.Type("pending").IndexOf("no unsaved changes") >= 0);
            Assert.IsTrue(rig.Type("save").IndexOf("nothing to save") >= 0);
            Assert.AreEqual("88880001", rig.Boot.Config.Current.TerminalId);
        }
    }
}
