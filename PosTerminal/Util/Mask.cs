namespace PosTerminal.Util
{
    /// <summary>
    /// Display masking of card numbers: at most the first 6 and last 4 digits stay visible (PCI DSS
    /// requirement 3.4 / 3.3.1 display masking), and only when the PAN has at least 13 digits.
    /// </summary>
    public static class Mask
    {
        /// <summary>Leading digits that may be shown.</summary>
        public const int KeepFirst = 6;

        /// <summary>Trailing digits that may be shown.</summary>
        public const int KeepLast = 4;

        /// <summary>Shorter numbers are masked completely.</summary>
        public const int MinDigitsToReveal = 13;

        /// <summary>
        /// Masks a PAN or track given as characters: the digits before the first '=' or '^' keep the first 6
        /// and last 4; the separator itself stays; every other character becomes '*'.
        /// </summary>
        public static string Pan(byte[] v, int at, int len)
        {
            int panLen = 0;
            while (panLen < len && v[at + panLen] != '=' && v[at + panLen] != '^') panLen++;
            char[] c = new char[len];
            for (int i = 0; i < len; i++)
            {
                int ch = v[at + i];
                bool reveal = i == panLen
                    || (i < panLen && panLen >= MinDigitsToReveal && (i < KeepFirst || i >= panLen - KeepLast));
                c[i] = reveal ? (char)ch : '*';
            }
            return new string(c);
        }
    }
}
