#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using PosTerminal.Cards;
using PosTerminal.Config;
using PosTerminal.Iso8583;
using PosTerminal.Link;
using PosTerminal.Security;
using PosTerminal.TechConsole;
using PosTerminal.Tests.Fakes;
using PosTerminal.Txn;
using PosTerminal.Util;

namespace PosTerminal.Tests.TechConsole
{
    /// <summary>
    /// A whole terminal with its technician console on fakes: <see cref="Boot.Start"/> over a store in RAM, a scripted
    /// connector, a scripted serial line and a manual clock. <see cref="Restart"/> is a power cycle over the same store.
    /// PBKDF2 runs 2 iterations so that password changes stay fast (the count travels with each hash).
    /// </summary>
    public sealed class TechnicianRig
    {
        /// <summary>The factory password of both roles (<see cref="ConsoleSettings.FactoryPassword"/>).</summary>
        public const string FactoryPassword = "000000";

        /// <summary>The password <see cref="LoggedIn"/> chooses for the technician.</summary>
        public const string TechPassword = "tech-pass1";

        /// <summary>The password <see cref="LoggedIn"/> chooses for the supervisor.</summary>
        public const string SuperPassword = "super-pass1";

        /// <summary>A card the fake host can take.</summary>
        public const string Track = ";6212260000123456782=30121011234567890?";

        public readonly MemoryStore Store = new MemoryStore();
        public readonly ScriptedConnector Connector = new ScriptedConnector();
        public readonly RecordingSystemControl System = new RecordingSystemControl();
        public ManualClock Clock;
        public ScriptedSerialLine Line;
        public BootResult Boot;
        public TechnicianConsole Tech;
        public string Banner;

        /// <summary>A booted terminal on an empty store, the console started (its banner in <see cref="Banner"/>).</summary>
        public static TechnicianRig Fresh()
        {
            TechnicianRig rig = new TechnicianRig();
            rig.Restart();
            return rig;
        }

        /// <summary>A fresh terminal with <paramref name="role"/> logged in (factory password changed on the way).</summary>
        public static TechnicianRig LoggedIn(ConsoleRole role)
        {
            TechnicianRig rig = Fresh();
            rig.FirstLogin(role);
            return rig;
        }

        /// <summary>A fresh terminal configured with host 192.168.1.10:5800 (and more), saved, technician logged in.</summary>
        public static TechnicianRig Configured(ConsoleRole role)
        {
            TechnicianRig rig = LoggedIn(role);
            rig.Type("set host 192.168.1.10:5800", "set tid 88880001", "set mid 898310048990001", "save");
            Assert.IsTrue(rig.Boot.Terminal.IsConfigured);
            return rig;
        }

        /// <summary>Power cycle: a new clock, line, boot and console over the same store; started, banner kept.</summary>
        public void Restart()
        {
            Clock = new ManualClock();
            Line = new ScriptedSerialLine(Clock);
            Boot = PosTerminal.Config.Boot.Start(Store, Connector, Clock, new SeededRandom(3), null);
            Tech = new TechnicianConsole(Line, Clock, new SeededRandom(4), Store, Boot, System);
            Tech.Session.Settings.HashIterations = 2;
            Tech.Poll(0);
            Banner = Line.TakeOutput();
        }

        /// <summary>Logs in with the factory password and chooses the role's test password; returns the output.</summary>
        public string FirstLogin(ConsoleRole role)
        {
            string password = role == ConsoleRole.Supervisor ? SuperPassword : TechPassword;
            string output = Type(RoleNames.Name(role), FactoryPassword, password, password);
            Assert.AreEqual((int)role, (int)Tech.Session.Role);
            return output;
        }

        /// <summary>Sends each line followed by CR and polls until the script is used up; returns and clears the output.</summary>
        public string Type(params string[] lines)
        {
            for (int i = 0; i < lines.Length; i++) Line.Send(lines[i] + "\r");
            for (int guard = 0; guard < 2000 && !Line.Drained; guard++) Tech.Poll(0);
            Tech.Poll(0);
            return Line.TakeOutput();
        }

        /// <summary>The stored bytes and the staged configuration's record, as hex: equal before and after = nothing changed.</summary>
        public string Snapshot()
        {
            byte[] staged = new byte[TerminalConfig.MaxEncodedLength];
            int n = Boot.Config.Staged.Encode(staged, 0);
            byte[] current = new byte[TerminalConfig.MaxEncodedLength];
            int m = Boot.Config.Current.Encode(current, 0);
            return Hex.Encode(Store.AllBytes()) + "/" + Hex.Encode(staged, 0, n) + "/" + Hex.Encode(current, 0, m)
                + "/" + Boot.Terminal.Counters.Stan.ToString() + "/" + Boot.Terminal.Counters.Batch.ToString();
        }

