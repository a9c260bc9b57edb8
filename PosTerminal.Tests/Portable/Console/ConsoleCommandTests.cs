#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using PosTerminal.Crypto;
using PosTerminal.TechConsole;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// The command framework: registration with a minimum role, help, argument splitting, error lines, a command's own
    /// prompts (line, password, cancel, idle), and the built-in whoami, logout/exit and passwd.
    /// </summary>
    [TestClass]
    public class ConsoleCommandTests
    {
        private static CommandStatus Echo(ConsoleSession session, string[] args)
        {
            string s = args.Length.ToString();
            for (int i = 0; i < args.Length; i++) s += "|" + args[i];
            session.WriteLine(s);
            return CommandStatus.Done;
        }

        private static CommandStatus Keys(ConsoleSession session, string[] args)
        {
            if (args.Length != 1 || args[0] != "list") return CommandStatus.Usage;
            session.WriteLine("TMK kcv 0B2A");
            return CommandStatus.Done;
        }

        private static CommandStatus Boom(ConsoleSession session, string[] args)
        {
            throw new InvalidOperationException("secret detail");
        }

        private static CommandStatus Ask(ConsoleSession session, string[] args)
        {
            string host;
            ConsoleInput r = session.ReadLine("host: ", out host);
            if (r == ConsoleInput.Ok) session.WriteLine("host is " + host);
            else if (r == ConsoleInput.Cancelled) session.Error("cancelled");
            return CommandStatus.Done;
        }

        private static CommandStatus Component(ConsoleSession session, string[] args)
        {
            byte[] secret = new byte[session.Settings.MaxLineLength];
            int length;
            ConsoleInput r = session.ReadPassword("component: ", secret, out length);
            if (r == ConsoleInput.Ok) session.WriteLine("got " + length.ToString() + " characters, kcv " + Hex.Encode(secret, 0, 2));
            Array.Clear(secret, 0, secret.Length);
            return CommandStatus.Done;
        }

        private static ConsoleRig Rig()
        {
            ConsoleRig rig = ConsoleRig.WithPasswords();
            CommandTable t = rig.Session.Commands;
            t.Add(new ConsoleCommand("echo", "echo [words]", "print the words back", ConsoleRole.Technician, Echo));
            t.Add(new ConsoleCommand("keys", "keys list", "list the keys (check values only)",
                "shows each key slot with its check value\nnever the key bytes", ConsoleRole.Supervisor, Keys));
            t.Add(new ConsoleCommand("boom", "boom", "fail", ConsoleRole.Technician, Boom));
            t.Add(new ConsoleCommand("ask", "ask", "ask a question", ConsoleRole.Technician, Ask));
            t.Add(new ConsoleCommand("component", "component", "read a secret", ConsoleRole.Technician, Component));
            return rig;
        }

        [TestMethod]
        public void Help_ListsTheCommandsOfTheRole_InOrder()
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual(
                "help\r\n"
                + "  help [command]           list the commands, or show one in detail\r\n"
                + "  whoami                   show the role logged in\r\n"
                + "  passwd [technician]      change your password\r\n"
                + "  logout                   end the session\r\n"
                + "  echo [words]             print the words back\r\n"
                + "  boom                     fail\r\n"
                + "  ask                      ask a question\r\n"
                + "  component                read a secret\r\n"
                + "tech> ",
                rig.Type("help"));
            rig.Type("logout");
            rig.Login("super", ConsoleRig.SuperPassword);
            string super = rig.Type("help");
            Assert.IsTrue(super.IndexOf("  keys list                list the keys (check values only)\r\n") > 0, super);
            Assert.IsTrue(super.EndsWith("super> "));
        }

        [TestMethod]
        public void HelpCommand_ShowsUsageSummaryDetailsAndAlias()
        {
            ConsoleRig rig = Rig();
            rig.Login("super", ConsoleRig.SuperPassword);
            Assert.AreEqual(
                "help keys\r\nusage: keys list\r\nlist the keys (check values only)\r\n"
                + "shows each key slot with its check value\r\nnever the key bytes\r\nsuper> ",
                rig.Type("help keys"));
            Assert.AreEqual("help EXIT\r\nusage: logout\r\nend the session\r\nalso: exit\r\nsuper> ", rig.Type("help EXIT"));
            Assert.AreEqual("help nothing\r\nerror: unknown command nothing\r\nsuper> ", rig.Type("help nothing"));
            Assert.AreEqual("help a b\r\nerror: usage: help [command]\r\nsuper> ", rig.Type("help a b"));
        }

        [TestMethod]
        [DataRow("keys list", "keys list\r\nerror: keys needs the supervisor role\r\ntech> ")]
        [DataRow("help keys", "help keys\r\nerror: keys needs the supervisor role\r\ntech> ")]
        [DataRow("frobnicate now", "frobnicate now\r\nerror: unknown command frobnicate (help lists the commands)\r\ntech> ")]
        [DataRow("whoami extra", "whoami extra\r\nerror: usage: whoami\r\ntech> ")]
        [DataRow("logout now", "logout now\r\nerror: usage: logout\r\ntech> ")]
        [DataRow("boom", "boom\r\nerror: boom failed\r\ntech> ")]
        [DataRow("", "\r\ntech> ")]
        [DataRow("   ", "   \r\ntech> ")]
        public void ErrorLines_OneForm(string line, string output)
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual(output, rig.Type(line));
            Assert.AreEqual((int)ConsoleRole.Technician, (int)rig.Session.Role);
        }

        [TestMethod]
        [DataRow("echo", "0")]
        [DataRow("echo a", "1|a")]
        [DataRow("echo  a   b c ", "3|a|b|c")]
        [DataRow("ECHO Host=10.0.0.1:5800", "1|Host=10.0.0.1:5800")]
        [DataRow("echo \"quoted words\"", "2|\"quoted|words\"")]
        public void Arguments_SplitOnSpaces_NameCaseInsensitive(string line, string printed)
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual(line + "\r\n" + printed + "\r\ntech> ", rig.Type(line));
        }

        [TestMethod]
        public void SupervisorCommand_RunByTheSupervisor_UsageErrorFromItsHandler()
        {
            ConsoleRig rig = Rig();
            rig.Login("super", ConsoleRig.SuperPassword);
            Assert.AreEqual("keys list\r\nTMK kcv 0B2A\r\nsuper> ", rig.Type("keys list"));
            Assert.AreEqual("keys\r\nerror: usage: keys list\r\nsuper> ", rig.Type("keys"));
            Assert.AreEqual("echo x\r\n1|x\r\nsuper> ", rig.Type("echo x"));      // a supervisor runs technician commands
        }

        [TestMethod]
        [DataRow("logout")]
        [DataRow("exit")]
        [DataRow("Exit")]
        public void Logout_AndExit_EndTheSession(string command)
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual(command + "\r\nlogged out\r\nlogin: ", rig.Type(command));
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
        }

        [TestMethod]
        public void CtrlC_AndHistory_AtTheCommandPrompt()
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            rig.Line.Send("whoa\u0003");
            rig.Pump();
            Assert.AreEqual("whoa^C\r\ntech> ", rig.Line.TakeOutput());
            rig.Type("whoami");
            Assert.AreEqual("whoami\r\ntechnician\r\ntech> ", rig.Type("\u001B[A"));
        }

        [TestMethod]
        public void CommandPrompts_LineCancelAndPassword()
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual("ask\r\nhost: acq1.example\r\nhost is acq1.example\r\ntech> ", rig.Type("ask", "acq1.example"));
            rig.Line.Send("ask\r");
            rig.Line.Send("acq\u0003");
            rig.Pump();
            Assert.AreEqual("ask\r\nhost: acq^C\r\nerror: cancelled\r\ntech> ", rig.Line.TakeOutput());
            Assert.AreEqual("component\r\ncomponent: \r\ngot 4 characters, kcv 3132\r\ntech> ", rig.Type("component", "1234"));
            // answers to a command's prompts stay out of the history: up recalls the command itself
            Assert.AreEqual("component\r\ncomponent: ", rig.Type("\u001B[A").Substring(0, 22));
        }

        [TestMethod]
        public void CommandPrompt_NoAnswer_IdleLogoutAfterTheCommand()
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual("ask\r\nhost: \r\nidle timeout: logged out\r\nlogin: ", rig.Type("ask"));
            Assert.AreEqual((int)ConsoleRole.None, (int)rig.Session.Role);
            Assert.AreEqual((long)rig.Settings.IdleLogoutMs, rig.Clock.MonotonicMs);
        }

        [TestMethod]
        public void Passwd_OwnPassword_Changed()
        {
            ConsoleRig rig = Rig();
            rig.Login("tech", ConsoleRig.TechPassword);
            Assert.AreEqual(
                "passwd\r\ncurrent password: \r\nnew password: \r\nretype new password: \r\npassword changed\r\ntech> ",
                rig.Type("passwd", ConsoleRig.TechPassword, "tech-pass2", "tech-pass2"));
            Assert.IsTrue(rig.Type("passwd", "tech-pass2", "tech-pass2").EndsWith(
                "error: the new password must differ from the old one\r\ntech> "));
            Assert.IsTrue(rig.Type("passwd", "tech-pass2", "short").EndsWith("error: password too short (at least 6 characters)\r\ntech> "));
            Assert.IsTrue(rig.Type("passwd", "tech-pass2", "tech-pass3", "tech-pass4").EndsWith("error: the passwords do not match\r\ntech> "));
            Assert.IsTrue(rig.Type("passwd technician", "tech-pass2", "tech-pass5", "tech-pass5").EndsWith("password changed\r\ntech> "));
            rig.Type("logout");
            Assert.IsTrue(rig.Login("tech", "tech-pass5").EndsWith("tech> "));
        }

        [TestMethod]
        public void Passwd_SupervisorResetsTheTechnician_ChangeDueAtTheirNextLogin()
        {
            ConsoleRig rig = Rig();
            rig.Login("super", ConsoleRig.SuperPassword);
            Assert.AreEqual(
                "passwd tech\r\nnew password: \r\nretype new password: \r\n"
                + "technician password set; it must be changed at the next technician login\r\nsuper> ",
                rig.Type("passwd tech", "temp-123", "temp-123"));
            Assert.IsTrue(rig.Passwords.MustChange(ConsoleRole.Technician));
            byte[] blob = rig.Passwords.Blob(ConsoleRole.Technician);
            Assert.IsTrue(PasswordHash.Decode(blob, 0, blob.Length).Verify(Ascii.GetBytes("temp-123"), 0, 8));
            rig.Type("logout");
            Assert.IsTrue(rig.Login("tech", "temp-123").EndsWith("must be changed now\r\nnew password: \r\nidle timeout\r\nlogin: "));
        }

        [TestMethod]
        [DataRow("tech", "passwd supervisor", "error: only the supervisor sets another role's password")]
        [DataRow("tech", "passwd nobody", "error: usage: passwd [technician]")]
        [DataRow("tech", "passwd a b", "error: usage: passwd [technician]")]
        public void Passwd_Refused(string role, string command, string error)
        {
            ConsoleRig rig = Rig();
            rig.Login(role, ConsoleRig.TechPassword);
            Assert.AreEqual(command + "\r\n" + error + "\r\ntech> ", rig.Type(command));
            Assert.AreEqual(0, rig.Session.Guard.Failures);
        }

        [TestMethod]
        public void CommandTable_RejectsBadOrDuplicateCommands()
        {
            CommandTable t = new CommandTable();
            CommandHandler h = Echo;
            t.Add(new ConsoleCommand("link", "link", "x", ConsoleRole.Technician, h).WithAlias("net"));
            Expect.Throws(typeof(ArgumentException), delegate { t.Add(new ConsoleCommand("link", "link", "x", ConsoleRole.Technician, h)); });
            Expect.Throws(typeof(ArgumentException), delegate { t.Add(new ConsoleCommand("net", "net", "x", ConsoleRole.Technician, h)); });
            Expect.Throws(typeof(ArgumentException), delegate { t.Add(new ConsoleCommand("x", "x", "x", ConsoleRole.Technician, h).WithAlias("link")); });
            Expect.Throws(typeof(ArgumentException), delegate { new ConsoleCommand("Link", "x", "x", ConsoleRole.Technician, h); });
            Expect.Throws(typeof(ArgumentException), delegate { new ConsoleCommand("", "x", "x", ConsoleRole.Technician, h); });
            Expect.Throws(typeof(ArgumentException), delegate { new ConsoleCommand("a b", "x", "x", ConsoleRole.Technician, h); });
            Expect.Throws(typeof(ArgumentException), delegate { new ConsoleCommand("abcdefghijklmnopq", "x", "x", ConsoleRole.Technician, h); });
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { new ConsoleCommand("x", "x", "x", ConsoleRole.None, h); });
            Expect.Throws(typeof(ArgumentNullException), delegate { new ConsoleCommand("x", "x", "x", ConsoleRole.Technician, null); });
            Assert.AreEqual(1, t.Count);
            Assert.IsTrue(t.Get(0) == t.Find("NET"));
            Assert.IsNull(t.Find("nothing"));
        }

        [TestMethod]
        public void Settings_OutOfRange_RefusedByTheSession()
        {
            ConsoleSettings s = new ConsoleSettings();
            s.MinPasswordLength = 0;
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { s.Check(); });
            s = new ConsoleSettings();
            s.FactoryPassword = "caf\u00E9";
            Expect.Throws(typeof(ArgumentException), delegate { s.Check(); });
            s = new ConsoleSettings();
            s.HashIterations = 0;
            Expect.Throws(typeof(ArgumentOutOfRangeException), delegate { s.Check(); });
            new ConsoleSettings().Check();
        }
    }
}
