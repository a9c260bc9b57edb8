using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using AcquirerSimulator;
using AcquirerSimulator.Security;
using PosTerminal.Cards;
using PosTerminal.Crypto;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Security;
using PosTerminal.Tests.Fakes;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>A simulator on 127.0.0.1 (ephemeral port) and terminals wired to it with the emulator's real socket adapters.</summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    /// <summary>Log lines the simulator printed.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The running simulator.</summary>
    public AcquirerHost Host { get; }

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "posterminal-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Starts a simulator with <paramref name="profile"/> (cup by default), <paramref name="security"/> (default: the
    /// profile's key scheme without MAC, for tests of the plain flow) and the default rules plus <paramref name="rules"/>
    /// first. The demo keys are on file for every terminal id, and the test cards' PINs.
    /// </summary>
    public SimulatorFixture(AcquirerProfile profile = null, SecuritySettings security = null, params string[] rules)
    {
        Profile = profile ?? AcquirerProfile.Cup;
        Security = security ?? NoSecurity.For(Profile);
        Options = new() { Port = 0, Profile = Profile, Security = Security, Log = Log.Enqueue };
        for (int i = rules.Length - 1; i >= 0; i--) Options.Rules.Insert(0, SaleRule.Parse(rules[i]));
        DemoKeys.Register(Options.Keys, TerminalKeys.AnyTerminal, Security);
        foreach (TestCard c in TestCard.All) Options.CardPins[c.Pan] = c.Pin;
        Host = new AcquirerHost(Options);
        Host.Start();
    }

    /// <summary>Observer given to the terminals made from now on (null: none), e.g. to record the frames they send.</summary>
    public PosTerminal.Link.ILinkObserver Observer { get; set; }

    /// <summary>The simulator's options (its key registry, switches).</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Profile of simulator and terminals.</summary>
    public AcquirerProfile Profile { get; }

    /// <summary>Security of simulator and terminals.</summary>
    public SecuritySettings Security { get; }

    /// <summary>The simulator's endpoint.</summary>
    public HostEndpoint Endpoint => new("127.0.0.1", Host.Port);

    /// <summary>
    /// A terminal whose hosts are <paramref name="hosts"/> (default: the simulator); each terminal id keeps its
    /// own non-volatile data, as separate devices do.
    /// </summary>
    public Terminal Terminal(int responseTimeoutMs = 3000, AcquirerProfile profile = null, string terminalId = "88880001", params HostEndpoint[] hosts)
    {
        profile ??= Profile;
        if (hosts.Length == 0) hosts = [Endpoint];
        LinkSettings link = new(hosts, 2000, responseTimeoutMs, profile.DefaultFrame);
        TerminalSettings s = new TerminalSettings(profile, terminalId, "898310048990001", "TEST SHOP", "156", link).WithSecurity(Security);
        Terminal t = new(s, new SocketConnector(), new SystemClock(), new FileStore(Path.Combine(_dataDir, terminalId)), Observer, new CryptoRandom());
        Provision(t);
        return t;
    }

    /// <summary>A terminal (see <see cref="Terminal"/>) that has signed on, when its keys need a sign-on.</summary>
    public Terminal SignedOnTerminal(string terminalId = "88880001")
    {
        Terminal t = Terminal(terminalId: terminalId);
        if (!Security.IsDukpt)
        {
            SignOnOutcome o = t.SignOn();
            if (o.Result != SignOnResult.Ok) throw new InvalidOperationException("sign-on: " + o.Result + " " + o.KeyStatus);
        }
        return t;
    }

    // The key ceremony: the demo master key (or DUKPT initial key and KSN), as the emulator loads them.
    private void Provision(Terminal t)
    {
        if (Security.IsDukpt)
        {
            if (t.Dukpt.Current != null) return;
            (SecretKey key, Ksn ksn) = DemoKeys.InjectDukpt(Security.Scheme == KeyScheme.DukptAes);
            using (key)
            {
                DukptKeyStatus s = t.Dukpt.Load(key, ksn);
                if (s != DukptKeyStatus.Ok) throw new InvalidOperationException("DUKPT key load: " + s);
            }
            return;
        }
        if (t.Keys.Has(KeySlot.MasterKey)) return;
        byte[] tmk = DemoKeys.MasterKey(Security.Sm4);
        t.Keys.Put(KeySlot.MasterKey, new SecretKey(Security.Sm4 ? KeyAlgorithm.Sm4 : KeyAlgorithm.Tdes, tmk, 0, tmk.Length));
        Array.Clear(tmk);
    }

    /// <summary>The test card's PIN entry.</summary>
    public static PinEntry Pin(string digits) => new(System.Text.Encoding.ASCII.GetBytes(digits), 0, digits.Length);

    /// <summary>A swiped test card.</summary>
    public static CardData Card(string track = ";6212260000123456782=30121011234567890?")
    {
        byte[] t = new byte[track.Length];
        for (int i = 0; i < t.Length; i++) t[i] = (byte)track[i];
        if (Track2.TryParse(t, 0, t.Length, EntryMethod.Swipe, out CardData card) != Track2Status.Ok) throw new ArgumentException("bad test track");
        return card;
    }

    /// <summary>
    /// Runs <paramref name="count"/> sales at once, each on its own thread (terminals are separate devices; using
    /// the thread pool here would starve the in-process simulator, which a real deployment never shares).
    /// </summary>
    public static TxnOutcome[] Concurrently(int count, Func<int, TxnOutcome> sale)
    {
        TxnOutcome[] results = new TxnOutcome[count];
        System.Threading.Thread[] threads = new System.Threading.Thread[count];
        for (int i = 0; i < count; i++)
        {
            int k = i;
            threads[i] = new System.Threading.Thread(() => results[k] = sale(k));
            threads[i].Start();
        }
        foreach (System.Threading.Thread t in threads) t.Join();
        return results;
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        using System.Net.Sockets.Socket s = new(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        s.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)s.LocalEndPoint!).Port;
    }

    /// <summary>Stops the simulator and removes the terminal's data.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, true);
    }
}
