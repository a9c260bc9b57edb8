namespace PosTerminal.Iso8583
{
    /// <summary>How a field's characters or bytes are written on the wire.</summary>
    public enum FieldEncoding : byte
    {
        /// <summary>One byte per character (n, z, a, an, ans).</summary>
        Ascii = 1,
        /// <summary>Two digits per byte (n, z); an odd count gets one pad nibble, side and value per <see cref="BcdPad"/>.</summary>
        Bcd = 2,
        /// <summary>Raw bytes (b).</summary>
        Binary = 3,
        /// <summary>Each byte of a b field as two upper-case hex characters (jPOS IFA_BINARY).</summary>
        HexAscii = 4
    }
}
