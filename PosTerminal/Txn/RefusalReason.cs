namespace PosTerminal.Txn
{
    /// <summary>Why the terminal refused a transaction before sending it.</summary>
    public enum RefusalReason : byte
    {
        /// <summary>Not refused.</summary>
        None = 0,
        /// <summary>Amount not in 1..999999999999 minor units.</summary>
        InvalidAmount = 1,
        /// <summary>No usable card data.</summary>
        NoCard = 2,
        /// <summary>The trace number could not be saved, so it could not be used.</summary>
        StorageFailure = 3,
        /// <summary>The request could not be built (a configuration value breaks the message layout).</summary>
        BuildFailed = 4,
        /// <summary>A chip card (service code 2xx or 6xx) was swiped outside fallback: it must be inserted.</summary>
        UseChip = 5,
        /// <summary>No working keys: the terminal must sign on first.</summary>
        NotSignedOn = 6,
        /// <summary>No DUKPT initial key is loaded, or its counters are used up.</summary>
        NoDukptKey = 7,
        /// <summary>The PIN is not 4 to 12 digits, or the PIN block could not be built.</summary>
        BadPin = 8,
        /// <summary>The keys in the store do not fit the security settings (wrong algorithm or length): sign on or load keys again.</summary>
        KeysUnsuitable = 9,
        /// <summary>The batch journal is full: the terminal must settle first (结算).</summary>
        BatchFull = 10,
        /// <summary>A reversal is still owed to the host and could not be delivered: reversible transactions wait for it.</summary>
        ReversalPending = 11,
        /// <summary>The original transaction (of a void) is not an approved sale of the open batch.</summary>
        OriginalNotFound = 12,
        /// <summary>The original sale was voided already.</summary>
        AlreadyVoided = 13,
        /// <summary>A reference (original RRN, date) is malformed.</summary>
        InvalidReference = 14,
        /// <summary>The host asked for a new sign-on (header processing requirement 3) and it failed.</summary>
        SignOnFailed = 15
    }
}
