using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using AcquirerSimulator;
using AcquirerSimulator.Security;
using PosTerminal.Config;
using PosTerminal.Emulator.Board;
using PosTerminal.Emulator.Host;
using PosTerminal.Hal;
using PosTerminal.Link;
using PosTerminal.TechConsole;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// The emulated device of <c>run</c>: booted from its data directory as the ESP32 boots from flash
/// (<see cref="Boot.Start"/> over a <see cref="FileStore"/>), with its technician console on a serial line, polled on its
/// own thread beside the sales, and an in-process reboot (<see cref="ISystemControl"/>): the console's reboot and
/// factory-reset build everything again from the data directory. Optionally runs the built-in acquirer simulator.
/// </summary>
public sealed class EmulatedDevice : ISystemControl, IDisposable
{
    // How long one console poll waits before the thread looks at the reboot and quit requests.
    private const int PollMs = 200;

    // What the console reads to log out: Ctrl-U (erase the line typed so far), "logout", Enter.
    private static readonly byte[] LogoutKeys = [0x15, (byte)'l', (byte)'o', (byte)'g', (byte)'o', (byte)'u', (byte)'t', (byte)'\r'];

    // The idle loop runs every IdleSlices x PollMs (1 s, like the device's IdlePollMs).
    private const int IdleSlices = 5;

    private readonly RunOptions _options;
    private readonly TextWriter _output;
    private readonly FileStore _store;
    private readonly SystemClock _clock = new();
    private readonly CryptoRandom _random = new();
    private readonly StoppableLine _line;
    private readonly ManualResetEventSlim _stopped = new(false);
    private AcquirerHost _simulator;
    private Thread _thread;
    private volatile Booted _current;
    private volatile bool _rebootRequested;
    private volatile bool _quit;
    private Action<CommandTable> _extraCommands;
    private Action _beforeReboot;

    private EmulatedDevice(RunOptions options, TextWriter output, FileStore store, StoppableLine line)
    {
        _options = options;
        _output = output;
        _store = store;
        _line = line;
    }

    /// <summary>The terminal as booted now (it changes at each reboot).</summary>
    public EmulatorSession Session => _current.Session;

    /// <summary>The boot's result now: the configuration editor and how it was loaded.</summary>
    public BootResult BootResult => _current.Boot;

    /// <summary>The console's line (a <see cref="PtySerialLine"/>, <see cref="DeviceSerialLine"/> or <see cref="StdioSerialLine"/>).</summary>
    public ISerialLine Line => _line.Inner;

    /// <summary>The simulator's port, or -1 when it does not run.</summary>
    public int SimulatorPort => _simulator?.Port ?? -1;

    /// <summary>How many times the terminal has booted (1 after <see cref="Start"/>).</summary>
    public int Boots { get; private set; }

    /// <summary>Set when the device stopped (quit, or end of the console's input on stdin).</summary>
    public WaitHandle Stopped => _stopped.WaitHandle;

