using PosTerminal.Config;
using PosTerminal.Link;
using PosTerminal.Txn;

namespace PosTerminal.TechConsole
{
    // Status, link test and sign-on.
    internal sealed partial class TerminalCommands
    {
        private EchoOutcome[] _lastLinkTest;
        private string _lastLinkTestTime;

        private CommandStatus ShowStatus(ConsoleSession session)
        {
            string load = ConsoleMessages.LoadWarning(_boot.Load);
            if (load != null) load = load.Substring("warning: ".Length);
            if (_savedSinceBoot) session.WriteLine("configuration: saved since boot" + (load == null ? "" : " (at boot: " + load + ")"));
            else session.WriteLine("configuration: " + (load == null ? "loaded at boot" : load));
            int pending = _config.PendingChanges().Length;
            if (pending > 0) session.WriteLine("unsaved changes: " + pending.ToString() + " (pending lists them)");
            session.WriteLine("terminal: " + (_terminal.IsConfigured ? "configured, profile " + _terminal.Settings.Profile.Name
                + ", tid " + _terminal.Settings.TerminalId : ConsoleMessages.NotConfigured));
            session.WriteLine("link: " + LinkState());
            session.WriteLine("last transaction: " + LastTransaction());
            session.WriteLine("pending reversal: " + ReversalState());
            session.WriteLine("batch: " + BatchState());
            TerminalCounters c = _terminal.Counters;
            session.WriteLine("counters: last stan " + ConsoleMessages.Stan(c.Stan) + ", next stan " + ConsoleMessages.Stan(c.UpcomingStan)
                + ", batch " + ConsoleMessages.Stan(c.Batch));
            EchoOutcome echo = _terminal.LastEcho;
            session.WriteLine("last keep-alive echo: " + (echo == null ? "none" : HostName(echo.HostIndex, echo.Host) + " " + ConsoleMessages.Echo(echo)));
            if (_lastLinkTest == null)
            {
                session.WriteLine("last link test: none since boot");
            }
            else
            {
                session.WriteLine("last link test (" + _lastLinkTestTime + "): " + LinkTestSummary(_lastLinkTest));
            }
            return CommandStatus.Done;
        }

        private string LinkState()
        {
            LinkSettings link = _terminal.Settings.Link;
            if (!_terminal.IsConfigured) return "none (not configured)";
            if (!link.KeepsConnection) return "a connection per transaction (none held now)";
            int i = _terminal.ConnectedHostIndex;
            if (!_terminal.LinkConnected || i < 0) return "kept connection, not connected now";
            return "kept connection to " + HostName(i, link.Host(i));
        }

        private string LastTransaction()
        {
            TxnOutcome o = _terminal.LastTransaction;
            if (o == null) return "none since boot";
            string s = o.Type.Name + ", " + (o.MaskedPan == null ? "no card" : o.MaskedPan) + ", amount " + o.AmountMinor.ToString()
                + " (minor units), " + ConsoleMessages.Result(o.Result);
            if (o.Result == TxnResult.Refused) s += ": " + ConsoleMessages.Refusal(o.Refusal);
            if (o.ResponseCode != null) s += ", rc " + o.ResponseCode;
            if (o.Stan > 0) s += ", stan " + ConsoleMessages.Stan(o.Stan);
            return s;
        }

        // "primary 10.0.0.1:5800", "backup2 10.0.0.3:5800": position i of the terminal's host list, named after the
        // configuration's host field it came from (unset backups are skipped in the list).
        private string HostName(int index, HostEndpoint host)
        {
            string label = "host " + index.ToString();
            TerminalConfig c = _config.Current;
            int k = 0;
            for (int i = 0; i < TerminalConfig.MaxHosts && index >= 0; i++)
            {
                if (c.Host(i) == null) continue;
                if (k == index)
                {
                    label = ConfigFields.Name(ConfigFields.HostField(i));
                    if (i == 0) label = "primary";
                    break;
                }
                k++;
            }
            return host == null ? label : label + " " + host.ToString();
        }

        private string LinkTestSummary(EchoOutcome[] all)
        {
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Result == EchoResult.Ok) return "answered by " + HostName(all[i].HostIndex, all[i].Host) + " in " + all[i].RoundTripMs.ToString() + " ms";
            }
            return "no host answered with rc 00";
        }

        private CommandStatus Link(ConsoleSession session, string[] args)
        {
            if (args.Length != 1 || CommandLine.ToLower(args[0]) != "test") return CommandStatus.Usage;
            if (!_terminal.IsConfigured)
            {
                session.Error(ConsoleMessages.NotConfigured);
                return CommandStatus.Done;
            }
            if (_config.HasChanges) session.WriteLine("note: testing the saved configuration; the unsaved changes are not used");
            int hosts = _terminal.Settings.Link.HostCount;
            session.WriteLine("testing " + hosts.ToString() + " host(s)...");
            EchoOutcome[] all = _terminal.LinkTest();
            if (all.Length == 0)
            {
                session.Error(ConsoleMessages.NotConfigured);
                return CommandStatus.Done;
            }
            for (int i = 0; i < all.Length; i++)
            {
                session.WriteLine("  " + HostName(i, all[i].Host) + ": " + ConsoleMessages.Echo(all[i]));
            }
            _lastLinkTest = all;
            _lastLinkTestTime = Time();
            bool answered = false;
            for (int i = 0; i < all.Length; i++) answered |= all[i].Result == EchoResult.Ok;
            if (answered) session.WriteLine(LinkTestSummary(all));
            else session.Error("no host answered the echo test");
            return CommandStatus.Done;
        }

        private string Time()
        {
            System.DateTime t = _clock.Now;
            return t.Year.ToString() + "-" + PosTerminal.Util.Ascii.Number(t.Month, 2) + "-" + PosTerminal.Util.Ascii.Number(t.Day, 2)
                + " " + PosTerminal.Util.Ascii.Number(t.Hour, 2) + ":" + PosTerminal.Util.Ascii.Number(t.Minute, 2)
                + ":" + PosTerminal.Util.Ascii.Number(t.Second, 2);
        }

        private CommandStatus SignOn(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            if (_config.HasChanges) session.WriteLine("note: signing on with the saved configuration; the unsaved changes are not used");
            SignOnOutcome o = _terminal.SignOn();
            if (o.Result != SignOnResult.Ok)
            {
                session.Error(ConsoleMessages.SignOn(o));
                return CommandStatus.Done;
            }
            string keys = "PIK " + o.PinKeyCheck + ", MAK " + o.MacKeyCheck;
            if (o.TrackKeyCheck != null) keys += ", TDK " + o.TrackKeyCheck;
            session.WriteLine("signed on via " + HostName(o.HostIndex, o.HostIndex >= 0 ? _terminal.Settings.Link.Host(o.HostIndex) : null)
                + ": rc 00, stan " + ConsoleMessages.Stan(o.Stan) + (o.Batch > 0 ? ", batch " + ConsoleMessages.Stan(o.Batch) : ""));
            session.WriteLine("working key check values: " + keys);
            return CommandStatus.Done;
        }
    }
}
