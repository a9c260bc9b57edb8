namespace PosTerminal.Cards.Magstripe
{
    /// <summary>The three tracks of an ISO/IEC 7811 magnetic stripe; a raw head or a TTL channel reads one of them.</summary>
    public enum MagstripeTrack : byte
    {
        /// <summary>Track 1 (IATA, ISO/IEC 7813): 210 bpi, 7-bit characters (6 data + odd parity), up to 79 characters.</summary>
        Track1 = 1,
        /// <summary>Track 2 (ABA, ISO/IEC 7813): 75 bpi, 5-bit characters (4 data + odd parity), up to 40 characters.</summary>
        Track2 = 2,
        /// <summary>Track 3 (ISO 4909): 210 bpi, 5-bit characters, up to 107 characters. Decoded, not parsed.</summary>
        Track3 = 3
    }
}
