namespace PosTerminal.Cards
{
    /// <summary>The Luhn (mod 10) check digit of ISO/IEC 7812-1 Annex B.</summary>
    public static class Luhn
    {
        /// <summary>True when the ASCII digits of the range end in a valid Luhn check digit.</summary>
        public static bool IsValid(byte[] digits, int offset, int count)
        {
            if (count < 2) return false;
            int sum = 0;
            bool dbl = false;
            for (int i = offset + count - 1; i >= offset; i--)
            {
                int d = digits[i] - '0';
                if (d < 0 || d > 9) return false;
                if (dbl)
                {
                    d *= 2;
                    if (d > 9) d -= 9;
                }
                sum += d;
                dbl = !dbl;
            }
            return sum % 10 == 0;
        }
    }
}
