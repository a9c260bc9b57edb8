namespace PosTerminal.Iso8583
{
    /// <summary>Data element numbers of ISO 8583:1987 used by the terminal (names per the standard's clause 4.3).</summary>
    public static class IsoField
    {
        /// <summary>2: primary account number.</summary>
        public const int Pan = 2;
        /// <summary>3: processing code.</summary>
        public const int ProcessingCode = 3;
        /// <summary>4: amount, transaction (minor units).</summary>
        public const int Amount = 4;
        /// <summary>7: transmission date and time MMDDhhmmss.</summary>
        public const int TransmissionDateTime = 7;
        /// <summary>11: systems trace audit number (STAN).</summary>
        public const int Stan = 11;
        /// <summary>12: time, local transaction hhmmss.</summary>
        public const int LocalTime = 12;
        /// <summary>13: date, local transaction MMDD.</summary>
        public const int LocalDate = 13;
        /// <summary>14: date, expiration YYMM.</summary>
        public const int Expiry = 14;
        /// <summary>15: date, settlement MMDD.</summary>
        public const int SettlementDate = 15;
        /// <summary>22: point of service entry mode.</summary>
        public const int EntryMode = 22;
        /// <summary>23: card sequence number.</summary>
        public const int CardSequence = 23;
        /// <summary>25: point of service condition code.</summary>
        public const int ConditionCode = 25;
        /// <summary>26: point of service PIN capture code.</summary>
        public const int PinCaptureCode = 26;
        /// <summary>32: acquiring institution identification code.</summary>
        public const int AcquirerId = 32;
        /// <summary>35: track 2 data.</summary>
        public const int Track2 = 35;
        /// <summary>36: track 3 data.</summary>
        public const int Track3 = 36;
        /// <summary>37: retrieval reference number.</summary>
        public const int Rrn = 37;
        /// <summary>38: authorization identification response.</summary>
        public const int AuthCode = 38;
        /// <summary>39: response code.</summary>
        public const int ResponseCode = 39;
        /// <summary>41: card acceptor terminal identification.</summary>
        public const int TerminalId = 41;
        /// <summary>42: card acceptor identification code (merchant).</summary>
        public const int MerchantId = 42;
        /// <summary>44: additional response data.</summary>
        public const int AdditionalResponse = 44;
        /// <summary>48: additional data, private (DUKPT profile: the encrypted track, hex).</summary>
        public const int AdditionalData = 48;
        /// <summary>49: currency code, transaction (ISO 4217 numeric).</summary>
        public const int Currency = 49;
        /// <summary>52: PIN data.</summary>
        public const int PinBlock = 52;
        /// <summary>53: security related control information.</summary>
        public const int SecurityControl = 53;
        /// <summary>54: additional amounts (a balance inquiry's balances).</summary>
        public const int AdditionalAmounts = 54;
        /// <summary>55: ICC system related data (BER-TLV).</summary>
        public const int IccData = 55;
        /// <summary>60: reserved private (CUP: 60.1 type, 60.2 batch, 60.3 network management code ...).</summary>
        public const int Reserved60 = 60;
        /// <summary>61: reserved private (CUP: original transaction data).</summary>
        public const int Reserved61 = 61;
        /// <summary>62: reserved private (CUP: working keys, payment code, parameters).</summary>
        public const int Reserved62 = 62;
        /// <summary>63: reserved private (CUP: operator / card organisation code).</summary>
        public const int Reserved63 = 63;
        /// <summary>64: message authentication code (primary bitmap).</summary>
        public const int Mac = 64;
        /// <summary>70: network management information code.</summary>
        public const int NetworkCode = 70;
        /// <summary>90: original data elements.</summary>
        public const int OriginalData = 90;
        /// <summary>128: message authentication code (secondary bitmap).</summary>
        public const int Mac2 = 128;
    }
}
