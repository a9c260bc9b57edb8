namespace PosTerminal.Emv
{
    /// <summary>
    /// Why bytes are not well-formed BER-TLV as EMV uses it (EMV 4.3 Book 3 Annex B; ISO/IEC 7816-4 §5.2;
    /// ISO/IEC 8825-1 §8.1). Carried by <see cref="TlvFormatException"/> with the tag and the byte offset.
    /// </summary>
    public enum TlvError : byte
    {
        /// <summary>Well-formed (returned by <see cref="TlvReader.Validate"/>; never thrown).</summary>
        None = 0,
        /// <summary>The data ends inside a tag, a length or a value. Offset: the first byte of the element.</summary>
        Truncated = 1,
        /// <summary>A child runs past the end of its constructed parent. Offset: the first byte of the child.</summary>
        Overrun = 2,
        /// <summary>Length byte 80: the indefinite form (ISO/IEC 8825-1 §8.1.3.6), not used by EMV. Offset: the length byte.</summary>
        IndefiniteLength = 3,
        /// <summary>
        /// Length byte 83 or above: more than 2 length bytes (EMV Book 3 Annex B2 uses 1 to 3 length-field bytes, so
        /// 81 and 82 at most; FF is reserved by ISO/IEC 8825-1 §8.1.3.5). When writing: a value above 65535 bytes.
        /// Offset: the length byte.
        /// </summary>
        LengthTooLong = 4,
        /// <summary>A tag of more than 3 bytes (ISO/IEC 7816-4 §5.2.2.1 allows 1 to 3). Offset: the first tag byte.</summary>
        TagTooLong = 5,
        /// <summary>A tag starting with FF, invalid as a first tag byte (ISO/IEC 7816-4 §5.2.2.1). Offset: that byte.</summary>
        BadTag = 6,
        /// <summary>Constructed objects nested deeper than <see cref="TlvReader.MaxDepth"/>. Offset: the element too deep.</summary>
        TooDeep = 7,
        /// <summary>The output buffer is too small (writing). Offset: where the element would start.</summary>
        BufferTooSmall = 8
    }
}