    /// <summary>
    /// Opens the console's line, boots the terminal from the data directory, starts the simulator when asked, and
    /// prints where everything is. Throws IOException (a pty or device that cannot be opened) or ArgumentException.
    /// <paramref name="extraCommands"/> adds commands to each boot's console (the board commands on stdin);
    /// <paramref name="beforeReboot"/> runs before a reboot (to cancel a waiting sale).
    /// </summary>
    public static EmulatedDevice Start(RunOptions o, TextWriter output, Action<CommandTable> extraCommands = null, Action beforeReboot = null)
    {
        FileStore store = new(o.DataDir);
        ISerialLine line = OpenLine(o);
        EmulatedDevice d = new(o, output, store, new StoppableLine(line)) { _extraCommands = extraCommands, _beforeReboot = beforeReboot };
        try
        {
            output.WriteLine($"PosTerminal emulator: data in {store.DirectoryPath}");
            Booted first = d.BootOnce();
            if (o.Simulator) d.StartSimulator(first.Session.Terminal.Settings);
            d.Describe(first);
            d._current = first;
            d.DescribeLine();
            return d;
        }
        catch
        {
            d.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts polling the console on its own thread, and the idle loop of the device's Program.cs on another: a
    /// configured terminal signs on after each boot (unless its keys are DUKPT), and a kept connection gets its
    /// keep-alive echoes.
    /// </summary>
    public void Run()
    {
        _thread = new Thread(ConsoleLoop) { IsBackground = true, Name = "technician console" };
        _thread.Start();
        new Thread(IdleLoop) { IsBackground = true, Name = "idle loop" }.Start();
    }

    /// <summary>Asks the console thread to end; <see cref="Stopped"/> is set when it has.</summary>
    public void Quit()
    {
        _quit = true;
        _line.Stop();
        if (_thread == null) _stopped.Set();
    }

    /// <summary>The console's reboot: the console thread builds the terminal again from the data directory after the command.</summary>
    public void Reboot() => _rebootRequested = true;

    /// <summary>Stops the console thread, closes the line (restoring a terminal's mode) and stops the simulator.</summary>
    public void Dispose()
    {
        Quit();
        if (_thread != null && Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(10));
        (_line.Inner as IDisposable)?.Dispose();
        _simulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _simulator = null;
        _stopped.Set();
    }

    private static ISerialLine OpenLine(RunOptions o)
    {
        switch (o.Console)
        {
            case ConsoleLine.Pty:
                if (!OperatingSystem.IsLinux()) throw new ArgumentException("--pty needs Linux (use --serial with a virtual or real serial port elsewhere)");
                return PtySerialLine.Create(o.PtyLink);
            case ConsoleLine.Serial:
                return DeviceSerialLine.Open(o.SerialDevice, o.Baud);
            default:
                if (!OperatingSystem.IsLinux()) throw new ArgumentException("the console on this terminal needs Linux: use --serial DEVICE");
                return new StdioSerialLine();
        }
    }

    // One boot: configuration and terminal from the store, the factory's demo keys when none are there, the console.
    private Booted BootOnce()
    {
        Terminal terminal = null;
        ConsoleTrace trace = _options.Trace ? new ConsoleTrace(_output, () => terminal.Settings.Link.Frame) : null;
        BootResult boot = Boot.Start(_store, new SocketConnector(), _clock, _random, trace);
        terminal = boot.Terminal;
        EmulatorSession session = EmulatorSession.Around(terminal);
        TechnicianConsole console = new(_line, _clock, _random, _store, boot, this);
        _extraCommands?.Invoke(console.Session.Commands);
        Boots++;
        return new Booted(boot, session, console);
    }

    private void Describe(Booted b)
    {
        Terminal t = b.Boot.Terminal;
        TerminalSettings s = t.Settings;
        string warning = ConsoleMessages.LoadWarning(b.Boot.Load);
        _output.WriteLine("   configuration: " + (warning == null ? "the saved configuration" : warning.Replace("warning: ", "")));
        if (b.Boot.Configured)
        {
            _output.WriteLine($"   terminal {s.TerminalId}, merchant {s.MerchantId}, profile {s.Profile.Name}, security {EmulatorSession.SecurityName(s.Security)}");
            for (int i = 0; i < s.Link.HostCount; i++)
            {
                string note = s.Link.Host(i).Port == SimulatorPort && s.Link.Host(i).Host == "127.0.0.1" ? " (built-in acquirer simulator)" : "";
                _output.WriteLine($"   {LinkSettings.HostRole(i),-9} {s.Link.Host(i)}{note}");
            }
        }
        else
        {
            _output.WriteLine($"   NOT CONFIGURED ({ConfigFields.Name(b.Boot.Config.Current.MissingField())} missing): sales are refused until a technician sets");
            _output.WriteLine("   host, tid and mid on the console and saves");
        }
        b.Session.LoadKeys(_output);
    }

    private void DescribeLine()
    {
        switch (Line)
        {
            case PtySerialLine pty:
                _output.WriteLine($"console: {pty.SlavePath} - attach with picocom {pty.SlavePath} (then press Enter)" + (pty.LinkPath != null ? $"; link {pty.LinkPath}" : ""));
                break;
            case DeviceSerialLine dev:
                _output.WriteLine($"console: {dev.PortName} at {dev.Baud} 8N1");
                break;
            case StdioSerialLine std:
                _output.WriteLine("console: this terminal" + (std.IsRawTerminal ? " (Ctrl-C cancels a line, Ctrl-\\ quits the emulator)" : "")
                    + "; log in, then help lists the commands (the board's too)");
                break;
        }
        _output.WriteLine($"   factory password of both roles (tech, super): {new ConsoleSettings().FactoryPassword}; it must be changed at the first login");
    }

    private void StartSimulator(TerminalSettings s)
    {
        SimulatorOptions so = new()
        {
            Port = _options.SimulatorPort, Profile = s.Profile, Security = s.Security,
            Log = line => _output.WriteLine("   [acquirer] " + line),
        };
        DemoKeys.Register(so.Keys, TerminalKeys.AnyTerminal, s.Security);
        foreach (TestCard c in TestCard.All) so.CardPins[c.Pan] = c.Pin;
        _simulator = new AcquirerHost(so);
        try
        {
            _simulator.Start();
        }
        catch (SocketException e) when (_options.SimulatorPort != 0)
        {
            _output.WriteLine($"   port {_options.SimulatorPort} is taken ({e.SocketErrorCode}): the simulator takes a free port instead");
            _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            so.Port = 0;
            _simulator = new AcquirerHost(so);
            _simulator.Start();
        }
        _output.WriteLine($"   acquirer simulator: 127.0.0.1:{_simulator.Port} (built in; profile {s.Profile.Name}, security {EmulatorSession.SecurityName(s.Security)},"
            + " demo keys for every terminal id); set host 127.0.0.1:" + _simulator.Port + " on the console to use it");
    }

    private void ConsoleLoop()
    {
        try
        {
            bool attached = false;
            while (!_quit)
            {
                _current.Console.Poll(PollMs);
                if (_rebootRequested && !_quit) DoReboot();
                if (Line is PtySerialLine pty)
                {
                    // The terminal program left the pty while logged in: log the session out, so that whoever attaches
                    // next meets the login prompt (a dialog in progress ends at the idle logout instead).
                    bool now = !pty.IsDetached;
                    if (attached && !now && _current.Console.Session.Role != ConsoleRole.None) _line.Type(LogoutKeys);
                    attached = now;
                }
                if (Line is FdSerialLine f && f.EndOfInput)
                {
                    if (Line is StdioSerialLine) _output.WriteLine("console: input ended (Ctrl-\\ or end of file): quitting");
                    _quit = true;
                }
            }
        }
        finally
        {
            _stopped.Set();
        }
    }

    private void IdleLoop()
    {
        Terminal signedOn = null;
        while (!_quit)
        {
            EmulatorSession session = _current.Session;
            try
            {
                if (session.Terminal != signedOn)
                {
                    signedOn = session.Terminal;
                    if (signedOn.IsConfigured && !signedOn.Settings.Security.IsDukpt) session.SignOn(_output);
                }
                session.Terminal.KeepAlive();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _output.WriteLine("idle loop fault: " + e.GetType().Name);     // the type only: a message may carry data
            }
            for (int i = 0; i < IdleSlices && !_quit && _current.Session == session; i++) Thread.Sleep(PollMs);
        }
    }

    private void DoReboot()
    {
        _rebootRequested = false;
        _beforeReboot?.Invoke();
        Say("[emulator] rebooting: the terminal boots again from " + _store.DirectoryPath);
        _output.WriteLine();
        _output.WriteLine("reboot: the terminal boots again from " + _store.DirectoryPath);
        _current.Session.Terminal.CloseLink();                                  // the old terminal's kept connection, if any
        Booted b = BootOnce();
        Describe(b);
        _current = b;
        _output.WriteLine($"reboot done (boot {Boots})");
    }

    private void Say(string text)
    {
        byte[] b = Encoding.ASCII.GetBytes("\r\n" + text + "\r\n");
        _line.Write(b, 0, b.Length);
    }

    private sealed record Booted(BootResult Boot, EmulatorSession Session, TechnicianConsole Console);

    // The console's line, which can be told to stop: from then on (and once its input ended) every read gives Ctrl-C,
    // which cancels whatever line or dialog the console waits in (a password being typed, a confirmation), so that its
    // poll returns and the console thread can end without waiting for a person or the idle logout.
    private sealed class StoppableLine(ISerialLine inner) : ISerialLine
    {
        private const byte CtrlC = 0x03;
        private const int StoppedReadMs = 10;
        private const int SliceMs = 200;
        private volatile bool _stopped;

        public ISerialLine Inner => inner;

        private readonly System.Collections.Concurrent.ConcurrentQueue<byte> _typed = new();

        public void Stop() => _stopped = true;

        // Bytes the console reads before the line's own, as if typed.
        public void Type(byte[] keys)
        {
            foreach (byte b in keys) _typed.Enqueue(b);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int k = 0;
            while (k < count && _typed.TryDequeue(out byte b)) buffer[offset + k++] = b;
            if (k > 0) return k;
            // a dialog may wait minutes for an answer: wait in slices, looking at the stop request between them
            long until = Environment.TickCount64 + Math.Max(0, timeoutMs);
            while (!Ended)
            {
                int left = (int)Math.Max(0, until - Environment.TickCount64);
                int n = inner.Read(buffer, offset, count, Math.Min(left, SliceMs));
                if (n > 0) return n;
                if (left <= SliceMs && !Ended) return 0;
            }
            if (count <= 0) return 0;
            Thread.Sleep(StoppedReadMs);
            buffer[offset] = CtrlC;
            return 1;
        }

        private bool Ended => _stopped || (inner is FdSerialLine f && f.EndOfInput);

        public void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
