namespace PosTerminal.Cards
{
    /// <summary>Why track 2 data was rejected (ISO/IEC 7813 layout: PAN '=' YYMM service code discretionary).</summary>
    public enum Track2Status : byte
    {
        /// <summary>Valid.</summary>
        Ok = 0,
        /// <summary>No data between the sentinels.</summary>
        Empty = 1,
        /// <summary>A character other than a digit, '=' or the sentinels.</summary>
        BadCharacter = 2,
        /// <summary>No field separator '='.</summary>
        NoSeparator = 3,
        /// <summary>PAN shorter than 12 digits.</summary>
        PanTooShort = 4,
        /// <summary>PAN longer than 19 digits.</summary>
        PanTooLong = 5,
        /// <summary>The PAN's Luhn check digit is wrong.</summary>
        BadLuhn = 6,
        /// <summary>Fewer than 4 digits of expiry date after the separator.</summary>
        MissingExpiry = 7,
        /// <summary>Expiry month outside 01-12.</summary>
        BadExpiry = 8,
        /// <summary>Fewer than 3 digits of service code after the expiry date.</summary>
        MissingServiceCode = 9,
        /// <summary>More than 37 characters of data (ISO/IEC 7813 track 2 limit).</summary>
        TooLong = 10
    }
}
