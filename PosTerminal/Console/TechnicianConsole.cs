using System;
using PosTerminal.Config;
using PosTerminal.Hal;
using PosTerminal.Storage;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The terminal's technician console: a <see cref="ConsoleSession"/> on a serial line with the terminal's commands
    /// (show, set, pending, save, revert, link test, sign-on, key-load, factory-reset, reboot; README.md lists them),
    /// passwords kept in the configuration (<see cref="ConfigPasswordStore"/>), and the boot's configuration warning
    /// shown in the banner and after each login. The device and the emulator both build it over <see cref="Boot.Start"/>.
    /// </summary>
    /// <remarks>
    /// Runs on its own thread beside the terminal's transactions (<c>while (true) console.Poll(1000);</c>). A saved
    /// configuration applies from the next transaction, never to one in progress; link test, sign-on and the storing of
    /// keys wait for a transaction in progress to end (the terminal's transaction lock). The console is the only editor of the
    /// configuration.
    /// </remarks>
    public sealed class TechnicianConsole
    {
        /// <summary>Longest command line: the longest setting (a 64-character host name with its port) fits.</summary>
        public const int MaxLineLength = 128;

        /// <summary>First line of the banner.</summary>
        public const string Title = "PosTerminal technician console";

        private readonly ConsoleSession _session;

        /// <summary>
        /// A console on <paramref name="line"/> for the terminal <paramref name="boot"/> built. Salts come from
        /// <paramref name="random"/>; the lockout state is kept in <paramref name="store"/>; <paramref name="system"/>
        /// reboots (reboot, factory-reset). No I/O here: the first <see cref="Poll"/> prints the banner.
        /// </summary>
        public TechnicianConsole(ISerialLine line, IClock clock, IRandom random, INonVolatileStore store, BootResult boot, ISystemControl system)
        {
            if (line == null || clock == null || random == null || store == null || boot == null || system == null)
            {
                throw new ArgumentNullException();
            }
            ConsoleSettings settings = new ConsoleSettings();
            settings.MaxLineLength = MaxLineLength;
            _session = new ConsoleSession(line, clock, random, new RecordStore(store), new ConfigPasswordStore(boot.Config), settings);
            TerminalCommands commands = new TerminalCommands(boot, system, clock, settings);
            commands.UpdateNotice();
            settings.Banner = settings.LoginNotice == null ? Title : Title + "\n" + settings.LoginNotice;
            commands.AddTo(_session.Commands);
        }

        /// <summary>The session: its command table takes further commands (the emulator's board commands) before the first poll.</summary>
        public ConsoleSession Session
        {
            get { return _session; }
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for input and handles it (see <see cref="ConsoleSession.Poll"/>).</summary>
        public void Poll(int timeoutMs)
        {
            _session.Poll(timeoutMs);
        }
    }
}
