namespace PosTerminal.Crypto
{
    /// <summary>
    /// ISO 9564-1:2017 PIN block formats; the value is the control field, the first nibble of the clear block.
    /// </summary>
    public enum PinBlockFormat : byte
    {
        /// <summary>Format 0 (ANSI X9.8): PIN field (fill F) XOR PAN field; 8 bytes, TDES. CUP and most acquirers.</summary>
        Iso0 = 0,

        /// <summary>Format 1: PIN field with random or transaction-unique fill; no PAN; 8 bytes.</summary>
        Iso1 = 1,

        /// <summary>Format 2: PIN field with fill F, no PAN; only for offline PIN to the ICC (never sent online).</summary>
        Iso2 = 2,

        /// <summary>Format 3: as format 0 with random fill nibbles A-F; 8 bytes.</summary>
        Iso3 = 3,

        /// <summary>Format 4: 16-byte PIN field (fill A, 8 random bytes) bound to a 16-byte PAN field by two AES passes.</summary>
        Iso4 = 4,
    }
}
