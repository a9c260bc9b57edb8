namespace PosTerminal.Txn
{
    /// <summary>ISO 4217 currencies the receipt knows by name, with their minor-unit exponent.</summary>
    public static class Currency
    {
        // numeric code, alphabetic code, exponent (ISO 4217 list one)
        private static readonly string[] s_table =
        {
            "156", "CNY", "2",
            "344", "HKD", "2",
            "392", "JPY", "0",
            "410", "KRW", "0",
            "446", "MOP", "2",
            "458", "MYR", "2",
            "702", "SGD", "2",
            "764", "THB", "2",
            "826", "GBP", "2",
            "840", "USD", "2",
            "901", "TWD", "2",
            "978", "EUR", "2"
        };

        /// <summary>True when <paramref name="numeric"/> is one of the ISO 4217 numeric codes this table knows.</summary>
        public static bool IsKnown(string numeric)
        {
            return Find(numeric) >= 0;
        }

        /// <summary>The alphabetic code of a numeric one ("156" -> "CNY"), or the numeric code itself when unknown.</summary>
        public static string Alpha(string numeric)
        {
            int i = Find(numeric);
            return i < 0 ? numeric : s_table[i + 1];
        }

        /// <summary>Digits after the decimal point (2 when unknown).</summary>
        public static int Exponent(string numeric)
        {
            int i = Find(numeric);
            return i < 0 ? 2 : s_table[i + 2][0] - '0';
        }

        /// <summary>An amount in minor units as text, e.g. 12345 in CNY -> "CNY 123.45".</summary>
        public static string Format(long amountMinor, string numeric)
        {
            int exp = Exponent(numeric);
            string sign = amountMinor < 0 ? "-" : "";
            long v = amountMinor < 0 ? -amountMinor : amountMinor;
            if (exp == 0) return Alpha(numeric) + " " + sign + v.ToString();
            long scale = 1;
            for (int i = 0; i < exp; i++) scale *= 10;
            string frac = (v % scale).ToString();
            while (frac.Length < exp) frac = "0" + frac;
            return Alpha(numeric) + " " + sign + (v / scale).ToString() + "." + frac;
        }

        private static int Find(string numeric)
        {
            for (int i = 0; i < s_table.Length; i += 3)
            {
                if (s_table[i] == numeric) return i;
            }
            return -1;
        }
    }
}
