namespace PosTerminal.Crypto
{
    /// <summary>
    /// Outcome of a DUKPT counter or key operation (ANSI X9.24-1:2009 TDES, ANSI X9.24-3-2017 AES). Expected
    /// failures are statuses, never exceptions; exceptions are kept for programming errors (null buffer, bad
    /// key length) and carry no key material.
    /// </summary>
    public enum DukptStatus : byte
    {
        /// <summary>The counter or key is valid / was derived.</summary>
        Ok = 0,

        /// <summary>
        /// The transaction counter is one an originating device never uses: zero (the initial KSN itself), more
        /// one-bits than the scheme allows (10 for TDES, 16 for AES), or wider than the counter field.
        /// </summary>
        CounterInvalid = 1,

        /// <summary>
        /// No valid counter is left after the current one (TDES: past 1FF800 in the 21-bit counter; AES: past
        /// FFFF0000). The device must stop transacting until a new initial key is loaded.
        /// </summary>
        Exhausted = 2,

        /// <summary>
        /// AES DUKPT: the requested working key is stronger than the derivation key it would come from
        /// (ANSI X9.24-3-2017 6.2.2: e.g. no AES-256 working key from an AES-128 initial key).
        /// </summary>
        WorkingKeyTooStrong = 3,
    }
}
