using PosTerminal.Cards;
using PosTerminal.Hal;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The smallest attended sale: the operator types an amount on the operator line, the card is swiped on a
    /// reader module that sends decoded track 2 as a text line (";PAN=YYMM...?"), the terminal runs the sale
    /// and prints the masked receipt on the operator line. For a board whose magstripe module sends decoded tracks
    /// over a UART (hardware/README.md); the reference board's Program.cs runs <see cref="PresentSaleLoop"/> over the
    /// card-read wait instead. Everything here is core, over HAL serial lines.
    /// </summary>
    public sealed class SerialSaleLoop
    {
        /// <summary>How long to wait for a swipe after the amount, in milliseconds (CUP CHECK_CARD_TIMEOUT: 60 s).</summary>
        public const int SwipeTimeoutMs = 60000;

        private readonly Terminal _terminal;
        private readonly IClock _clock;
        private readonly ISerialLine _operator;
        private readonly LineReader _amountLine;
        private readonly LineReader _readerLine;

        /// <summary>A loop over <paramref name="operatorLine"/> (prompts, amounts, receipts) and <paramref name="readerLine"/> (swipes).</summary>
        public SerialSaleLoop(Terminal terminal, IClock clock, ISerialLine operatorLine, ISerialLine readerLine)
        {
            _terminal = terminal;
            _clock = clock;
            _operator = operatorLine;
            _amountLine = new LineReader(operatorLine, 16);
            _readerLine = new LineReader(readerLine, Track2.MaxDataLength + 2);
        }

        /// <summary>
        /// One round: prompt, read an amount (waiting up to <paramref name="amountTimeoutMs"/>), wait for a swipe,
        /// run the sale. Returns the outcome, or null when nothing was entered or swiped in time or the input was bad.
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
            Say("\nSWIPE CARD\n");
            if (!_readerLine.TryRead(_clock, SwipeTimeoutMs))
            {
                Say("NO CARD\n");
                return null;
            }
            CardData card = null;
            Track2Status status = _readerLine.Overflowed
                ? Track2Status.TooLong
                : Track2.TryParse(_readerLine.Buffer, 0, _readerLine.Length, EntryMethod.Swipe, out card);
            _readerLine.Wipe();
            if (status != Track2Status.Ok)
            {
                Say("CARD READ FAILED (" + ((int)status).ToString() + ")\n");
                return null;
            }
            TxnOutcome outcome;
            using (card)
            {
                Say("CARD " + card.MaskedPan + " - PROCESSING\n");
                outcome = _terminal.Sale(card, amount);
            }
            if (outcome.Refusal == RefusalReason.UseChip) Say("CHIP CARD - PLEASE INSERT\n");
            if (outcome.Receipt != null) Say(outcome.Receipt);
            Say(Receipt.ResultText(outcome) + "\n");
            return outcome;
        }

        private void Say(string text)
        {
            ConsoleText.Write(_operator, text);
        }
    }
}
