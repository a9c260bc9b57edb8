namespace PosTerminal.Cards.Readers
{
    /// <summary>How a <see cref="CardWait"/> ended.</summary>
    public enum CardWaitResult : byte
    {
        /// <summary>A card was read (swiped, tapped or inserted).</summary>
        Card = 0,
        /// <summary>A payment code was scanned.</summary>
        Code = 1,
        /// <summary>Nothing usable was presented in time.</summary>
        TimedOut = 2,
        /// <summary>The wait was cancelled.</summary>
        Cancelled = 3
    }
}
