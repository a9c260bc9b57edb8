namespace PosTerminal.Txn
{
    /// <summary>
    /// Texts for F39 response codes (ISO 8583:1987 annex; UnionPay POS terminal response-code annex, which adds
    /// A0 = MAC verification failed). Used only at the edge (receipt, console).
    /// </summary>
    public static class ResponseCodes
    {
        /// <summary>00: approved.</summary>
        public const string Approved = "00";

        private static readonly string[] s_table =
        {
            "00", "APPROVED",
            "01", "REFER TO CARD ISSUER",
            "03", "INVALID MERCHANT",
            "04", "PICK UP CARD",
            "05", "DO NOT HONOUR",
            "10", "PARTIAL APPROVAL",
            "11", "APPROVED (VIP)",
            "12", "INVALID TRANSACTION",
            "13", "INVALID AMOUNT",
            "14", "INVALID CARD NUMBER",
            "15", "NO SUCH ISSUER",
            "22", "SUSPECTED MALFUNCTION, SIGN ON AGAIN",
            "25", "UNABLE TO LOCATE RECORD",
            "30", "FORMAT ERROR",
            "33", "EXPIRED CARD, PICK UP",
            "40", "FUNCTION NOT SUPPORTED",
            "41", "LOST CARD",
            "43", "STOLEN CARD",
            "51", "INSUFFICIENT FUNDS",
            "54", "EXPIRED CARD",
            "55", "INCORRECT PIN",
            "57", "NOT PERMITTED TO CARDHOLDER",
            "58", "NOT PERMITTED TO TERMINAL",
            "61", "EXCEEDS AMOUNT LIMIT",
            "62", "RESTRICTED CARD",
            "65", "EXCEEDS FREQUENCY LIMIT",
            "75", "PIN TRIES EXCEEDED",
            "90", "CUTOFF IN PROGRESS",
            "91", "ISSUER UNAVAILABLE",
            "92", "ROUTING ERROR",
            "94", "DUPLICATE TRANSMISSION",
            "96", "SYSTEM MALFUNCTION",
            "98", "NO RESPONSE",
            "A0", "MAC ERROR"
        };

        /// <summary>Upper-case text for <paramref name="code"/>, or "DECLINED" when unknown.</summary>
        public static string Describe(string code)
        {
            for (int i = 0; i < s_table.Length; i += 2)
            {
                if (s_table[i] == code) return s_table[i + 1];
            }
            return "DECLINED";
        }
    }
}
