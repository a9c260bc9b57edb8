using System;
using PosTerminal.Config;
using PosTerminal.Hal;
using PosTerminal.Txn;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// The terminal's console commands over the boot's terminal and configuration editor: configuration (this file),
    /// link and status (TerminalCommands.Link.cs), keys and factory reset (TerminalCommands.Keys.cs). Every failure is an
    /// "error: ..." line and changes nothing; staged changes reach the terminal only through save.
    /// </summary>
    internal sealed partial class TerminalCommands
    {
        // Width of the name column of show config and pending.
        private const int NameColumn = 24;

        private const string StanName = "stan";
        private const string BatchName = "batch";
        private const string YesWord = "yes";

        private readonly BootResult _boot;
        private readonly Terminal _terminal;
        private readonly ConfigEditor _config;
        private readonly ISystemControl _system;
        private readonly IClock _clock;
        private readonly ConsoleSettings _settings;
        private bool _savedSinceBoot;

        internal TerminalCommands(BootResult boot, ISystemControl system, IClock clock, ConsoleSettings settings)
        {
            _boot = boot;
            _terminal = boot.Terminal;
            _config = boot.Config;
            _system = system;
            _clock = clock;
            _settings = settings;
        }

        internal void AddTo(CommandTable table)
        {
            table.Add(new ConsoleCommand("show", "show config|pending|status|keys", "show the configuration, unsaved changes, status or key check values",
                "show config   every setting; '*' marks a staged (unsaved) value, shown with the value in force\n"
                + "show pending  only the unsaved changes (as pending)\n"
                + "show status   configuration load, link, last transaction, pending reversal, batch totals and\n"
                + "              capacity, trace and batch numbers, last echo\n"
                + "show keys     check values of the master and working keys, DUKPT KSN (never a key)",
                ConsoleRole.Technician, Show));
            table.Add(new ConsoleCommand("set", "set <field> <value>", "stage a setting (save applies it); set stan/batch apply at once",
                SetDetails(), ConsoleRole.Technician, Set));
            table.Add(new ConsoleCommand("pending", "pending", "list the staged changes not yet saved", ConsoleRole.Technician, Pending));
            table.Add(new ConsoleCommand("save", "save", "save the staged changes; they apply from the next transaction",
                "writes the whole configuration power-safely (old or new survives a power cut); a transaction in progress\n"
                + "keeps the settings it started with", ConsoleRole.Technician, Save));
            table.Add(new ConsoleCommand("revert", "revert", "drop the staged changes", ConsoleRole.Technician, Revert));
            table.Add(new ConsoleCommand("link", "link test", "connect to each configured host and run an echo test",
                "for the primary and each backup host of the saved configuration: a new connection and an echo\n"
                + "(cup 0820 / iso87ascii 0800, code 301), with the round trip in ms; waits for a transaction in progress",
                ConsoleRole.Technician, Link));
            table.Add(new ConsoleCommand("sign-on", "sign-on", "sign on: fetch working keys under the master key",
                "0800 sign-on; the new working keys are installed only when their check values match;\n"
                + "prints the check values; not used with DUKPT security", ConsoleRole.Technician, SignOn).WithAlias("signon"));
            table.Add(new ConsoleCommand("settle", "settle", "settle the batch: totals to the host, upload, new batch",
                "a pending reversal goes first; then 0500 with the totals, batch upload (all transactions when the host's\n"
                + "totals differ) and batch end; prints balanced or uploaded, the totals and the new batch number.\n"
                + "On failure the batch stays open; waits for a transaction in progress", ConsoleRole.Technician, Settle));
            table.Add(new ConsoleCommand("reversal", "reversal send", "send the pending reversal now",
                "sends the reversal (0400) the terminal owes the host, with the configured retries; it is kept when\n"
                + "every attempt fails; waits for a transaction in progress", ConsoleRole.Technician, Reversal));
            table.Add(new ConsoleCommand("key-load", "key-load tmk 2|3 [tdes|sm4] | key-load dukpt 2|3 <ksn>",
                "load the master key or a DUKPT initial key from clear components",
                "each component is typed without echo as hex (32 digits for TDES/SM4/AES-128) and its check value shown;\n"
                + "then the check value of the combined key must be typed and match, or nothing is stored.\n"
                + "tmk: terminal master key (replaces the working keys: sign on again). dukpt: initial key with its\n"
                + "initial KSN (20 hex digits: TDES DUKPT, 24: AES DUKPT); only the derived future keys are kept",
                ConsoleRole.Supervisor, KeyLoad));
            table.Add(new ConsoleCommand("factory-reset", "factory-reset", "erase configuration, passwords and keys, then reboot",
                "asks for confirmation; configuration and both passwords return to the factory state (the factory\n"
                + "password must be changed at the next login); master, working and DUKPT keys are erased",
                ConsoleRole.Supervisor, FactoryReset));
            table.Add(new ConsoleCommand("reboot", "reboot", "restart the terminal (asks first when changes are unsaved)",
                ConsoleRole.Technician, Reboot));
        }

        /// <summary>Sets the login notice: the boot's load warning (until a save) and "not configured" while it lasts.</summary>
        internal void UpdateNotice()
        {
            string notice = _savedSinceBoot ? null : ConsoleMessages.LoadWarning(_boot.Load);
            if (!_terminal.IsConfigured)
            {
                string line = "warning: terminal " + ConsoleMessages.NotConfigured;
                notice = notice == null ? line : notice + "\n" + line;
            }
            _settings.LoginNotice = notice;
        }

        private static string SetDetails()
        {
            string s = "fields (show config lists their values):";
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                if (!Settable(f)) continue;
                s += "\n  " + Pad(ConfigFields.Name(f)) + ConsoleMessages.Accepted(f);
            }
            s += "\n  " + Pad(StanName) + "next trace number 1-999999 (applies at once)";
            s += "\n  " + Pad(BatchName) + "batch number 1-999999 (applies at once)";
            s += "\npasswords are changed with passwd";
            return s;
        }

        private static bool Settable(ConfigField f)
        {
            return !ConfigFields.IsSecret(f) && f != ConfigField.TechnicianMustChange && f != ConfigField.SupervisorMustChange;
        }

        private static string Pad(string s)
        {
            while (s.Length < NameColumn) s += " ";
            return s;
        }

        private CommandStatus Show(ConsoleSession session, string[] args)
        {
            if (args.Length != 1) return CommandStatus.Usage;
            string what = CommandLine.ToLower(args[0]);
            if (what == "config") return ShowConfig(session);
            if (what == "pending") return Pending(session, new string[0]);
            if (what == "status") return ShowStatus(session);
            if (what == "keys") return ShowKeys(session);
            return CommandStatus.Usage;
        }

        private CommandStatus ShowConfig(ConsoleSession session)
        {
            TerminalConfig current = _config.Current;
            TerminalConfig staged = _config.Staged;
            for (int i = 0; i < ConfigFields.Count; i++)
            {
                ConfigField f = ConfigFields.At(i);
                string name = ConfigFields.Name(f);
                if (staged.SameValue(f, current))
                {
                    session.WriteLine("  " + Pad(name) + Shown(current, f));
                }
                else
                {
                    session.WriteLine("* " + Pad(name) + Shown(staged, f) + "   (unsaved; in force: " + Shown(current, f) + ")");
                }
            }
            int n = _config.PendingChanges().Length;
            if (n > 0) session.WriteLine(n.ToString() + " unsaved change(s): save applies them, revert drops them");
            return CommandStatus.Done;
        }

        // A value as shown: empty text becomes "(not set)" so that a blank id is visible.
        private static string Shown(TerminalConfig c, ConfigField f)
        {
            string v = c.ValueText(f);
            return v.Length == 0 ? "(not set)" : v;
        }

        private CommandStatus Pending(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            ConfigField[] pending = _config.PendingChanges();
            if (pending.Length == 0)
            {
                session.WriteLine("no unsaved changes");
                return CommandStatus.Done;
            }
            TerminalConfig current = _config.Current;
            TerminalConfig staged = _config.Staged;
            for (int i = 0; i < pending.Length; i++)
            {
                ConfigField f = pending[i];
                session.WriteLine("  " + Pad(ConfigFields.Name(f)) + Shown(current, f) + " -> " + Shown(staged, f));
            }
            session.WriteLine(pending.Length.ToString() + " unsaved change(s)");
            return CommandStatus.Done;
        }

        private CommandStatus Set(ConsoleSession session, string[] args)
        {
            if (args.Length < 2) return CommandStatus.Usage;
            string name = CommandLine.ToLower(args[0]);
            if (name == StanName || name == BatchName) return SetCounter(session, name, args);
            ConfigField field;
            if (!ConfigFields.Find(name, out field))
            {
                session.Error("unknown field " + args[0] + " (help set lists the fields)");
                return CommandStatus.Done;
            }
            if (!Settable(field))
            {
                session.Error(name + " is changed with passwd");
                return CommandStatus.Done;
            }
            string value;
            if (field == ConfigField.MerchantName)
            {
                // a name may have spaces: the words after the field name, joined by one space
                value = args[1];
                for (int i = 2; i < args.Length; i++) value += " " + args[i];
            }
            else
            {
                if (args.Length != 2) return CommandStatus.Usage;
                value = args[1];
            }
            ConfigField[] before = _config.PendingChanges();
            ConfigStatus s = _config.SetText(field, value);
            if (s != ConfigStatus.Ok)
            {
                string accepted = ConsoleMessages.Accepted(field);
                session.Error(name + ": " + ConsoleMessages.Config(s) + (accepted.Length > 0 ? " [" + accepted + "]" : ""));
                return CommandStatus.Done;
            }
            TerminalConfig staged = _config.Staged;
            session.WriteLine(name + " = " + Shown(staged, field) + (staged.SameValue(field, _config.Current) ? " (as saved)" : " (staged: save applies it)"));
            // a profile change brings its framing (and maybe security): say so
            ConfigField[] after = _config.PendingChanges();
            for (int i = 0; i < after.Length; i++)
            {
                if (after[i] != field && !Contains(before, after[i]))
                {
                    session.WriteLine("  also " + ConfigFields.Name(after[i]) + " = " + Shown(staged, after[i]));
                }
            }
            return CommandStatus.Done;
        }

        private static bool Contains(ConfigField[] fields, ConfigField f)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (fields[i] == f) return true;
            }
            return false;
        }

        private CommandStatus SetCounter(ConsoleSession session, string name, string[] args)
        {
            if (args.Length != 2) return CommandStatus.Usage;
            int n;
            ConfigStatus s = ConfigValidator.ParseNumber(args[1], out n);
            if (s == ConfigStatus.Ok && !TerminalCounters.IsValid(n)) s = ConfigStatus.OutOfRange;
            if (s != ConfigStatus.Ok)
            {
                session.Error(name + ": " + ConsoleMessages.Config(s) + " [1-" + TerminalCounters.MaxValue.ToString() + "]");
                return CommandStatus.Done;
            }
            int open = _terminal.Journal.Count;
            if (name == BatchName && open > 0)
            {
                // the journal keeps the open batch's number (TerminalJournal.cs): it changes only by settling
                session.Error("the open batch " + ConsoleMessages.Stan(_terminal.Journal.Batch) + " has " + open.ToString()
                    + " transaction(s): settle first");
                return CommandStatus.Done;
            }
            TerminalCounters counters = _terminal.Counters;
            bool ok = name == StanName ? counters.SetNextStan(n) : counters.SetBatch(n);
            if (!ok)
            {
                session.Error("the counters could not be written; nothing changed");
                return CommandStatus.Done;
            }
            session.WriteLine(name == StanName ? "next stan " + ConsoleMessages.Stan(counters.UpcomingStan) : "batch " + ConsoleMessages.Stan(counters.Batch));
            return CommandStatus.Done;
        }

        private CommandStatus Save(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            int n = _config.PendingChanges().Length;
            if (n == 0)
            {
                session.WriteLine("nothing to save");
                return CommandStatus.Done;
            }
            ConfigStatus s = _config.Save();
            if (s != ConfigStatus.Ok)
            {
                session.Error(ConsoleMessages.Config(s));
                return CommandStatus.Done;
            }
            _savedSinceBoot = true;
            ConfigStatus applied = _config.Current.ApplyTo(_terminal);
            if (applied == ConfigStatus.Ok)
            {
                session.WriteLine("saved " + n.ToString() + " change(s); they apply from the next transaction");
            }
            else
            {
                session.WriteLine("saved " + n.ToString() + " change(s); the terminal stays not configured: set "
                    + ConfigFields.Name(_config.Current.MissingField()) + " and save");
            }
            UpdateNotice();
            return CommandStatus.Done;
        }

        private CommandStatus Revert(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            int n = _config.PendingChanges().Length;
            _config.Revert();
            session.WriteLine(n == 0 ? "nothing to revert" : n.ToString() + " unsaved change(s) dropped");
            return CommandStatus.Done;
        }

        private CommandStatus Reboot(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            int n = _config.PendingChanges().Length;
            if (n > 0 && !Confirm(session, n.ToString() + " unsaved change(s) will be lost; type yes to reboot: "))
            {
                session.WriteLine("reboot cancelled");
                return CommandStatus.Done;
            }
            session.WriteLine("rebooting");
            _system.Reboot();
            return CommandStatus.Logout;
        }

        // Asks a question; true only for the answer "yes".
        private static bool Confirm(ConsoleSession session, string question)
        {
            string answer;
            return session.ReadLine(question, out answer) == ConsoleInput.Ok && answer == YesWord;
        }
    }
}
