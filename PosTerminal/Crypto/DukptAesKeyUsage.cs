namespace PosTerminal.Crypto
{
    /// <summary>
    /// Key usage indicator of an AES DUKPT working key: bytes 2-3 of the derivation data
    /// (ANSI X9.24-3-2017 6.3.2, tables 2 and 3). The values are the indicators themselves. The two derivation
    /// usages (8000 key derivation, 8001 initial key) are used internally by <see cref="DukptAes"/> only.
    /// </summary>
    public enum DukptAesKeyUsage : ushort
    {
        /// <summary>0002: key encryption key (key transport).</summary>
        KeyEncryptionKey = 0x0002,

        /// <summary>1000: PIN encryption.</summary>
        PinEncryption = 0x1000,

        /// <summary>2000: MAC generation.</summary>
        MacGeneration = 0x2000,

        /// <summary>2001: MAC verification.</summary>
        MacVerification = 0x2001,

        /// <summary>2002: MAC generation and verification.</summary>
        MacBoth = 0x2002,

        /// <summary>3000: data encryption, encrypt.</summary>
        DataEncrypt = 0x3000,

        /// <summary>3001: data encryption, decrypt.</summary>
        DataDecrypt = 0x3001,

        /// <summary>3002: data encryption, both directions.</summary>
        DataBoth = 0x3002,
    }
}
