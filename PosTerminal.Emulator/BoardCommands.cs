using System;
using System.IO;
using System.Threading.Tasks;
using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Emulator.Board;
using PosTerminal.TechConsole;
using PosTerminal.Txn;

namespace PosTerminal.Emulator;

/// <summary>
/// What a person does to the virtual board in <c>run</c>: start a sale, swipe a test card, hold a code under the
/// scanner, cancel. A sale waits for its card or code with the firmware's <see cref="CardWait"/> on a worker thread, then
/// runs and prints its frames, receipt and result. Typed at the board prompt (<see cref="Execute"/>), or, when the
/// technician console is on the emulator's own terminal, as console commands (<see cref="AddTo"/>).
/// </summary>
public sealed class BoardCommands
{
    /// <summary>How long a sale waits for a card or code.</summary>
    public const int PresentTimeoutMs = 60_000;

    /// <summary>The prompt's help.</summary>
    public const string Help = """
        board commands:
          sale AMOUNT            start a sale (e.g. sale 12.34), then present a card or a code
          swipe CARD [HOW]       swipe a test card (starts a sale of the last amount if none waits);
                                 HOW: reverse, slow (10 cm/s), fast (150 cm/s), jitter (25 %), damaged
          scan CODE              hold a payment code under the scanner: a test code's name or any text
          cancel                 cancel the waiting sale
          cards, codes           list the test cards and codes
          signon                 sign on (new working keys)
          help, quit
        """;

    // How long a command waits for a presentation to be read (or reported) before it returns.
    private const int SettleMs = 5_000;

    private readonly Func<EmulatorSession> _session;
    private readonly string _pin;
    private readonly TextWriter _output;
    private readonly object _lock = new();
    private long _amount;
    private PendingSale _pending;
    private TestCard _lastCard;

    /// <summary>
    /// Commands on the board of the session <paramref name="session"/> returns (it changes when the terminal reboots);
    /// the first sale is of <paramref name="amountMinor"/>; <paramref name="pin"/>: null = the test card's PIN, "" = none.
    /// </summary>
    public BoardCommands(Func<EmulatorSession> session, long amountMinor, string pin, TextWriter output)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _amount = amountMinor;
        _pin = pin;
    }

    /// <summary>Whether a sale waits for its card or code (the prompt says "present card or code>").</summary>
    public bool Waiting
    {
        get
        {
            lock (_lock) return _pending != null && !_pending.Done.IsCompleted;
        }
    }

    /// <summary>
    /// Runs the board command <paramref name="words"/>[0] with its arguments; <paramref name="line"/> is the whole typed
    /// line (scan takes the rest of it as text). Returns false when the verb is not a board command (help and quit are
    /// the prompt's). Throws <see cref="ArgumentException"/> with a message for the user.
    /// </summary>
    public bool Execute(string[] words, string line)
    {
        lock (_lock)
        {
            if (_pending != null && _pending.Done.IsCompleted) _pending = null;
            EmulatorSession session = _session();
            switch (words[0].ToLowerInvariant())
            {
                case "cards":
                    foreach (TestCard c in TestCard.All) _output.WriteLine($"  {c.Name,-12} {c.Description}");
                    return true;
                case "codes":
                    foreach (TestCode c in TestCode.All) _output.WriteLine($"  {c.Name,-12} {c.Description}");
                    return true;
                case "sale":
                    if (_pending != null) throw new ArgumentException("a sale is already waiting: present a card or code, or cancel");
                    if (words.Length != 2) throw new ArgumentException("sale takes an amount, e.g. sale 12.34");
                    _amount = DemoOptions.ParseAmount(words[1], null);
                    _pending = PendingSale.Start(session, _amount, _pin, () => _lastCard, _output);
                    return true;
                case "swipe":
                    if (words.Length < 2) throw new ArgumentException("swipe takes a test card's name (see: cards)");
                    TestCard card = TestCard.Find(words[1]) ?? throw new ArgumentException($"unknown card '{words[1]}' (see: cards)");
                    SwipeOptions how = SwipeHow(words);
                    _pending ??= PendingSale.Start(session, _amount, _pin, () => _lastCard, _output);
                    _lastCard = card;
                    session.Board.Swipe(card, how);
                    _pending.Settle();
                    return true;
                case "scan":
                    if (words.Length < 2) throw new ArgumentException("scan takes a test code's name (see: codes) or the text to scan");
                    string symbol = TestCode.Find(words[1])?.Symbol ?? line.Trim()[words[0].Length..].Trim();
                    _pending ??= PendingSale.Start(session, _amount, _pin, () => _lastCard, _output);
                    session.Board.Scan(symbol);
                    _pending.Settle();
                    return true;
                case "cancel":
                    if (_pending == null) throw new ArgumentException("no sale is waiting");
                    _pending.Cancel.Cancel();
                    _pending.Settle();
                    return true;
                case "signon":
                    if (_pending != null) throw new ArgumentException("a sale is waiting: cancel it first");
                    session.SignOn(_output);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Cancels a waiting sale and waits (bounded) for it to end: before a reboot or quit.</summary>
    public void Stop()
    {
        PendingSale p;
        lock (_lock)
        {
            p = _pending;
            _pending = null;
        }
        if (p == null) return;
        p.Cancel.Cancel();
        p.Done.Wait(SettleMs);
    }

    /// <summary>
    /// Adds the board commands to a console's table (technician role: the console asks for a login first), plus
    /// <c>quit</c>, which calls <paramref name="quit"/>. Their output goes to this object's writer.
    /// </summary>
    public void AddTo(CommandTable table, Action quit)
    {
        Add(table, "sale", "sale AMOUNT", "board: start a sale (e.g. sale 12.34), then swipe or scan");
        Add(table, "swipe", "swipe CARD [reverse|slow|fast|jitter|damaged]", "board: swipe a test card (see cards)");
        Add(table, "scan", "scan CODE|TEXT", "board: hold a payment code (see codes) or any text under the scanner");
        Add(table, "cancel", "cancel", "board: cancel the waiting sale");
        Add(table, "cards", "cards", "board: list the test cards");
        Add(table, "codes", "codes", "board: list the test codes");
        table.Add(new ConsoleCommand("quit", "quit", "quit the emulator", ConsoleRole.Technician, (_, _) =>
        {
            quit();
            return CommandStatus.Done;
        }));
    }

    private void Add(CommandTable table, string name, string usage, string summary) =>
        table.Add(new ConsoleCommand(name, usage, summary, ConsoleRole.Technician, (console, args) =>
        {
            string[] words = new string[args.Length + 1];
            words[0] = name;
            args.CopyTo(words, 1);
            try
            {
                Execute(words, string.Join(' ', words));
            }
            catch (ArgumentException e)
            {
                console.Error(e.Message);
            }
            return CommandStatus.Done;
        }));

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
