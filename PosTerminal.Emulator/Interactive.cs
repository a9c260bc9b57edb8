using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Emulator.Board;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// The emulator's interactive mode (<c>run</c>): the terminal waits for a card or a code with the firmware's
/// <see cref="CardWait"/> while a person acts on the virtual board at a prompt: "swipe visa", "scan alipay",
/// "scan 6901234567892", "cancel". Each sale's frames, receipt and result are printed as in the demo.
/// </summary>
public static class Interactive
{
    /// <summary>How long a sale waits for a card or code.</summary>
    public const int PresentTimeoutMs = 60_000;

    // How long the prompt waits for a presentation to be read (or reported) before it takes the next command.
    private const int SettleMs = 5_000;

    private const string Help = """
        commands:
          sale AMOUNT            start a sale (e.g. sale 12.34), then present a card or a code
          swipe CARD [HOW]       swipe a test card (starts a sale of the last amount if none waits);
                                 HOW: reverse, slow (10 cm/s), fast (150 cm/s), jitter (25 %), damaged
          scan CODE              hold a payment code under the scanner: a test code's name or any text
          cancel                 cancel the waiting sale
          cards, codes           list the test cards and codes
          signon                 sign on again (new working keys)
          help, quit
        """;

    /// <summary>Runs the prompt on <paramref name="input"/> until quit or end of input; returns 0.</summary>
    public static async Task<int> Run(DemoOptions o, TextReader input, TextWriter output)
    {
        output = TextWriter.Synchronized(output);
        await using EmulatorSession session = EmulatorSession.Open(o, output);
        if (!session.Prepare(output)) return Demo.NotCompleted;
        output.WriteLine();
        output.WriteLine(Help);
        long amount = o.AmountMinor;
        PendingSale pending = null;
        TestCard lastCard = null;
        while (true)
        {
            if (pending != null && pending.Done.IsCompleted) pending = null;
            output.Write(pending == null ? "pos> " : "present card or code> ");
            output.Flush();
            string line = input.ReadLine();
            if (line == null) break;
            string[] w = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Length == 0) continue;
            try
            {
                switch (w[0].ToLowerInvariant())
                {
                    case "help":
                    case "?":
                        output.WriteLine(Help);
                        break;
                    case "cards":
                        foreach (TestCard c in TestCard.All) output.WriteLine($"  {c.Name,-12} {c.Description}");
                        break;
                    case "codes":
                        foreach (TestCode c in TestCode.All) output.WriteLine($"  {c.Name,-12} {c.Description}");
                        break;
                    case "sale":
                        if (pending != null) throw new ArgumentException("a sale is already waiting: present a card or code, or cancel");
                        if (w.Length != 2) throw new ArgumentException("sale takes an amount, e.g. sale 12.34");
                        amount = DemoOptions.ParseAmount(w[1], o.Profile);
                        pending = PendingSale.Start(session, amount, o.Pin, () => lastCard, output);
                        break;
                    case "swipe":
                        if (w.Length < 2) throw new ArgumentException("swipe takes a test card's name (see: cards)");
                        TestCard card = TestCard.Find(w[1]) ?? throw new ArgumentException($"unknown card '{w[1]}' (see: cards)");
                        SwipeOptions how = SwipeHow(w);
                        pending ??= PendingSale.Start(session, amount, o.Pin, () => lastCard, output);
                        lastCard = card;
                        session.Board.Swipe(card, how);
                        pending.Settle();
                        break;
                    case "scan":
                        if (w.Length < 2) throw new ArgumentException("scan takes a test code's name (see: codes) or the text to scan");
                        string symbol = TestCode.Find(w[1])?.Symbol ?? line.Trim()[4..].Trim();
                        pending ??= PendingSale.Start(session, amount, o.Pin, () => lastCard, output);
                        session.Board.Scan(symbol);
                        pending.Settle();
                        break;
                    case "cancel":
                        if (pending == null) throw new ArgumentException("no sale is waiting");
                        pending.Cancel.Cancel();
                        pending.Settle();
                        break;
                    case "signon":
                        if (pending != null) throw new ArgumentException("a sale is waiting: cancel it first");
                        session.SignOn(output);
                        break;
                    case "quit":
                    case "exit":
                        pending?.Cancel.Cancel();
                        pending?.Done.Wait(SettleMs);
                        return 0;
                    default:
                        throw new ArgumentException($"unknown command '{w[0]}' (try: help)");
                }
            }
            catch (ArgumentException e)
            {
                output.WriteLine("error: " + e.Message);
            }
        }
        pending?.Cancel.Cancel();
        pending?.Done.Wait(SettleMs);
        return 0;
    }

    private static SwipeOptions SwipeHow(string[] w)
    {
        SwipeOptions how = VirtualMagstripeReader.DefaultSwipe;
        for (int i = 2; i < w.Length; i++)
        {
            how = w[i].ToLowerInvariant() switch
            {
                "reverse" => how with { Reverse = true },
                "slow" => how with { StartSpeedCmPerS = 10, EndSpeedCmPerS = 12 },
                "fast" => how with { StartSpeedCmPerS = 140, EndSpeedCmPerS = 150 },
                "jitter" => how with { JitterPercent = 25 },
                "damaged" => how with { FlipBit = 60 },
                _ => throw new ArgumentException($"swipe: '{w[i]}' is not reverse, slow, fast, jitter or damaged"),
            };
        }
        return how;
    }

    // One sale waiting for its card or code on a worker thread, then running.
    private sealed class PendingSale
    {
        private Demo.PrintingObserver _observer;

        public CancelSignal Cancel { get; } = new();

        public Task Done { get; private set; }

        public static PendingSale Start(EmulatorSession session, long amountMinor, string pinOverride, Func<TestCard> lastCard, TextWriter output)
        {
            PendingSale p = new();
            p._observer = new Demo.PrintingObserver(session.Board, output, null);
            output.WriteLine($"sale of {Currency.Format(amountMinor, session.Terminal.Settings.Currency)}: PRESENT CARD OR CODE (swipe CARD | scan CODE | cancel)");
            session.Board.Wait.Reset();
            p.Done = Task.Run(() =>
            {
                CardWaitResult r = session.Board.Wait.Wait(PresentTimeoutMs, p.Cancel, p._observer, out CardData card, out PaymentCode code);
                if (r == CardWaitResult.Card)
                {
                    using (card)
                    {
                        TestCard tc = lastCard();
                        session.CardSale(card, tc?.Description ?? "card", amountMinor, pinOverride ?? tc?.Pin, output);
                    }
                }
                else if (r == CardWaitResult.Code)
                {
                    using (code) session.CodeSale(code, amountMinor, output);
                }
                else
                {
                    output.WriteLine(r == CardWaitResult.Cancelled ? "sale cancelled: nothing was sent" : "no card or code in time: nothing was sent");
                }
            });
            return p;
        }

        // Waits until the sale is over or the wait reported something (a rejected swipe or code), at most SettleMs.
        public void Settle()
        {
            Task reported = _observer.Reported.WaitAsync(SettleMs);
            Task.WaitAny(Done, reported);
        }
    }
}
