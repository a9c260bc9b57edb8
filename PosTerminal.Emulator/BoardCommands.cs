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
/// What a person does to the virtual board in <c>run</c>: start a sale, void, refund or balance inquiry, swipe a test
/// card, hold a code under the scanner, cancel, settle. A transaction waits for its card (or, a sale, its code) with the
/// firmware's <see cref="CardWait"/> on a worker thread, then runs and prints its frames, receipt and result. Typed at the board prompt (<see cref="Execute"/>), or, when the
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
          void STAN              void the approved sale with that trace number, then swipe its card
          refund AMOUNT [RRN MMDD]
                                 refund against the sale with that RRN and date (default: the last sale
                                 approved here), then swipe its card
          balance                balance inquiry, then swipe a card
          cancel                 cancel the waiting transaction
          settle                 settle the batch (totals, upload, batch end) and print the slip
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
    private volatile TxnOutcome _lastSale;

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

    /// <summary>Whether a transaction waits for its card or code (the prompt says "present card or code>").</summary>
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
                    NothingWaiting();
                    if (words.Length != 2) throw new ArgumentException("sale takes an amount, e.g. sale 12.34");
                    _amount = DemoOptions.ParseAmount(words[1], null);
                    _pending = StartSale(session);
                    return true;
                case "void":
                    NothingWaiting();
                    if (words.Length != 2 || !int.TryParse(words[1], out int stan) || stan < 1 || stan > TerminalCounters.MaxValue)
                        throw new ArgumentException("void takes the sale's trace number (STAN), e.g. void 000012");
                    _pending = Start(session, new CardRequest(TxnKind.Void, 0, stan, null, null));
                    return true;
                case "refund":
                    NothingWaiting();
                    _pending = Start(session, Refund(words));
                    return true;
                case "balance":
                    NothingWaiting();
                    if (words.Length != 1) throw new ArgumentException("balance takes no arguments");
                    _pending = Start(session, new CardRequest(TxnKind.Balance, 0, 0, null, null));
                    return true;
                case "settle":
                    if (_pending != null) throw new ArgumentException("a transaction is waiting: cancel it first");
                    session.Settle(_output);
                    return true;
                case "swipe":
                    if (words.Length < 2) throw new ArgumentException("swipe takes a test card's name (see: cards)");
                    TestCard card = TestCard.Find(words[1]) ?? throw new ArgumentException($"unknown card '{words[1]}' (see: cards)");
                    SwipeOptions how = SwipeHow(words);
                    _pending ??= StartSale(session);
                    _lastCard = card;
                    session.Board.Swipe(card, how);
                    _pending.Settle();
                    return true;
                case "scan":
                    if (words.Length < 2) throw new ArgumentException("scan takes a test code's name (see: codes) or the text to scan");
                    string symbol = TestCode.Find(words[1])?.Symbol ?? line.Trim()[words[0].Length..].Trim();
                    _pending ??= StartSale(session);
                    session.Board.Scan(symbol);
                    _pending.Settle();
                    return true;
                case "cancel":
                    if (_pending == null) throw new ArgumentException("nothing is waiting");
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

    private void NothingWaiting()
    {
        if (_pending != null) throw new ArgumentException("a transaction is already waiting: present a card or code, or cancel");
    }

    private PendingSale StartSale(EmulatorSession session) => Start(session, new CardRequest(TxnKind.Sale, _amount, 0, null, null));

    private PendingSale Start(EmulatorSession session, CardRequest request) =>
        PendingSale.Start(session, request, _pin, () => _lastCard, o =>
        {
            if (o.Type == TransactionType.Sale && o.IsApproved) _lastSale = o;
        }, _output);

    // refund AMOUNT [RRN MMDD]: the original sale's RRN (12 characters) and date; by default the last sale approved here.
    private CardRequest Refund(string[] words)
    {
        if (words.Length != 2 && words.Length != 4) throw new ArgumentException("refund takes an amount and the original RRN and date (MMDD), e.g. refund 5.00 123456789012 1127");
        long amount = DemoOptions.ParseAmount(words[1], null);
        if (words.Length == 4) return new CardRequest(TxnKind.Refund, amount, 0, words[2], words[3]);
        TxnOutcome sale = _lastSale ?? throw new ArgumentException("no sale approved here yet: give the original RRN and date (refund AMOUNT RRN MMDD)");
        return new CardRequest(TxnKind.Refund, amount, 0, sale.Rrn, $"{sale.Time.Month:D2}{sale.Time.Day:D2}");
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
    /// <c>quit</c>, which calls <paramref name="quit"/>; not <c>settle</c> and <c>signon</c>: the console has its own. Their output goes to this object's writer.
    /// </summary>
    public void AddTo(CommandTable table, Action quit)
    {
        Add(table, "sale", "sale AMOUNT", "board: start a sale (e.g. sale 12.34), then swipe or scan");
        Add(table, "swipe", "swipe CARD [reverse|slow|fast|jitter|damaged]", "board: swipe a test card (see cards)");
        Add(table, "scan", "scan CODE|TEXT", "board: hold a payment code (see codes) or any text under the scanner");
        Add(table, "void", "void STAN", "board: void the approved sale with that trace number, then swipe its card");
        Add(table, "refund", "refund AMOUNT [RRN MMDD]", "board: refund against a sale (default: the last approved here), then swipe");
        Add(table, "balance", "balance", "board: balance inquiry, then swipe a card");
        Add(table, "cancel", "cancel", "board: cancel the waiting transaction");
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

    private enum TxnKind { Sale, Void, Refund, Balance }

    // What a presented card is for: a sale or refund of an amount, a void of a trace number, a refund's original RRN and date.
    private sealed record CardRequest(TxnKind Kind, long AmountMinor, int OriginalStan, string Rrn, string Date)
    {
        public string Name => Kind.ToString().ToLowerInvariant();
    }

    // One transaction waiting for its card (a sale: or code) on a worker thread, then running.
    private sealed class PendingSale
    {
        private Demo.PrintingObserver _observer;

        public CancelSignal Cancel { get; } = new();

        public Task Done { get; private set; }

        public static PendingSale Start(EmulatorSession session, CardRequest rq, string pinOverride, Func<TestCard> lastCard, Action<TxnOutcome> ran, TextWriter output)
        {
            PendingSale p = new();
            p._observer = new Demo.PrintingObserver(session.Board, output, null);
            string currency = session.Terminal.Settings.Currency;
            output.WriteLine(rq.Kind switch
            {
                TxnKind.Sale => $"sale of {Currency.Format(rq.AmountMinor, currency)}: PRESENT CARD OR CODE (swipe CARD | scan CODE | cancel)",
                TxnKind.Void => $"void of the sale with STAN {rq.OriginalStan:D6}: PRESENT CARD (swipe CARD | cancel)",
                TxnKind.Refund => $"refund of {Currency.Format(rq.AmountMinor, currency)}: PRESENT CARD (swipe CARD | cancel)",
                _ => "balance inquiry: PRESENT CARD (swipe CARD | cancel)",
            });
            session.Board.Wait.Reset();
            p.Done = Task.Run(() =>
            {
                CardWaitResult r = session.Board.Wait.Wait(PresentTimeoutMs, p.Cancel, p._observer, out CardData card, out PaymentCode code);
                if (r == CardWaitResult.Card)
                {
                    using (card)
                    {
                        TestCard tc = lastCard();
                        string description = tc?.Description ?? "card";
                        string pin = pinOverride ?? tc?.Pin;
                        ran(rq.Kind switch
                        {
                            TxnKind.Sale => session.CardSale(card, description, rq.AmountMinor, pin, output),
                            TxnKind.Void => session.CardVoid(card, description, rq.OriginalStan, output),
                            TxnKind.Refund => session.CardRefund(card, description, rq.AmountMinor, rq.Rrn, rq.Date, output),
                            _ => session.CardBalance(card, description, pin, output),
                        });
                    }
                }
                else if (r == CardWaitResult.Code)
                {
                    using (code)
                    {
                        if (rq.Kind == TxnKind.Sale) ran(session.CodeSale(code, rq.AmountMinor, output));
                        else output.WriteLine($"a {rq.Name} takes a card, not a payment code: nothing was sent");
                    }
                }
                else
                {
                    output.WriteLine(r == CardWaitResult.Cancelled ? $"{rq.Name} cancelled: nothing was sent" : "no card or code in time: nothing was sent");
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
