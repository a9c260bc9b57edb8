using PosTerminal.Storage;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// A console on fakes: a scripted line, a manual clock, records in RAM, passwords in RAM. PBKDF2 runs 2 iterations
    /// so that the tests stay fast (the count travels with each hash). <see cref="Restart"/> simulates a reboot: a new
    /// clock starting at 0 and a new session over the same non-volatile stores.
    /// </summary>
    public sealed class ConsoleRig
    {
        /// <summary>The technician password <see cref="WithPasswords"/> stores.</summary>
        public const string TechPassword = "tech-pass1";

        /// <summary>The supervisor password <see cref="WithPasswords"/> stores.</summary>
        public const string SuperPassword = "super-pass1";

        public ManualClock Clock;
        public ScriptedSerialLine Line;
        public readonly MemoryStore Store = new MemoryStore();
        public readonly MemoryPasswordStore Passwords = new MemoryPasswordStore();
        public ConsoleSettings Settings;
        public ConsoleSession Session;

        /// <summary>A started console whose roles still have the factory password.</summary>
        public static ConsoleRig Factory()
        {
            ConsoleRig rig = new ConsoleRig();
            rig.Restart();
            return rig;
        }

        /// <summary>A started console with <see cref="TechPassword"/> and <see cref="SuperPassword"/> set, no change due.</summary>
        public static ConsoleRig WithPasswords()
        {
            ConsoleRig rig = Factory();
            rig.SetPassword(ConsoleRole.Technician, TechPassword, false);
            rig.SetPassword(ConsoleRole.Supervisor, SuperPassword, false);
            return rig;
        }

        /// <summary>Stores a password for a role directly (as the configuration would hold it).</summary>
        public void SetPassword(ConsoleRole role, string password, bool mustChange)
        {
            byte[] p = Ascii.GetBytes(password);
            Session.Passwords.Set(role, p, 0, p.Length, mustChange);
        }

        /// <summary>Power cycle: new clock (at 0), new line, new session over the same stores; started, output dropped.</summary>
        public void Restart()
        {
            Clock = new ManualClock();
            Line = new ScriptedSerialLine(Clock);
            Settings = new ConsoleSettings();
            Settings.HashIterations = 2;
            Session = new ConsoleSession(Line, Clock, new SeededRandom(5), new RecordStore(Store), Passwords, Settings);
            Session.Start();
            Line.TakeOutput();
        }

        /// <summary>Sends each line followed by CR and polls until the script is used up; returns and clears the output.</summary>
        public string Type(params string[] lines)
        {
            for (int i = 0; i < lines.Length; i++) Line.Send(lines[i] + "\r");
            Pump();
            return Line.TakeOutput();
        }

        /// <summary>Polls (0 ms) until every queued byte has been handled.</summary>
        public void Pump()
        {
            for (int guard = 0; guard < 1000 && !Line.Drained; guard++) Session.Poll(0);
            Session.Poll(0);
        }

        /// <summary>Logs in with a role name and password; returns the output.</summary>
        public string Login(string name, string password)
        {
            return Type(name, password);
        }

        /// <summary>Lets <paramref name="ms"/> pass without input, polling as a device loop would (1 s polls).</summary>
        public void Idle(int ms)
        {
            long until = Clock.MonotonicMs + ms;
            while (Clock.MonotonicMs < until)
            {
                long left = until - Clock.MonotonicMs;
                Session.Poll(left < 1000 ? (int)left : 1000);
            }
        }
    }
}
