#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Hal;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// The terminal's console end to end over <see cref="Boot.Start"/>: a fresh device that is not configured, the forced
    /// password change, set/save/reboot keeping the values, the boot warnings, save during a sale, link test, sign-on,
    /// status, reboot and factory reset.
    /// </summary>
    [TestClass]
    public class TechnicianConsoleTests
    {
        [TestMethod]
        public void Boot_EmptyStore_NotConfigured_SaleRefusedWithoutConnecting()
        {
            TechnicianRig rig = TechnicianRig.Fresh();
            Assert.AreEqual((int)ConfigLoadStatus.DefaultsMissing, (int)rig.Boot.Load.Status);
            Assert.IsFalse(rig.Boot.Configured);
            TxnOutcome o;
            using (CardData card = TechnicianRig.Card()) o = rig.Boot.Terminal.Sale(card, 100);
            Assert.AreEqual((int)TxnResult.Refused, (int)o.Result);
            Assert.AreEqual((int)RefusalReason.NotConfigured, (int)o.Refusal);
            Assert.AreEqual(0, o.Stan);
            Assert.AreEqual("NOT CONFIGURED - CALL TECHNICIAN", Receipt.ResultText(o));      // what the sale loops print
            Assert.AreEqual(0, rig.Boot.Terminal.LinkTest().Length);
            Assert.AreEqual((int)SignOnResult.NotConfigured, (int)rig.Boot.Terminal.SignOn().Result);
            Assert.AreEqual((int)KeepAliveStatus.Off, (int)rig.Boot.Terminal.KeepAlive());
            Assert.AreEqual(0, rig.Connector.Attempts.Count);
            Assert.AreEqual(0, rig.Boot.Terminal.Counters.Stan);               // no trace number used
            Assert.IsTrue(object.ReferenceEquals(o, rig.Boot.Terminal.LastTransaction));
            // the console works, and says why
            Assert.IsTrue(rig.Banner.IndexOf("warning: no configuration saved yet: factory defaults in use") >= 0);
            Assert.IsTrue(rig.Banner.IndexOf("warning: terminal not configured") >= 0);
            Assert.IsTrue(rig.Banner.EndsWith("login: "));
        }

        [TestMethod]
        public void FreshBoot_ForcedPasswordChange_SetSave_NewBootSeesValues()
        {
            TechnicianRig rig = TechnicianRig.Fresh();
            // the factory password alone does not log in: the dialog asks for a new one (here: nothing typed, idle out)
            string refused = rig.Type("tech", TechnicianRig.FactoryPassword);
            Assert.IsTrue(refused.IndexOf("the technician password must be changed now") >= 0);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Tech.Session.Role);
            Assert.IsTrue(refused.EndsWith("login: "));
            string changed = rig.Type("tech", TechnicianRig.FactoryPassword, TechnicianRig.TechPassword, TechnicianRig.TechPassword);
            Assert.IsTrue(changed.IndexOf("password changed") >= 0);
            Assert.IsTrue(changed.IndexOf("warning: no configuration saved yet") >= 0);   // shown at login too
            Assert.AreEqual((int)ConsoleRole.Technician, (int)rig.Tech.Session.Role);
            Assert.IsTrue(rig.Boot.Config.Current.PasswordHashLength(PasswordSlot.Technician) > 0);
            Assert.IsFalse(rig.Boot.Config.Current.MustChangePassword(PasswordSlot.Technician));

            string set = rig.Type("set host 192.168.1.10:5800", "set backup2 10.1.2.3:6000", "set tid 88880001",
                "set mid 898310048990001", "set response-timeout 30", "set merchant-name CORNER SHOP 7");
            Assert.IsTrue(set.IndexOf("error") < 0, set);
            Assert.IsFalse(rig.Boot.Terminal.IsConfigured);                    // staged only
            string save = rig.Type("save");
            Assert.IsTrue(save.IndexOf("saved 6 change(s); they apply from the next transaction") >= 0, save);
            Assert.IsTrue(rig.Boot.Terminal.IsConfigured);
            Assert.AreEqual("88880001", rig.Boot.Terminal.Settings.TerminalId);

            rig.Restart();
            Assert.AreEqual((int)ConfigLoadStatus.Loaded, (int)rig.Boot.Load.Status);
            Assert.IsTrue(rig.Boot.Configured);
            Assert.AreEqual(TechConsoleBanner(), rig.Banner);                  // no warning now
            TerminalSettings s = rig.Boot.Terminal.Settings;
            Assert.AreEqual("192.168.1.10:5800", s.Link.Host(0).ToString());
            Assert.AreEqual("10.1.2.3:6000", s.Link.Host(1).ToString());
            Assert.AreEqual(30000, s.Link.ResponseTimeoutMs);
            Assert.AreEqual("898310048990001", s.MerchantId);
            Assert.AreEqual("CORNER SHOP 7", s.MerchantName);
            // the new password works and no change is asked for
            string again = rig.Type("tech", TechnicianRig.TechPassword);
            Assert.IsTrue(again.IndexOf("must be changed") < 0);
            Assert.IsTrue(again.EndsWith("tech> "));
        }

        private static string TechConsoleBanner()
        {
            return TechnicianConsole.Title + "\r\nlogin: ";
        }

        [TestMethod]
        public void SaveCutByPowerLoss_NextBootWarnsOtherCopy()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.Type("set tid 88880002");
            rig.Store.CutAfterBytes = 20;                                       // the next write stops after 20 bytes
            string save = rig.Type("save");
            Assert.IsTrue(save.IndexOf("error: the configuration could not be written; nothing changed") >= 0, save);
            Assert.AreEqual("88880001", rig.Boot.Terminal.Settings.TerminalId);
            rig.Restart();
            Assert.AreEqual((int)ConfigLoadStatus.LoadedOtherCopy, (int)rig.Boot.Load.Status);
            Assert.AreEqual("88880001", rig.Boot.Terminal.Settings.TerminalId);
            Assert.IsTrue(rig.Banner.IndexOf("warning: configuration loaded from its other copy (the newest copy is damaged") >= 0, rig.Banner);
            string login = rig.Type("tech", TechnicianRig.TechPassword);
            Assert.IsTrue(login.IndexOf("warning: configuration loaded from its other copy") >= 0, login);
            Assert.IsTrue(rig.Type("show status").IndexOf("configuration: configuration loaded from its other copy") >= 0);
        }

        [TestMethod]
        public void SaveDuringSale_AppliesToTheNextSaleOnly()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.PutWorkingKeys();
            // no MAC on the first sale: approved, so no reversal (A0) goes out before the second one
            rig.Boot.Terminal.Settings = rig.Boot.Terminal.Settings.WithSecurity(NoSecurity.For(AcquirerProfile.Cup));
            ScriptedLink first = new ScriptedLink(rig.Clock);
            FakeHost host = new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, rig.Clock), AcquirerProfile.Cup.Spec);
            string savedDuringSale = null;
            first.OnWrite = delegate (ScriptedLink l, byte[] written, int length)
            {
                IsoMessage rq = host.Decode(written, length);
                // the technician changes the terminal id and saves while this request is on the wire
                savedDuringSale = rig.Type("set tid 88880002", "save");
                l.Enqueue(host.Answer(rq, "00", 10, null));
            };
            rig.Connector.Accept("192.168.1.10", 5800, first);
            FakeHost second = rig.NewHost();
            rig.Connector.Accept("192.168.1.10", 5800, rig.AnsweringLink("00", second));
            using (CardData card = TechnicianRig.Card()) rig.Boot.Terminal.Sale(card, 100);
            Assert.IsTrue(savedDuringSale.IndexOf("saved 1 change(s)") >= 0, savedDuringSale);
            Assert.AreEqual("88880001", host.LastRequest.GetString(IsoField.TerminalId));   // the sale in progress kept its id
            Assert.AreEqual("88880002", rig.Boot.Terminal.Settings.TerminalId);
            using (CardData card = TechnicianRig.Card()) rig.Boot.Terminal.Sale(card, 200);
            Assert.AreEqual(2, rig.Connector.Attempts.Count);
            Assert.AreEqual(1, host.Requests);
            Assert.AreEqual(1, second.Requests);
            Assert.AreEqual("88880002", second.LastRequest.GetString(IsoField.TerminalId));   // the next sale has the new id
        }

        [TestMethod]
        public void LinkTest_EachHostReported_WithWhoAnswered()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.Type("set backup1 192.168.1.11:5800", "set backup3 192.168.1.13:5801", "save");
            rig.Connector.Fail("192.168.1.10", 5800, LinkStatus.Refused);
            rig.Connector.Accept("192.168.1.11", 5800, rig.AnsweringLink("00", rig.NewHost()));
            string o = rig.Type("link test");
            Assert.IsTrue(o.IndexOf("testing 3 host(s)...") >= 0, o);
            Assert.IsTrue(o.IndexOf("  primary 192.168.1.10:5800: not connected: connection refused\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("  backup1 192.168.1.11:5800: ok, answered in ") >= 0, o);
            Assert.IsTrue(o.IndexOf("  backup3 192.168.1.13:5801: not connected: host unreachable\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("answered by backup1 192.168.1.11:5800 in ") >= 0, o);
            Assert.IsTrue(o.IndexOf("error") < 0, o);
            string status = rig.Type("show status");
            Assert.IsTrue(status.IndexOf("last link test (2026-11-27 ") >= 0, status);
            Assert.IsTrue(status.IndexOf("answered by backup1") >= 0, status);
        }

        [TestMethod]
        public void LinkTest_NobodyAnswers_Error_AndDeclineShowsRc()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.Type("set backup1 192.168.1.11:5800", "save");
            rig.Connector.Fail("192.168.1.10", 5800, LinkStatus.Timeout);
            rig.Connector.Accept("192.168.1.11", 5800, rig.AnsweringLink("96", rig.NewHost()));
            string o = rig.Type("link test");
            Assert.IsTrue(o.IndexOf("primary 192.168.1.10:5800: not connected: connect timed out") >= 0, o);
            Assert.IsTrue(o.IndexOf("backup1 192.168.1.11:5800: answered in ") >= 0 && o.IndexOf("declined, rc 96") >= 0, o);
            Assert.IsTrue(o.IndexOf("error: no host answered the echo test") >= 0, o);
        }

        [TestMethod]
        public void LinkTestAndSignOn_NotConfigured_Refused()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Technician);
            Assert.IsTrue(rig.Type("link test").IndexOf("error: not configured: set host, tid and mid, then save") >= 0);
            Assert.IsTrue(rig.Type("sign-on").IndexOf("error: not configured") >= 0);
            Assert.AreEqual(0, rig.Connector.Attempts.Count);
        }

        [TestMethod]
        public void LinkTest_WaitsForTheTransactionInProgress()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.PutWorkingKeys();
            HeldSale sale = rig.StartHeldSale(rig.AnsweringLink("00", rig.NewHost()));
            string[] output = new string[1];
            System.Threading.Thread console = rig.TypeOnThread(output, "link test");
            System.Threading.Thread.Sleep(300);                                // the console thread is now waiting on the terminal
            Assert.AreEqual(1, rig.Connector.Attempts.Count);                  // the link test has not connected
            sale.Release.Set();
            Assert.IsTrue(sale.Thread.Join(5000));
            Assert.IsTrue(console.Join(5000));
            Assert.AreEqual(1, sale.AttemptsAtRelease);                        // nothing interleaved with the sale
            Assert.AreEqual(2, rig.Connector.Attempts.Count);
            Assert.IsTrue(output[0].IndexOf("primary 192.168.1.10:5800: ok, answered in ") >= 0, output[0]);
        }

        [TestMethod]
        public void KeyLoad_StoresOnlyAfterTheTransactionInProgress()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Supervisor);
            rig.PutWorkingKeys();
            HeldSale sale = rig.StartHeldSale();
            string[] output = new string[1];
            System.Threading.Thread console = rig.TypeOnThread(output, "key-load tmk 2", "0123456789ABCDEFFEDCBA9876543210",
                "6BE1D79D289A96A27B56093BA181A12A", "AF8C07");
            System.Threading.Thread.Sleep(300);
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MasterKey));   // not while the sale runs
            Assert.IsTrue(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MacKey));       // its keys untouched
            sale.Release.Set();
            Assert.IsTrue(sale.Thread.Join(5000));
            Assert.IsTrue(console.Join(5000));
            Assert.IsFalse(sale.KeysAtRelease);
            Assert.IsTrue(output[0].IndexOf("master key loaded, KCV AF8C07") >= 0, output[0]);
            Assert.AreEqual("AF8C07", rig.Boot.Terminal.Keys.Get(PosTerminal.Security.KeySlot.MasterKey).CheckValue);
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MacKey));      // replaced after the sale
            Assert.AreEqual((int)TxnResult.MacFailed, (int)sale.Outcome.Result);                 // the fake host sends no MAC
        }

        [TestMethod]
        public void ShowStatus_LastTransactionMaskedCountersAndLink()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Technician);
            rig.PutWorkingKeys();
            rig.Connector.Fail("192.168.1.10", 5800, LinkStatus.Refused);
            using (CardData card = TechnicianRig.Card()) rig.Boot.Terminal.Sale(card, 12345);
            string o = rig.Type("show status");
            Assert.IsTrue(o.IndexOf("configuration: saved since boot (at boot: no configuration saved yet: factory defaults in use)") >= 0, o);
            Assert.IsTrue(o.IndexOf("terminal: configured, profile cup, tid 88880001") >= 0, o);
            Assert.IsTrue(o.IndexOf("link: a connection per transaction (none held now)") >= 0, o);
            Assert.IsTrue(o.IndexOf("last transaction: SALE, 621226*********6782, amount 12345 (minor units), not sent, stan 000001\r\n") >= 0, o);
            Assert.IsTrue(o.IndexOf("6212260000123456782") < 0, o);          // never the full PAN
            Assert.IsTrue(o.IndexOf("counters: last stan 000001, next stan 000002, batch 000001") >= 0, o);
            Assert.IsTrue(o.IndexOf("last keep-alive echo: none") >= 0, o);
        }

        [TestMethod]
        public void SetStanAndBatch_ApplyAtOnce_BadValuesRefused()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Technician);
            Assert.IsTrue(rig.Type("set stan 500").IndexOf("next stan 000500") >= 0);
            Assert.AreEqual(500, rig.Boot.Terminal.Counters.UpcomingStan);
            Assert.IsTrue(rig.Type("set batch 42").IndexOf("batch 000042") >= 0);
            Assert.AreEqual(42, rig.Boot.Terminal.Counters.Batch);
            string[] bad = { "set stan 0", "set stan 1000000", "set stan -1", "set stan x", "set batch 0", "set batch 12a", "set stan 1 2", "set batch" };
            for (int i = 0; i < bad.Length; i++)
            {
                string before = rig.Snapshot();
                string o = rig.Type(bad[i]);
                Assert.IsTrue(o.IndexOf("error: ") >= 0, bad[i] + " -> " + o);
                Assert.AreEqual(before, rig.Snapshot(), bad[i]);
            }
        }

        [TestMethod]
        public void Reboot_CallsSystem_AsksFirstWithUnsavedChanges()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Technician);
            rig.Type("set tid 88880001");
            string asked = rig.Type("reboot", "no");
            Assert.IsTrue(asked.IndexOf("1 unsaved change(s) will be lost; type yes to reboot: ") >= 0, asked);
            Assert.IsTrue(asked.IndexOf("reboot cancelled") >= 0);
            Assert.AreEqual(0, rig.System.Reboots);
            string done = rig.Type("revert", "reboot");
            Assert.IsTrue(done.IndexOf("rebooting") >= 0, done);
            Assert.AreEqual(1, rig.System.Reboots);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Tech.Session.Role);
        }

        [TestMethod]
        public void FactoryReset_Supervisor_ErasesConfigPasswordsKeys_ThenReboots()
        {
            TechnicianRig rig = TechnicianRig.Configured(ConsoleRole.Supervisor);
            rig.PutWorkingKeys();
            Assert.IsTrue(rig.Type("passwd technician", "tech-pass9", "tech-pass9").IndexOf("technician password set") >= 0);
            Assert.IsTrue(rig.Boot.Config.Current.PasswordHashLength(PasswordSlot.Technician) > 0);
            string cancelled = rig.Type("factory-reset", "no");
            Assert.IsTrue(cancelled.IndexOf("factory reset cancelled; nothing changed") >= 0, cancelled);
            Assert.IsTrue(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MacKey));
            Assert.AreEqual(0, rig.System.Reboots);

            string done = rig.Type("factory-reset", "erase");
            Assert.IsTrue(done.IndexOf("factory reset done; rebooting") >= 0, done);
            Assert.AreEqual(1, rig.System.Reboots);
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MacKey));
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.PinKey));
            Assert.IsFalse(rig.Boot.Terminal.IsConfigured);

            rig.Restart();
            Assert.IsFalse(rig.Boot.Configured);
            Assert.IsNull(rig.Boot.Config.Current.Host(0));
            Assert.IsFalse(rig.Boot.Terminal.Keys.Has(PosTerminal.Security.KeySlot.MacKey));
            Assert.AreEqual(0, rig.Boot.Config.Current.PasswordHashLength(PasswordSlot.Supervisor));
            Assert.AreEqual(0, rig.Boot.Config.Current.PasswordHashLength(PasswordSlot.Technician));
            // the factory password is back, and must be changed
            Assert.IsTrue(rig.Type("super", TechnicianRig.FactoryPassword).IndexOf("must be changed now") >= 0);
        }

        [TestMethod]
        public void Help_EveryCommandHasUsageAndDetails()
        {
            TechnicianRig rig = TechnicianRig.LoggedIn(ConsoleRole.Supervisor);
            string[] names = { "show", "set", "pending", "save", "revert", "link", "sign-on", "key-load", "factory-reset", "reboot" };
            string list = rig.Type("help");
            for (int i = 0; i < names.Length; i++)
            {
                Assert.IsTrue(list.IndexOf("  " + names[i]) >= 0, names[i]);
                string h = rig.Type("help " + names[i]);
                Assert.IsTrue(h.IndexOf("usage: " + names[i]) >= 0, h);
                Assert.IsTrue(h.IndexOf("error") < 0, h);
            }
            string set = rig.Type("help set");
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                bool settable = !ConfigFields.IsSecret(f) && f != ConfigField.TechnicianMustChange && f != ConfigField.SupervisorMustChange;
                Assert.AreEqual(settable, set.IndexOf("\r\n  " + ConfigFields.Name(f) + " ") >= 0, ConfigFields.Name(f));
            }
        }
    }
}
