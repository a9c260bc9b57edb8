namespace PosTerminal.Crypto
{
    /// <summary>
    /// Outcome of a <see cref="TrackCipher"/> operation. Bad track input and undecryptable data are statuses;
    /// exceptions are kept for programming errors (null or short buffers, a cipher of an unusable block size) and
    /// carry no track data.
    /// </summary>
    public enum TrackCipherStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>
        /// The length is outside what the convention allows: empty; when decrypting, shorter than one TDB plus the
        /// kept last byte (UnionPay) or not a whole number of blocks (DUKPT). Field maximums (F35 37, F36 104 digits)
        /// are the ISO 8583 codec's business.
        /// </summary>
        LengthInvalid = 1,

        /// <summary>
        /// A character the convention does not allow: UnionPay clear track other than '0'..'9', '=' or 'D'; UnionPay
        /// encrypted track other than a hex digit (or a clear part with A-C, E, F); DUKPT clear track outside printable
        /// ASCII. After decryption: the result is not a clear track (wrong key or corrupted data).
        /// </summary>
        CharacterInvalid = 2,

        /// <summary>DUKPT decryption: more zero padding than one block can hold (wrong key or corrupted data).</summary>
        PaddingInvalid = 3,
    }
}
