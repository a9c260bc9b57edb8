namespace PosTerminal.Security
{
    /// <summary>Outcome of loading a DUKPT initial key into <see cref="DukptState"/> or of taking a transaction's keys from it.</summary>
    public enum DukptKeyStatus : byte
    {
        /// <summary>Loaded, or the transaction's keys were derived (and the advanced state saved before they are used).</summary>
        Ok = 0,

        /// <summary>No DUKPT initial key has been loaded.</summary>
        NoKey = 1,

        /// <summary>The key has no transaction counter left (or the load KSN leaves none): a new initial key must be loaded.</summary>
        Exhausted = 2,

        /// <summary>The loaded key belongs to the other DUKPT scheme (TDES vs AES) than the one asked for.</summary>
        WrongScheme = 3,

        /// <summary>The state could not be saved; nothing was changed and no key was handed out.</summary>
        StorageFailure = 4,

        /// <summary>
        /// Load refused: this initial key ID (the KSN without its counter) was already in use on this terminal with a
        /// counter at or above the one of the load KSN, so its keys could repeat.
        /// </summary>
        KeyIdUsed = 5,

        /// <summary>
        /// Load refused: the key does not fit the KSN (TDES DUKPT: a 16-byte TDES IPEK with a 10-byte KSN; AES DUKPT: an
        /// AES initial key with a 12-byte KSN), or its device state would not fit the record.
        /// </summary>
        InvalidKey = 6,
    }
}
