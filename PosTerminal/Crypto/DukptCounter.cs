namespace PosTerminal.Crypto
{
    /// <summary>The transaction-counter walk shared by TDES (X9.24-1) and AES (X9.24-3) DUKPT.</summary>
    internal static class DukptCounter
    {
        /// <summary>Number of one-bits in <paramref name="value"/>.</summary>
        internal static int OneBits(uint value)
        {
            int n = 0;
            while (value != 0)
            {
                value &= value - 1;
                n++;
            }
            return n;
        }

        /// <summary>
        /// The next usable counter after <paramref name="counter"/>: counter + 1, or, while that has more than
        /// <paramref name="maxOneBits"/> one-bits, the value plus its lowest set bit. Exhausted past <paramref name="limit"/>.
        /// </summary>
        internal static DukptStatus Next(uint counter, long limit, int maxOneBits, out uint next)
        {
            next = counter;
            long c = (long)counter + 1;
            while (c <= limit)
            {
                if (OneBits((uint)c) <= maxOneBits)
                {
                    next = (uint)c;
                    return DukptStatus.Ok;
                }
                c += c & -c;
            }
            return DukptStatus.Exhausted;
        }
    }
}
