namespace PosTerminal.Iso8583
{
    /// <summary>Why bytes and an ISO 8583 field specification disagree. Carried by <see cref="IsoFormatException"/>.</summary>
    public enum IsoError : byte
    {
        /// <summary>The message ends before the element being read.</summary>
        Truncated = 1,
        /// <summary>A variable length is above the field's maximum.</summary>
        LengthOverMax = 2,
        /// <summary>A fixed-length field was given a value of another length.</summary>
        LengthMismatch = 3,
        /// <summary>A length prefix holds something other than decimal digits.</summary>
        BadLength = 4,
        /// <summary>A character or nibble is not allowed by the field's type (n, z, a, an, ans).</summary>
        BadDigit = 5,
        /// <summary>The pad nibble of an odd-length BCD value is not the one the field specifies.</summary>
        BadPadding = 6,
        /// <summary>The bitmap is not valid hex, or marks field 1 wrongly.</summary>
        BadBitmap = 7,
        /// <summary>The bitmap marks a field that the message specification does not define.</summary>
        FieldNotInSpec = 8,
        /// <summary>Bytes are left after the last field of the bitmap.</summary>
        TrailingBytes = 9,
        /// <summary>The message type indicator is not four decimal digits.</summary>
        BadMti = 10,
        /// <summary>The output buffer (pack) or the receiving message's value pool (unpack) is too small.</summary>
        BufferTooSmall = 11
    }
}
