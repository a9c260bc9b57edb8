namespace PosTerminal.Cards
{
    /// <summary>Why a scanned payment code was not accepted (or <see cref="Ok"/>).</summary>
    public enum PaymentCodeStatus : byte
    {
        /// <summary>A well-formed code of a known wallet.</summary>
        Ok = 0,
        /// <summary>Nothing was scanned (an empty line).</summary>
        Empty = 1,
        /// <summary>A character other than 0-9 (a URL, a product barcode, a code with a symbology prefix).</summary>
        NotDigits = 2,
        /// <summary>All digits, but the first two are no wallet's prefix.</summary>
        UnknownPrefix = 3,
        /// <summary>A wallet's prefix with a length that wallet never issues.</summary>
        WrongLength = 4,
        /// <summary>Longer than any payment code (the scanner line overflowed).</summary>
        TooLong = 5
    }
}
