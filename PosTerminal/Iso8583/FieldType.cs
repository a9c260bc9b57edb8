namespace PosTerminal.Iso8583
{
    /// <summary>ISO 8583:1987 data element types (clause 4.1): what characters a value may hold.</summary>
    public enum FieldType : byte
    {
        /// <summary>n: decimal digits.</summary>
        Numeric = 1,
        /// <summary>a: letters (and space, used as fill).</summary>
        Alpha = 2,
        /// <summary>an: letters and digits (and space, used as fill).</summary>
        AlphaNumeric = 3,
        /// <summary>ans: printable characters; bytes 0x80-0xFF are accepted for GB2312 host text (CUP F63).</summary>
        AlphaNumericSpecial = 4,
        /// <summary>b: raw bytes; lengths count bytes.</summary>
        Binary = 5,
        /// <summary>z: track 2/3 code set, digits and the separator '=' (nibble D in BCD).</summary>
        Track = 6,
        /// <summary>
        /// Hex nibbles '0'-'9', 'A'-'F' in a digit-counted field: a UnionPay F35/F36 whose track data block was
        /// encrypted with the TDK keeps its digit count but may hold any nibble.
        /// </summary>
        HexDigits = 7
    }
}
