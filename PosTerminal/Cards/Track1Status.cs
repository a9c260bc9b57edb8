namespace PosTerminal.Cards
{
    /// <summary>
    /// Why track 1 data was rejected (ISO/IEC 7813 format B: 'B' PAN '^' NAME '^' YYMM service code discretionary).
    /// </summary>
    public enum Track1Status : byte
    {
        /// <summary>Valid.</summary>
        Ok = 0,
        /// <summary>No data between the sentinels.</summary>
        Empty = 1,
        /// <summary>The format code is not 'B' (financial institutions).</summary>
        BadFormatCode = 2,
        /// <summary>A non-digit in the PAN, expiry or service code, or a character outside the track 1 set.</summary>
        BadCharacter = 3,
        /// <summary>Fewer than two field separators '^'.</summary>
        NoSeparator = 4,
        /// <summary>PAN shorter than 12 digits.</summary>
        PanTooShort = 5,
        /// <summary>PAN longer than 19 digits.</summary>
        PanTooLong = 6,
        /// <summary>The PAN's Luhn check digit is wrong.</summary>
        BadLuhn = 7,
        /// <summary>Name shorter than 2 or longer than 26 characters.</summary>
        BadName = 8,
        /// <summary>Fewer than 4 digits of expiry date after the second separator.</summary>
        MissingExpiry = 9,
        /// <summary>Expiry month outside 01-12.</summary>
        BadExpiry = 10,
        /// <summary>Fewer than 3 digits of service code after the expiry date.</summary>
        MissingServiceCode = 11,
        /// <summary>More than 76 characters of data (ISO/IEC 7813 track 1 limit: 79 with sentinels and LRC).</summary>
        TooLong = 12
    }
}
