namespace PosTerminal.Emv
{
    /// <summary>
    /// EMV data element tags (EMV 4.3 Book 3 Annex A, Table 33; templates: Book 1 §11 and Book 3 §6.5), as
    /// <see cref="TlvReader"/> reports them: the tag's bytes big-endian. Only the elements the terminal uses or
    /// receives in F55 are named here.
    /// </summary>
    public static class EmvTag
    {
        /// <summary>4F: Application Identifier (AID) - card.</summary>
        public const int Aid = 0x4F;
        /// <summary>50: Application Label.</summary>
        public const int ApplicationLabel = 0x50;
        /// <summary>5A: Application Primary Account Number (PAN).</summary>
        public const int Pan = 0x5A;
        /// <summary>5F24: Application Expiration Date (YYMMDD).</summary>
        public const int ExpirationDate = 0x5F24;
        /// <summary>5F2A: Transaction Currency Code (ISO 4217, n 3).</summary>
        public const int TransactionCurrencyCode = 0x5F2A;
        /// <summary>5F34: Application PAN Sequence Number.</summary>
        public const int PanSequenceNumber = 0x5F34;
        /// <summary>61: Application Template.</summary>
        public const int ApplicationTemplate = 0x61;
        /// <summary>6F: File Control Information (FCI) Template.</summary>
        public const int FciTemplate = 0x6F;
        /// <summary>70: READ RECORD Response Message Template.</summary>
        public const int RecordTemplate = 0x70;
        /// <summary>77: Response Message Template Format 2.</summary>
        public const int ResponseTemplate2 = 0x77;
        /// <summary>82: Application Interchange Profile (AIP).</summary>
        public const int Aip = 0x82;
        /// <summary>84: Dedicated File (DF) Name.</summary>
        public const int DfName = 0x84;
        /// <summary>87: Application Priority Indicator.</summary>
        public const int ApplicationPriority = 0x87;
        /// <summary>94: Application File Locator (AFL).</summary>
        public const int Afl = 0x94;
        /// <summary>95: Terminal Verification Results (TVR).</summary>
        public const int Tvr = 0x95;
        /// <summary>9A: Transaction Date (YYMMDD).</summary>
        public const int TransactionDate = 0x9A;
        /// <summary>9C: Transaction Type (the first two digits of ISO 8583 F3).</summary>
        public const int TransactionType = 0x9C;
        /// <summary>9F02: Amount, Authorised (Numeric, n 12).</summary>
        public const int AmountAuthorised = 0x9F02;
        /// <summary>9F03: Amount, Other (Numeric, n 12).</summary>
        public const int AmountOther = 0x9F03;
        /// <summary>9F09: Application Version Number - terminal.</summary>
        public const int TerminalApplicationVersion = 0x9F09;
        /// <summary>9F10: Issuer Application Data (IAD).</summary>
        public const int IssuerApplicationData = 0x9F10;
        /// <summary>9F12: Application Preferred Name.</summary>
        public const int ApplicationPreferredName = 0x9F12;
        /// <summary>9F1A: Terminal Country Code (ISO 3166, n 3).</summary>
        public const int TerminalCountryCode = 0x9F1A;
        /// <summary>9F1E: Interface Device (IFD) Serial Number.</summary>
        public const int IfdSerialNumber = 0x9F1E;
        /// <summary>9F26: Application Cryptogram (ARQC, TC or AAC).</summary>
        public const int ApplicationCryptogram = 0x9F26;
        /// <summary>9F27: Cryptogram Information Data (CID).</summary>
        public const int CryptogramInformationData = 0x9F27;
        /// <summary>9F33: Terminal Capabilities.</summary>
        public const int TerminalCapabilities = 0x9F33;
        /// <summary>9F34: Cardholder Verification Method (CVM) Results.</summary>
        public const int CvmResults = 0x9F34;
        /// <summary>9F35: Terminal Type.</summary>
        public const int TerminalType = 0x9F35;
        /// <summary>9F36: Application Transaction Counter (ATC).</summary>
        public const int Atc = 0x9F36;
        /// <summary>9F37: Unpredictable Number.</summary>
        public const int UnpredictableNumber = 0x9F37;
        /// <summary>9F41: Transaction Sequence Counter.</summary>
        public const int TransactionSequenceCounter = 0x9F41;
        /// <summary>A5: FCI Proprietary Template.</summary>
        public const int FciProprietaryTemplate = 0xA5;
        /// <summary>BF0C: FCI Issuer Discretionary Data.</summary>
        public const int FciIssuerDiscretionaryData = 0xBF0C;
    }
}
