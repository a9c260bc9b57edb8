namespace PosTerminal.Crypto
{
    /// <summary>
    /// Which key a TDES DUKPT transaction key is turned into (ANSI X9.24-1:2009 A.6 variants; payments.md §6.1).
    /// Each variant is XORed into both halves of the 16-byte transaction key; the two data variants are then passed
    /// through the one-way function (each half TDES-encrypted under the variant key itself), as moov-io/dukpt and
    /// the published data vectors do.
    /// </summary>
    public enum DukptTdesVariant : byte
    {
        /// <summary>The raw transaction key (future key) itself, no variant.</summary>
        None = 0,

        /// <summary>PIN encryption: 00000000000000FF 00000000000000FF.</summary>
        Pin = 1,

        /// <summary>MAC, request (terminal to host): 000000000000FF00 000000000000FF00.</summary>
        MacRequest = 2,

        /// <summary>MAC, response (host to terminal): 00000000FF000000 00000000FF000000.</summary>
        MacResponse = 3,

        /// <summary>Data encryption, request: 0000000000FF0000 0000000000FF0000, then the one-way function.</summary>
        DataRequest = 4,

        /// <summary>Data encryption, response: 000000FF00000000 000000FF00000000, then the one-way function.</summary>
        DataResponse = 5,
    }
}
