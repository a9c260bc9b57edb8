namespace PosTerminal.Security
{
    /// <summary>The block cipher a key belongs to.</summary>
    public enum KeyAlgorithm : byte
    {
        /// <summary>Single DES, 8 bytes (legacy UnionPay single-length keys).</summary>
        Des = 1,
        /// <summary>Triple DES, 16 (2-key) or 24 (3-key) bytes.</summary>
        Tdes = 2,
        /// <summary>AES, 16, 24 or 32 bytes.</summary>
        Aes = 3,
        /// <summary>SM4 (GB/T 32907), 16 bytes.</summary>
        Sm4 = 4
    }
}
