namespace PosTerminal.Iso8583
{
    /// <summary>How a length indicator is written.</summary>
    public enum LengthEncoding : byte
    {
        /// <summary>BCD: LL in 1 byte, LLL in 2 bytes with a leading 0 nibble (CUP).</summary>
        Bcd = 1,
        /// <summary>ASCII digits: LL in 2 bytes, LLL in 3 bytes.</summary>
        Ascii = 2,
        /// <summary>Unsigned binary: LL in 1 byte, LLL in 2 bytes big-endian.</summary>
        Binary = 3
    }
}
