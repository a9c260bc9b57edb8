namespace PosTerminal.Txn
{
    /// <summary>Where a reversal (冲正) stands.</summary>
    public enum ReversalStatus : byte
    {
        /// <summary>No reversal is involved.</summary>
        None = 0,
        /// <summary>Journalled, not delivered yet: it goes out before the next transaction.</summary>
        Pending = 1,
        /// <summary>The host answered the 0400 with 00, 12 or 25: reversed (or nothing to reverse); the record is gone.</summary>
        Done = 2,
        /// <summary>Every allowed attempt failed: the record is kept, reversible transactions wait, the merchant must call support.</summary>
        Failed = 3
    }
}