        /// <summary>A swiped card (the caller disposes it).</summary>
        public static CardData Card()
        {
            byte[] t = Ascii.GetBytes(Track);
            CardData card;
            Assert.AreEqual((int)Track2Status.Ok, (int)Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out card));
            return card;
        }

        /// <summary>Working keys (TDES PIK and MAK) straight into the key store, so that cup sales are sent.</summary>
        public void PutWorkingKeys()
        {
            byte[] pik = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            byte[] mak = Hex.Decode("89ABCDEF0123456776543210FEDCBA98");
            KeySlot[] slots = { KeySlot.PinKey, KeySlot.MacKey };
            SecretKey[] keys = { new SecretKey(KeyAlgorithm.Tdes, pik, 0, 16), new SecretKey(KeyAlgorithm.Tdes, mak, 0, 16) };
            Assert.IsTrue(Boot.Terminal.Keys.PutAll(slots, keys));
        }

        /// <summary>
        /// Starts a sale on its own thread whose request reaches the host and then waits there until
        /// <see cref="HeldSale.Release"/> is set (5 s at most); returns once the sale is held. The primary host must be
        /// 192.168.1.10:5800 and the working keys in place. <paramref name="next"/> are the links later connects to that
        /// host get, in order (the connector serves its script first come, first served).
        /// </summary>
        public HeldSale StartHeldSale(params ScriptedLink[] next)
        {
            HeldSale held = new HeldSale();
            ScriptedLink link = new ScriptedLink(Clock);
            FakeHost host = NewHost();
            TechnicianRig rig = this;
            link.OnWrite = delegate (ScriptedLink l, byte[] written, int length)
            {
                IsoMessage rq = host.Decode(written, length);
                held.InSale.Set();
                held.Release.WaitOne(5000, false);
                held.AttemptsAtRelease = rig.Connector.Attempts.Count;
                held.KeysAtRelease = rig.Boot.Terminal.Keys.Has(KeySlot.MasterKey);
                l.Enqueue(host.Answer(rq, "00", 10, null));
            };
            Connector.Accept("192.168.1.10", 5800, link);
            for (int i = 0; i < next.Length; i++) Connector.Accept("192.168.1.10", 5800, next[i]);
            held.Thread = new System.Threading.Thread(delegate ()
            {
                using (CardData card = Card()) held.Outcome = rig.Boot.Terminal.Sale(card, 100);
            });
            held.Thread.Start();
            Assert.IsTrue(held.InSale.WaitOne(5000, false));
            return held;
        }

        /// <summary>Types <paramref name="lines"/> on a thread of its own; the output lands in <paramref name="output"/>[0].</summary>
        public System.Threading.Thread TypeOnThread(string[] output, params string[] lines)
        {
            TechnicianRig rig = this;
            System.Threading.Thread t = new System.Threading.Thread(delegate () { output[0] = rig.Type(lines); });
            t.Start();
            return t;
        }

        /// <summary>A fake cup host.</summary>
        public FakeHost NewHost()
        {
            return new FakeHost(new FrameCodec(AcquirerProfile.Cup.DefaultFrame, Clock), AcquirerProfile.Cup.Spec);
        }

        /// <summary>A link on which <paramref name="host"/> answers every request with <paramref name="rc"/>.</summary>
        public ScriptedLink AnsweringLink(string rc, FakeHost host)
        {
            ScriptedLink link = new ScriptedLink(Clock);
            link.OnWrite = delegate (ScriptedLink l, byte[] written, int length)
            {
                IsoMessage rq = host.Decode(written, length);
                l.Enqueue(host.Answer(rq, rc, 10, null));
            };
            return link;
        }
    }

    /// <summary>A sale held at its host by <see cref="TechnicianRig.StartHeldSale"/>.</summary>
    public sealed class HeldSale
    {
        public readonly System.Threading.ManualResetEvent InSale = new System.Threading.ManualResetEvent(false);
        public readonly System.Threading.ManualResetEvent Release = new System.Threading.ManualResetEvent(false);
        public System.Threading.Thread Thread;
        public TxnOutcome Outcome;
        public int AttemptsAtRelease = -1;
        public bool KeysAtRelease;
    }
}
