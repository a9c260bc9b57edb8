using PosTerminal.Txn;

namespace PosTerminal.TechConsole
{
    // Pending reversal and batch in show status; settle; reversal send.
    internal sealed partial class TerminalCommands
    {
        // "pending reversal: ..." for show status: none, or the masked record and whether its last round failed.
        private string ReversalState()
        {
            PendingReversal r = _terminal.PendingReversal;
            if (r == null) return "none";
            return ConsoleMessages.Reversal(r);
        }

        // "batch: ..." for show status: number, debit and credit counts and amounts, capacity used, full = settle first.
        private string BatchState()
        {
            BatchJournal j = _terminal.Journal;
            int capacity = _terminal.Settings.BatchCapacity;
            string s = ConsoleMessages.Stan(j.Batch) + ", " + ConsoleMessages.Totals(j.Totals())
                + ", " + j.Count.ToString() + " of " + capacity.ToString() + " used";
            if (j.Count >= capacity) s += " - full: settle first";
            if (j.Damaged) s += " (journal damaged: entries were lost)";
            return s;
        }

        private CommandStatus Settle(ConsoleSession session, string[] args)
        {
            if (args.Length != 0) return CommandStatus.Usage;
            if (!_terminal.IsConfigured)
            {
                session.Error(ConsoleMessages.NotConfigured);
                return CommandStatus.Done;
            }
            session.WriteLine("settling batch " + ConsoleMessages.Stan(_terminal.Journal.Batch) + "...");
            SettlementOutcome o = _terminal.Settle();
            if (o.PriorReversal != ReversalStatus.None) session.WriteLine("pending reversal sent first: " + ConsoleMessages.ReversalRound(o.PriorReversal));
            if (o.Totals != null) session.WriteLine("totals: " + ConsoleMessages.Totals(o.Totals));
            if (o.Result != SettlementResult.Settled)
            {
                session.Error("settlement failed: " + ConsoleMessages.Settlement(o) + "; batch " + ConsoleMessages.Stan(o.Batch) + " stays open");
                return CommandStatus.Done;
            }
            session.WriteLine(o.Balanced
                ? "settled batch " + ConsoleMessages.Stan(o.Batch) + ": balanced (the host's totals agree)"
                : "settled batch " + ConsoleMessages.Stan(o.Batch) + ": totals differed, all transactions uploaded");
            session.WriteLine("uploaded " + o.Uploaded.ToString() + " transaction(s); new batch " + ConsoleMessages.Stan(o.NextBatch));
            return CommandStatus.Done;
        }

        private CommandStatus Reversal(ConsoleSession session, string[] args)
        {
            if (args.Length != 1 || CommandLine.ToLower(args[0]) != "send") return CommandStatus.Usage;
            PendingReversal r = _terminal.PendingReversal;
            if (r == null)
            {
                session.WriteLine("no reversal pending");
                return CommandStatus.Done;
            }
            if (!_terminal.IsConfigured)
            {
                session.Error(ConsoleMessages.NotConfigured);
                return CommandStatus.Done;
            }
            session.WriteLine("sending the reversal of stan " + ConsoleMessages.Stan(r.Stan) + "...");
            ReversalStatus s = _terminal.SendPendingReversal();
            if (s == ReversalStatus.Failed) session.Error(ConsoleMessages.ReversalRound(s) + " (" + ConsoleMessages.Reversal(_terminal.PendingReversal) + ")");
            else session.WriteLine(ConsoleMessages.ReversalRound(s));
            return CommandStatus.Done;
        }
    }
}
