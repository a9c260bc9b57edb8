namespace PosTerminal.Crypto
{
    /// <summary>
    /// Algorithm indicator of an AES DUKPT derived key: bytes 4-5 of the derivation data
    /// (ANSI X9.24-3-2017 6.3.2). The length field follows from it: 2-key TDEA 128 bits, 3-key TDEA 192,
    /// AES-128 128, AES-192 192, AES-256 256 (6.2.2). HMAC (0005, variable length) is not offered.
    /// </summary>
    public enum DukptAesKeyType : ushort
    {
        /// <summary>0000: double-length TDEA, 16 bytes.</summary>
        Tdea2 = 0x0000,

        /// <summary>0001: triple-length TDEA, 24 bytes.</summary>
        Tdea3 = 0x0001,

        /// <summary>0002: AES-128, 16 bytes.</summary>
        Aes128 = 0x0002,

        /// <summary>0003: AES-192, 24 bytes.</summary>
        Aes192 = 0x0003,

        /// <summary>0004: AES-256, 32 bytes.</summary>
        Aes256 = 0x0004,
    }
}
