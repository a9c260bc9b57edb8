namespace PosTerminal.Cards.Readers
{
    /// <summary>
    /// What a <see cref="CardWait"/> tells the screen while it waits: a read that failed (try again), a chip card that was
    /// swiped (use the chip), the swipe allowed after failed chip reads. Called on the waiting thread; never with card data.
    /// </summary>
    public interface ICardWaitObserver
    {
        /// <summary>A presentation on <paramref name="reader"/> could not be read; <paramref name="reason"/> is the reader's.</summary>
        void OnReadFailed(ReaderKind reader, int reason);

        /// <summary>A card with a chip (service code 2xx/6xx) was swiped: the customer is asked to insert or tap it.</summary>
        void OnUseChip();

        /// <summary>The chip failed <paramref name="chipFailures"/> times: its stripe may now be swiped (fallback).</summary>
        void OnFallbackAllowed(int chipFailures);
    }
}
