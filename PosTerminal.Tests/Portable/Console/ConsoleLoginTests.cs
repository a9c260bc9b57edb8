#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Crypto;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// Logging in to the console: right and wrong passwords per role, the forced change of a factory or reset password
    /// (mismatched, too short, unchanged), passwords never echoed or stored in clear.
    /// </summary>
    [TestClass]
    public class ConsoleLoginTests
    {
        [TestMethod]
        public void Login_Technician_ExactTranscript()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Assert.AreEqual(
                "tech\r\n"
                + "password: \r\n"
                + "logged in as technician (help lists the commands)\r\n"
                + "tech> ",
                rig.Login("tech", ConsoleRig.TechPassword));
            Assert.AreEqual((int)ConsoleRole.Technician, (int)rig.Session.Role);
            Assert.AreEqual("whoami\r\ntechnician\r\ntech> ", rig.Type("whoami"));
        }

        [TestMethod]
        public void Start_PrintsBannerAndLoginPrompt()
        {
            ManualClock clock = new ManualClock();
            ScriptedSerialLine line = new ScriptedSerialLine(clock);
            ConsoleSession session = new ConsoleSession(line, clock, new SeededRandom(1),
                new PosTerminal.Storage.RecordStore(new MemoryStore()), new MemoryPasswordStore(), new ConsoleSettings());
            Assert.AreEqual("", line.Output());                       // the constructor does no I/O
            session.Poll(0);
            Assert.AreEqual("PosTerminal technician console\r\nlogin: ", line.TakeOutput());
        }

        [TestMethod]
        [DataRow("tech", ConsoleRig.TechPassword, 1)]
        [DataRow("technician", ConsoleRig.TechPassword, 1)]
        [DataRow("TECH", ConsoleRig.TechPassword, 1)]
        [DataRow("super", ConsoleRig.SuperPassword, 2)]
        [DataRow("supervisor", ConsoleRig.SuperPassword, 2)]
        [DataRow("tech", ConsoleRig.SuperPassword, 0)]          // the other role's password
        [DataRow("super", ConsoleRig.TechPassword, 0)]
        [DataRow("tech", "tech-pass", 0)]                       // a prefix
        [DataRow("tech", "tech-pass12", 0)]                     // one character more
        [DataRow("tech", "TECH-PASS1", 0)]                      // passwords are case-sensitive
        [DataRow("tech", "", 0)]
        [DataRow("tech", "000000", 0)]                          // the factory password no longer works
        [DataRow("root", ConsoleRig.TechPassword, 0)]           // no such role: asked for a password all the same
        [DataRow("tech super", ConsoleRig.TechPassword, 0)]
        public void Login_PasswordTable(string name, string password, int role)
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            string output = rig.Login(name, password);
            Assert.AreEqual(role, (int)rig.Session.Role);
            if (role == 0)
            {
                Assert.AreEqual(name + "\r\npassword: \r\nerror: login incorrect\r\nlogin: ", output);
                Assert.AreEqual(1, rig.Session.Guard.Failures);
            }
            else
            {
                Assert.AreEqual(0, rig.Session.Guard.Failures);
                Assert.IsTrue(output.IndexOf("logged in as " + RoleNames.Name((ConsoleRole)role)) > 0);
            }
            if (password.Length > 0) Assert.AreEqual(-1, output.IndexOf(password));
        }

        [TestMethod]
        public void Login_CtrlCAtThePasswordPrompt_BackToLogin_NothingCounted()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.Line.Send("tech\r");
            rig.Line.Send("tech-p\u0003");
            rig.Pump();
            Assert.AreEqual("tech\r\npassword: ^C\r\nlogin: ", rig.Line.TakeOutput());
            Assert.AreEqual(0, rig.Session.Guard.Failures);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
        }

        [TestMethod]
        public void Login_FactoryPassword_MustBeChangedBeforeTheFirstPrompt()
        {
            ConsoleRig rig = ConsoleRig.Factory();
            Assert.AreEqual(
                "tech\r\n"
                + "password: \r\n"
                + "the technician password must be changed now\r\n"
                + "new password: \r\n"
                + "retype new password: \r\n"
                + "password changed\r\n"
                + "logged in as technician (help lists the commands)\r\n"
                + "tech> ",
                rig.Type("tech", "000000", "new-pass1", "new-pass1"));
            Assert.AreEqual((int)ConsoleRole.Technician, (int)rig.Session.Role);
            Assert.IsFalse(rig.Passwords.MustChange(ConsoleRole.Technician));
            byte[] blob = rig.Passwords.Blob(ConsoleRole.Technician);
            Assert.AreEqual(PasswordHash.EncodedLength, blob.Length);
            Assert.IsTrue(PasswordHash.Decode(blob, 0, blob.Length).Verify(Ascii.GetBytes("new-pass1"), 0, 9));
            Assert.IsNull(rig.Passwords.Blob(ConsoleRole.Supervisor));       // the other role is still factory

            // next time the new password works and the factory one does not
            Assert.IsTrue(rig.Type("logout").EndsWith("logged out\r\nlogin: "));
            Assert.IsTrue(rig.Login("tech", "000000").IndexOf("error: login incorrect") > 0);
            Assert.IsTrue(rig.Login("tech", "new-pass1").IndexOf("logged in as technician") > 0);
        }

        [TestMethod]
        [DataRow("abc", "", "error: password too short (at least 6 characters)")]
        [DataRow("abcde", "", "error: password too short (at least 6 characters)")]
        [DataRow("000000", "", "error: the new password must differ from the old one")]
        [DataRow("new-pass1", "new-pass2", "error: the passwords do not match")]
        [DataRow("new-pass1", "new-pass", "error: the passwords do not match")]
        [DataRow("new-pass1", "new-pass11", "error: the passwords do not match")]
        public void ForcedChange_RefusedPassword_AskedAgainUntilGood(string first, string retype, string error)
        {
            ConsoleRig rig = ConsoleRig.Factory();
            string output = retype.Length == 0
                ? rig.Type("super", "000000", first, "good-pass", "good-pass")
                : rig.Type("super", "000000", first, retype, "good-pass", "good-pass");
            string expected = (retype.Length == 0 ? "new password: \r\n" : "new password: \r\nretype new password: \r\n")
                + error + "\r\n"
                + "new password: \r\nretype new password: \r\npassword changed\r\n"
                + "logged in as supervisor (help lists the commands)\r\nsuper> ";
            Assert.IsTrue(output.EndsWith(expected), output);
            Assert.AreEqual(output.IndexOf("error: "), output.LastIndexOf("error: "));
            Assert.AreEqual((int)ConsoleRole.Supervisor, (int)rig.Session.Role);
            Assert.AreEqual(-1, output.IndexOf(first));
            byte[] blob = rig.Passwords.Blob(ConsoleRole.Supervisor);
            Assert.IsTrue(PasswordHash.Decode(blob, 0, blob.Length).Verify(Ascii.GetBytes("good-pass"), 0, 9));
        }

        [TestMethod]
        public void ForcedChange_CtrlC_BackToLogin_PasswordUnchanged()
        {
            ConsoleRig rig = ConsoleRig.Factory();
            rig.Line.Send("tech\r");
            rig.Line.Send("000000\r");
            rig.Line.Send("new-p\u0003");
            rig.Pump();
            Assert.IsTrue(rig.Line.TakeOutput().EndsWith("must be changed now\r\nnew password: ^C\r\nlogin: "));
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
            Assert.IsNull(rig.Passwords.Blob(ConsoleRole.Technician));
            Assert.IsTrue(rig.Type("tech", "000000", "\u0003").IndexOf("must be changed now") > 0);
        }

        [TestMethod]
        public void ForcedChange_NoAnswer_IdleTimeoutBackToLogin()
        {
            ConsoleRig rig = ConsoleRig.Factory();
            Assert.IsTrue(rig.Type("tech", "000000").EndsWith("new password: \r\nidle timeout\r\nlogin: "));
            Assert.AreEqual((long)rig.Settings.IdleLogoutMs, rig.Clock.MonotonicMs);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
        }

        [TestMethod]
        public void ForcedChange_ResetBySupervisor_OldResetPasswordRefused()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.SetPassword(ConsoleRole.Technician, "reset-123", true);
            string output = rig.Type("tech", "reset-123", "reset-123", "mine-456", "mine-456");
            Assert.IsTrue(output.IndexOf("must be changed now\r\nnew password: \r\nerror: the new password must differ from the old one\r\n") > 0, output);
            Assert.IsTrue(output.EndsWith("tech> "));
            Assert.IsFalse(rig.Passwords.MustChange(ConsoleRole.Technician));
        }

        [TestMethod]
        public void ForcedChange_StoreFails_ErrorAndAskedAgain()
        {
            ConsoleRig rig = ConsoleRig.Factory();
            rig.Passwords.FailWrites = true;
            string output = rig.Type("tech", "000000", "new-pass1", "new-pass1");
            Assert.IsTrue(output.EndsWith("error: the password could not be stored\r\nnew password: \r\nidle timeout\r\nlogin: "), output);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
        }

        [TestMethod]
        public void StoredBlobCorrupt_NoPasswordMatches_NotEvenTheFactoryOne()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            byte[] junk = new byte[PasswordHash.EncodedLength];
            junk[0] = 9;                                                     // an unknown format
            rig.Passwords.WritePassword(ConsoleRole.Technician, junk, 0, junk.Length, false);
            Assert.IsTrue(rig.Login("tech", ConsoleRig.TechPassword).EndsWith("error: login incorrect\r\nlogin: "));
            Assert.IsTrue(rig.Login("tech", "000000").EndsWith("error: login incorrect\r\nlogin: "));
            Assert.IsTrue(rig.Login("super", ConsoleRig.SuperPassword).EndsWith("super> "));
        }

        [TestMethod]
        public void Passwords_NeverEchoed_NeverStoredInClear()
        {
            ConsoleRig rig = ConsoleRig.Factory();
            string all = rig.Type("tech", "000000", "Sekr3t-pw", "Sekr3t-pw", "passwd", "Sekr3t-pw", "N3w-secret", "N3w-secret");
            Assert.IsTrue(all.IndexOf("password changed", all.IndexOf("passwd")) > 0, all);
            Assert.AreEqual(-1, all.IndexOf("Sekr3t"));
            Assert.AreEqual(-1, all.IndexOf("N3w-secret"));
            Assert.AreEqual(-1, all.IndexOf("000000"));
            byte[] blob = rig.Passwords.Blob(ConsoleRole.Technician);
            Assert.AreEqual(-1, Ascii.GetString(blob, 0, blob.Length).IndexOf("N3w"));
            Assert.AreEqual(-1, Ascii.GetString(rig.Store.AllBytes(), 0, rig.Store.AllBytes().Length).IndexOf("N3w"));
        }
    }
}
