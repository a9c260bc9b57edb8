namespace PosTerminal.Crypto
{
    /// <summary>
    /// Outcome of a <see cref="PinBlock"/> operation. Bad PIN and PAN input and malformed clear blocks are statuses;
    /// exceptions are kept for programming errors (null or short buffers, a cipher of the wrong block size) and
    /// carry no PIN, PAN or key material.
    /// </summary>
    public enum PinBlockStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>
        /// Encoding: the PIN is not 4 to 12 digits long (ISO 9564-1:2017 8.1). Decoding: the length nibble is not
        /// 4 to C.
        /// </summary>
        PinLengthInvalid = 1,

        /// <summary>Encoding: a PIN character is not '0'..'9'. Decoding: a PIN nibble is above 9.</summary>
        PinNotDigits = 2,

        /// <summary>The PAN is not 8 to 19 digits long (ISO/IEC 7812-1).</summary>
        PanLengthInvalid = 3,

        /// <summary>A PAN character is not '0'..'9'.</summary>
        PanNotDigits = 4,

        /// <summary>Decoding: the control nibble is not the expected format (wrong format, PAN or key).</summary>
        ControlInvalid = 5,

        /// <summary>
        /// Decoding: a fill nibble the format does not allow (F for formats 0 and 2, A-F for format 3, A for format 4).
        /// </summary>
        FillInvalid = 6,

        /// <summary>
        /// Decrypting an 8-byte block format under a 16-byte-block cipher (SM4): the 8 padding bytes are not zero.
        /// </summary>
        PaddingInvalid = 7,
    }
}
