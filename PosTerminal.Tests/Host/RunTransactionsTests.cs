using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosTerminal.Emulator;
using PosTerminal.Security;
using PosTerminal.Txn;

namespace PosTerminal.Tests.Host;

/// <summary>
/// The board prompt of <c>run</c> with void, refund, balance and settle against the simulator, typed line by line: each
/// step waits (bounded) for the emulator's output before the next line, so the void can name the sale's trace number.
/// </summary>
[TestClass]
public class RunTransactionsTests
{
    // Standard input of the board prompt: lines the test hands over one by one (null ends it).
    private sealed class LineFeed : TextReader
    {
        private readonly BlockingCollection<string> _lines = new();

        public void Type(params string[] lines)
        {
            foreach (string l in lines) _lines.Add(l);
        }

        public void End() => _lines.CompleteAdding();

        public override string ReadLine() => _lines.TryTake(out string l, Timeout.Infinite) ? l : null;
    }

    // The emulator's output, readable while it is written.
    private sealed class Watched : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text) _text.Append(value);
        }

        public override void Write(string value)
        {
            lock (_text) _text.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_text) _text.Append(buffer, index, count);
        }

        public string Text
        {
            get
            {
                lock (_text) return _text.ToString();
            }
        }
    }

    // Waits until the output holds `count` matches of `pattern` (bounded); returns the last one.
    private static Match WaitForCount(Watched output, string pattern, int count, string what) =>
        TerminalPrograms.WaitFor(() =>
        {
            MatchCollection all = Regex.Matches(output.Text, pattern);
            return all.Count >= count ? all[count - 1].Value : "";
        }, pattern, what);

    [TestMethod]
    public async Task BoardPrompt_VoidRefundBalanceSettle_AgainstTheSimulator()
    {
        TerminalPrograms.Require();
        await using SimulatorFixture sim = new(AcquirerProfile.Cup, SecuritySettings.Named("cup"));
        string dir = TerminalPrograms.TempDir("posterminal-run-txn-");
        LineFeed input = new();
        Watched output = new();
        Task<int> run = null;
        try
        {
            RunTests.Configure(dir, sim.Host.Port);
            run = Task.Run(() => Interactive.Run(RunTests.Options(dir), input, output));
            input.Type("signon");
            WaitForCount(output, "SIGN-ON Ok", 1, "sign-on");

            input.Type("sale 10.00", "swipe cup-debit");
            Match sale = WaitForCount(output, @"RESULT approved \(00[^\n]*STAN (\d{6})", 1, "the sale");
            string stan = Regex.Match(sale.Value, @"STAN (\d{6})").Groups[1].Value;

            input.Type("void " + stan, "swipe cup-debit");
            WaitForCount(output, "RESULT approved", 2, "the void");
            StringAssert.Contains(output.Text, $"void of the sale with STAN {stan}: PRESENT CARD");
            input.Type("void " + stan, "swipe cup-debit");
            WaitForCount(output, "RESULT refused by the terminal: AlreadyVoided", 1, "a second void");
            input.Type("void 12x");
            WaitForCount(output, "error: void takes the sale's trace number", 1, "a bad trace number");

            input.Type("sale 20.00", "swipe cup-debit");
            WaitForCount(output, "RESULT approved", 3, "the second sale");
            input.Type("refund 5.00", "scan wechat");                 // a refund takes a card: the code is not used
            WaitForCount(output, "a refund takes a card, not a payment code: nothing was sent", 1, "a code for a refund");
            input.Type("refund 5.00", "swipe cup-debit");             // against the last approved sale here
            WaitForCount(output, "RESULT approved", 4, "the refund");
            StringAssert.Contains(output.Text, "refund of CNY 5.00 (original RRN ");

            input.Type("balance", "swipe cup-debit");
            WaitForCount(output, "BALANCE CNY 10000.00", 1, "the balance");

            input.Type("settle");
            WaitForCount(output, @"RESULT settled batch (\d{6}): totals agree, next batch \d{6}", 1, "the settlement");
            input.Type("quit");
            Assert.IsTrue(await Task.WhenAny(run, Task.Delay(TerminalPrograms.StepTimeout)) == run, "run did not quit:\n" + output.Text);
            Assert.AreEqual(0, await run, output.Text);

            string text = output.Text;
            StringAssert.Contains(text, "SETTLEMENT");
            string log = string.Join('\n', sim.Log);
            Assert.AreEqual(2, Regex.Matches(log, "0200 SALE").Count, log);
            Assert.AreEqual(1, Regex.Matches(log, " VOID ").Count, log);
            Assert.AreEqual(1, Regex.Matches(log, " REFUND ").Count, log);
            Assert.AreEqual(1, Regex.Matches(log, " BALANCE ").Count, log);
            Assert.IsFalse(text.Contains("6212260000123456782"), "clear PAN in output");
        }
        finally
        {
            input.End();
            if (run != null && !run.IsCompleted) await Task.WhenAny(run, Task.Delay(TerminalPrograms.StepTimeout));
            Directory.Delete(dir, true);
        }
    }
}
