using PosTerminal.Cards;
using PosTerminal.Cards.Readers;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The attended sale of the reference board: the operator types an amount on the console line, the customer
    /// swipes a card or shows a payment code (whichever <see cref="CardWait"/> sees first), the terminal runs the sale
    /// and the console shows the masked receipt. The device's Program.cs runs it forever; everything here is core, over
    /// HAL lines and the card-read wait.
    /// </summary>
    /// <remarks>
    /// The wait for the card runs in slices of <see cref="ConsolePollMs"/>; between slices the console is read without
    /// waiting, and ESC, Ctrl-C or C ends the wait as cancelled. Whatever else is typed during the wait is dropped, so it
    /// cannot leak into the next amount. A reader that throws is reported once per sale (each slice is a new
    /// <see cref="CardWait.Wait"/>, which would report it again), and when every reader has thrown the wait ends at once
    /// as timed out, as a single CardWait does. <see cref="Cancel"/> also ends a running wait from another thread (a cancel
    /// before the wait starts is forgotten: each wait starts afresh). Each sale is a new transaction for the chip-first
    /// rules (<see cref="CardWait.Reset"/>). The console only ever sees masked card data (<see cref="CardData.MaskedPan"/>,
    /// <see cref="PaymentCode.Masked"/>, the receipt) and the readers' status numbers. Not thread-safe apart from
    /// <see cref="Cancel"/>.
    /// </remarks>
    public sealed class PresentSaleLoop
    {
        /// <summary>How long the customer has to present a card or code, unless set otherwise (CUP CHECK_CARD_TIMEOUT: 60 s).</summary>
        public const int DefaultPresentTimeoutMs = 60000;

        /// <summary>How often the console is checked for a cancel key while waiting for the card, in milliseconds.</summary>
        public const int ConsolePollMs = 200;

        // The longest amount line: Terminal.MaxAmount has 12 digits; longer input is reported as invalid.
        private const int AmountLineLength = 16;

        // At most this many reads of typed bytes per check, so a flood on the console cannot hold up the wait.
        private const int MaxKeyReads = 4;

        private readonly Terminal _terminal;
        private readonly IClock _clock;
        private readonly ISerialLine _console;
        private readonly CardWait _wait;
        private readonly int _presentTimeoutMs;
        private readonly LineReader _amountLine;
        private readonly CancelSignal _cancel = new CancelSignal();
        private readonly Screen _screen;
        private readonly byte[] _keys = new byte[16];

        /// <summary>A loop on <paramref name="console"/> over <paramref name="wait"/>, waiting <see cref="DefaultPresentTimeoutMs"/> for a card.</summary>
        public PresentSaleLoop(Terminal terminal, IClock clock, ISerialLine console, CardWait wait)
            : this(terminal, clock, console, wait, DefaultPresentTimeoutMs)
        {
        }

        /// <summary>
        /// A loop on <paramref name="console"/> (prompts, amounts, cancel keys, receipts) over <paramref name="wait"/>
        /// (the board's readers), waiting up to <paramref name="presentTimeoutMs"/> for a card or a code.
        /// </summary>
        public PresentSaleLoop(Terminal terminal, IClock clock, ISerialLine console, CardWait wait, int presentTimeoutMs)
        {
            if (terminal == null || clock == null || console == null || wait == null) throw new System.ArgumentNullException();
            if (presentTimeoutMs < 1) throw new System.ArgumentOutOfRangeException();
            _terminal = terminal;
            _clock = clock;
            _console = console;
            _wait = wait;
            _presentTimeoutMs = presentTimeoutMs;
            _amountLine = new LineReader(console, AmountLineLength);
            _screen = new Screen(console);
        }

        /// <summary>Ends the running wait for a card as cancelled (from any thread).</summary>
        public CancelSignal Cancel
        {
            get { return _cancel; }
        }

        /// <summary>True for the console keys that cancel the wait for a card: ESC, Ctrl-C, C or c.</summary>
        public static bool IsCancelKey(byte b)
        {
            return b == 0x1B || b == 0x03 || b == (byte)'C' || b == (byte)'c';
        }

        /// <summary>
        /// One round: prompt, read an amount (waiting up to <paramref name="amountTimeoutMs"/>), wait for a card or a
        /// code, run the sale. Returns the outcome, or null when no amount came in time, the amount was invalid, or
        /// nothing was presented before the timeout or the cancel.
        /// </summary>
        public TxnOutcome RunOnce(int amountTimeoutMs)
        {
            Say("AMOUNT (minor units)> ");
            long amount = _amountLine.ReadAmount(_clock, amountTimeoutMs);
            if (amount == 0) return null;
            if (amount < 0)
            {
                Say("\nINVALID AMOUNT\n");
                return null;
            }
            Say("\nSWIPE CARD OR SCAN CODE (ESC CANCELS)\n");
            CardData card;
            PaymentCode code;
            CardWaitResult r = WaitForPresentation(out card, out code);
            if (r == CardWaitResult.TimedOut)
            {
                Say("NO CARD\n");
                return null;
            }
            if (r == CardWaitResult.Cancelled)
            {
                Say("CANCELLED\n");
                return null;
            }
            TxnOutcome outcome;
            if (r == CardWaitResult.Code)
            {
                using (code)
                {
                    Say("CODE " + code.Masked + " - PROCESSING\n");
                    outcome = _terminal.Sale(code, amount);
                }
            }
            else
            {
                using (card)
                {
                    Say("CARD " + card.MaskedPan + " - PROCESSING\n");
                    outcome = _terminal.Sale(card, amount);
                }
            }
            if (outcome.Refusal == RefusalReason.UseChip) Say("CHIP CARD - PLEASE INSERT\n");
            if (outcome.Receipt != null) Say(outcome.Receipt);
            Say(Receipt.ResultText(outcome) + "\n");
            return outcome;
        }

        // The card-read wait in console-sized slices; a cancel key between slices ends it.
        private CardWaitResult WaitForPresentation(out CardData card, out PaymentCode code)
        {
            _wait.Reset();
            _cancel.Reset();
            _screen.Reset();
            Deadline deadline = Deadline.In(_clock, _presentTimeoutMs);
            while (true)
            {
                int remaining = deadline.RemainingMs(_clock);
                if (remaining <= 0)
                {
                    card = null;
                    code = null;
                    return CardWaitResult.TimedOut;
                }
                int slice = remaining < ConsolePollMs ? remaining : ConsolePollMs;
                Deadline sliceEnd = Deadline.In(_clock, slice);
                CardWaitResult r = _wait.Wait(slice, _cancel, _screen, out card, out code);
                if (r != CardWaitResult.TimedOut) return r;
                if (!sliceEnd.IsExpired(_clock)) return r;       // before its time: every reader threw
                if (CancelKeyTyped()) return CardWaitResult.Cancelled;
            }
        }

        // Reads what was typed, without waiting; true when it holds a cancel key. The bytes are dropped either way.
        private bool CancelKeyTyped()
        {
            bool cancel = false;
            for (int round = 0; round < MaxKeyReads && !cancel; round++)
            {
                int n = _console.Read(_keys, 0, _keys.Length, 0);
                if (n <= 0) break;
                for (int i = 0; i < n; i++)
                {
                    if (IsCancelKey(_keys[i])) cancel = true;
                }
            }
            System.Array.Clear(_keys, 0, _keys.Length);
            return cancel;
        }

        private void Say(string text)
        {
            ConsoleText.Write(_console, text);
        }

        // What the wait reports, on the console: the reader's status number, never card data.
        private sealed class Screen : ICardWaitObserver
        {
            private readonly ISerialLine _console;
            private int _faulted;                         // bit n: a reader of kind n threw during this sale

            public Screen(ISerialLine console)
            {
                _console = console;
            }

            public void Reset()
            {
                _faulted = 0;
            }

            public void OnReadFailed(ReaderKind reader, int reason)
            {
                string what = reader == ReaderKind.Scan ? "CODE" : "CARD";
                if (reason == CardWait.ReaderFault)
                {
                    int bit = 1 << (int)reader;
                    if ((_faulted & bit) != 0) return;
                    _faulted |= bit;
                    ConsoleText.Write(_console, what + " READER FAULT - USE ANOTHER WAY TO PAY\n");
                    return;
                }
                ConsoleText.Write(_console, (reader == ReaderKind.Scan ? "CODE REJECTED (" : "CARD READ FAILED (")
                    + reason.ToString() + ") - TRY AGAIN\n");
            }

            public void OnUseChip()
            {
                ConsoleText.Write(_console, "CHIP CARD - PLEASE INSERT\n");
            }

            public void OnFallbackAllowed(int chipFailures)
            {
                ConsoleText.Write(_console, "CHIP FAILED " + chipFailures.ToString() + " TIMES - SWIPE THE CARD\n");
            }
        }
    }
}
