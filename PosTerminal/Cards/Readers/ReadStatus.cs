namespace PosTerminal.Cards.Readers
{
    /// <summary>What one poll of a reader saw.</summary>
    public enum ReadStatus : byte
    {
        /// <summary>Nothing presented in the time given.</summary>
        None = 0,
        /// <summary>A card was read: its data is in the poll's card argument.</summary>
        Card = 1,
        /// <summary>A payment code was scanned: it is in the poll's code argument.</summary>
        Code = 2,
        /// <summary>Something was presented but could not be read; <see cref="ICardReader.LastFailure"/> says why.</summary>
        Failed = 3
    }
}
