namespace PosTerminal.Cards.Readers
{
    /// <summary>
    /// One reader of the terminal, as <see cref="CardWait"/> polls it: the magnetic stripe, the contactless and chip
    /// readers, the payment-code scanner. A poll waits at most the time given and never throws for what a customer
    /// presents; whatever it returns (card data, a code) is owned by the caller.
    /// </summary>
    public interface ICardReader
    {
        /// <summary>Which presentation this reader serves.</summary>
        ReaderKind Kind { get; }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for a presentation. <see cref="ReadStatus.Card"/> sets
        /// <paramref name="card"/>, <see cref="ReadStatus.Code"/> sets <paramref name="code"/>; the other is null.
        /// </summary>
        ReadStatus Poll(int timeoutMs, out CardData card, out PaymentCode code);

        /// <summary>
        /// After <see cref="ReadStatus.Failed"/>: the reader's own reason as a number (a MagstripeStatus, a
        /// PaymentCodeStatus, a chip reader's status) for the prompt and the log. Never card data.
        /// </summary>
        int LastFailure { get; }
    }
}
