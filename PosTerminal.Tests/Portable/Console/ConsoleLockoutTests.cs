#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Storage;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// Wrong passwords lock the console (5 in a row over all roles: 30 s, doubling, at most 15 min), the count survives
    /// a reboot and is written before a password is checked; an idle session is logged out.
    /// </summary>
    [TestClass]
    public class ConsoleLockoutTests
    {
        private const string Locked30 = "error: too many wrong passwords: console locked for 30 s\r\n";

        private static void Fail(ConsoleRig rig, int times)
        {
            for (int i = 0; i < times; i++) rig.Login(i % 2 == 0 ? "tech" : "super", "wrong-" + i.ToString());
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(4, 0)]
        [DataRow(5, 30000)]
        [DataRow(6, 60000)]
        [DataRow(7, 120000)]
        [DataRow(8, 240000)]
        [DataRow(9, 480000)]
        [DataRow(10, 900000)]         // 960 s capped at 15 min
        [DataRow(11, 900000)]
        [DataRow(65535, 900000)]
        public void LockoutMs_Schedule(int failures, int ms)
        {
            LoginGuard guard = new LoginGuard(new RecordStore(new MemoryStore()), new ManualClock(), new ConsoleSettings());
            Assert.AreEqual((long)ms, guard.LockoutMs(failures));
        }

        [TestMethod]
        public void FiveWrongPasswordsAcrossRoles_Locked30s_ThenAllowedAgain()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 4);
            Assert.IsFalse(rig.Session.Guard.IsLocked);
            Assert.AreEqual("tech\r\npassword: \r\nerror: login incorrect\r\n" + Locked30 + "login: ", rig.Login("tech", "nope-5"));
            Assert.IsTrue(rig.Session.Guard.IsLocked);

            // while locked, a login name is refused before any password is asked (the right one would not help)
            rig.Clock.Advance(29000);
            Assert.AreEqual("tech\r\nerror: too many wrong passwords: console locked for 1 s\r\nlogin: ", rig.Type("tech"));
            Assert.AreEqual("tech-pass1\r\nerror: too many wrong passwords: console locked for 1 s\r\nlogin: ", rig.Type(ConsoleRig.TechPassword));
            Assert.AreEqual(5, rig.Session.Guard.Failures);

            rig.Clock.Advance(1000);
            Assert.IsFalse(rig.Session.Guard.IsLocked);
            Assert.IsTrue(rig.Login("super", ConsoleRig.SuperPassword).EndsWith("super> "));
            Assert.AreEqual(0, rig.Session.Guard.Failures);
        }

        [TestMethod]
        public void FurtherWrongPasswords_LockoutDoublesUpToTheCap()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 5);
            long[] expected = { 60, 120, 240, 480, 900, 900 };
            for (int i = 0; i < expected.Length; i++)
            {
                rig.Clock.Advance((int)rig.Session.Guard.RemainingMs);       // wait the lockout out
                string output = rig.Login("tech", "still-wrong");
                Assert.IsTrue(output.EndsWith("error: too many wrong passwords: console locked for " + expected[i].ToString() + " s\r\nlogin: "), output);
                Assert.AreEqual(expected[i] * 1000, rig.Session.Guard.RemainingMs);
            }
            Assert.AreEqual(11, rig.Session.Guard.Failures);
        }

        [TestMethod]
        public void RightPassword_ResetsTheCount()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 4);
            rig.Login("tech", ConsoleRig.TechPassword);
            rig.Type("logout");
            Fail(rig, 4);
            Assert.IsFalse(rig.Session.Guard.IsLocked);
            Assert.AreEqual(4, rig.Session.Guard.Failures);
        }

        [TestMethod]
        public void Lockout_SurvivesARestart_AndARestartDoesNotResetTheCount()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 5);
            rig.Restart();                                                   // power cycle: the clock starts again at 0
            Assert.IsTrue(rig.Session.Guard.IsLocked);
            Assert.AreEqual(30000L, rig.Session.Guard.RemainingMs);          // the whole lockout again, from boot
            Assert.AreEqual("tech\r\n" + Locked30 + "login: ", rig.Type("tech"));
            rig.Clock.Advance(30000);
            Assert.IsTrue(rig.Login("tech", "wrong").EndsWith("locked for 60 s\r\nlogin: "));

            ConsoleRig other = ConsoleRig.WithPasswords();
            Fail(other, 4);
            other.Restart();
            Assert.IsFalse(other.Session.Guard.IsLocked);
            Assert.AreEqual(4, other.Session.Guard.Failures);
            Assert.IsTrue(other.Login("super", "wrong").EndsWith(Locked30 + "login: "));
        }

        [TestMethod]
        public void Attempt_CountedBeforeThePasswordIsChecked_ACrashMidCheckStillCosts()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.Passwords.ThrowOnRead = true;                                // the check never finishes
            rig.Line.Send("tech\r");
            rig.Line.Send(ConsoleRig.TechPassword + "\r");
            rig.Session.Poll(0);
            Expect.Throws(typeof(InvalidOperationException), delegate { rig.Session.Poll(0); });
            rig.Passwords.ThrowOnRead = false;
            rig.Restart();
            Assert.AreEqual(1, rig.Session.Guard.Failures);
            Assert.IsTrue(rig.Login("tech", ConsoleRig.TechPassword).EndsWith("tech> "));
            rig.Restart();
            Assert.AreEqual(0, rig.Session.Guard.Failures);
        }

        [TestMethod]
        public void Lockout_RecordIsNamedConsoleLock_AndPowerCutSafe()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 3);
            rig.Store.CutAfterBytes = 5;                                     // the next save is cut short
            rig.Login("tech", "wrong");
            RecordStore records = new RecordStore(rig.Store);
            byte[] payload = new byte[4];
            int version;
            Assert.AreEqual(2, records.Load(LoginGuard.RecordName, payload, 0, out version));
            Assert.AreEqual("console-lock", LoginGuard.RecordName);
            Assert.AreEqual(3, (int)payload[1]);                                // the old count survived the cut
            Assert.AreEqual(4, rig.Session.Guard.Failures);                  // RAM still counts the attempt
        }

        [TestMethod]
        public void PasswdWithWrongCurrentPassword_Counted_LockLogsTheSessionOut()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            Fail(rig, 4);
            rig.Login("tech", ConsoleRig.TechPassword);
            string output = rig.Type("passwd", "not-mine");
            Assert.IsTrue(output.EndsWith("current password: \r\nerror: wrong password\r\ntech> "), output);
            Assert.AreEqual(1, rig.Session.Guard.Failures);
            for (int i = 0; i < 3; i++) rig.Type("passwd", "not-mine");
            output = rig.Type("passwd", "not-mine");
            Assert.IsTrue(output.EndsWith("error: wrong password\r\n" + Locked30 + "logged out\r\nlogin: "), output);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
        }

        [TestMethod]
        public void Idle_FiveMinutesWithoutInput_LoggedOut()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.Login("tech", ConsoleRig.TechPassword);
            rig.Idle(299000);
            Assert.AreEqual((int)ConsoleRole.Technician, (int)rig.Session.Role);
            Assert.AreEqual("", rig.Line.TakeOutput());
            rig.Idle(1000);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
            Assert.AreEqual("\r\nidle timeout: logged out\r\nlogin: ", rig.Line.TakeOutput());
        }

        [TestMethod]
        public void Idle_AnyKeystrokeRestartsTheTimer_PartialLineDropped()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.Settings.IdleLogoutMs = 60000;                               // configurable, read at each poll
            rig.Login("super", ConsoleRig.SuperPassword);
            rig.Idle(50000);
            rig.Line.Send("sta");                                            // typing, not finished
            rig.Idle(59000);
            Assert.AreEqual((int)ConsoleRole.Supervisor, (int)rig.Session.Role);
            rig.Idle(1000);
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
            Assert.AreEqual("sta\r\nidle timeout: logged out\r\nlogin: ", rig.Line.TakeOutput());
            Assert.AreEqual("tus\r\npassword: ", rig.Type("tus"));           // the dropped start does not come back
        }

        [TestMethod]
        public void Idle_PasswordPromptAbandoned_BackToLogin_NothingCounted()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            rig.Type("tech");
            rig.Line.TakeOutput();
            rig.Idle(300000);
            Assert.AreEqual("\r\nlogin: ", rig.Line.TakeOutput());
            Assert.AreEqual(0, rig.Session.Guard.Failures);
            rig.Idle(600000);                                                // the login prompt itself never times out
            Assert.AreEqual("", rig.Line.TakeOutput());
        }
    }
}
