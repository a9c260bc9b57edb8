namespace PosTerminal.Crypto
{
    /// <summary>
    /// Comparison whose running time does not depend on where two byte ranges differ, for checking MACs and check
    /// values: an early exit would tell an attacker how many leading bytes of a forged MAC were right.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True when <paramref name="a"/>[aOffset..aOffset+count) and <paramref name="b"/>[bOffset..bOffset+count)
        /// hold the same bytes. Every byte is read, whatever the data; only the count affects the time taken.
        /// </summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            CryptoArgs.CheckRange(a, aOffset, count);
            CryptoArgs.CheckRange(b, bOffset, count);
            int diff = 0;
            for (int i = 0; i < count; i++) diff |= a[aOffset + i] ^ b[bOffset + i];
            return diff == 0;
        }
    }
}
