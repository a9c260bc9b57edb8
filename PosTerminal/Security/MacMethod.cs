namespace PosTerminal.Security
{
    /// <summary>How F64 is computed; chosen per acquirer.</summary>
    public enum MacMethod : byte
    {
        /// <summary>No MAC.</summary>
        None = 0,
        /// <summary>UnionPay POS "ECB" MAC (DES or TDES by MAK length); F64 = 8 ASCII hex characters.</summary>
        CupEcb = 1,
        /// <summary>ANSI X9.19 / ISO 9797-1 MAC algorithm 3, padding method 1; F64 = the 8 MAC bytes.</summary>
        X919 = 2,
        /// <summary>AES-CMAC (NIST SP 800-38B) truncated to 8 bytes.</summary>
        AesCmac = 3,
        /// <summary>UnionPay 国密 MAC: the ECB MAC structure with SM4 and 16-byte blocks; F64 = 8 ASCII hex characters.</summary>
        CupSm4 = 4
    }
}
