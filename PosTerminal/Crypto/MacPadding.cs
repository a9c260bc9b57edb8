namespace PosTerminal.Crypto
{
    /// <summary>The padding methods of ISO/IEC 9797-1 for the CBC-MAC algorithms of <see cref="RetailMac"/>.</summary>
    public enum MacPadding
    {
        /// <summary>
        /// Padding method 1: zero bytes up to a block boundary, none when the data already ends on one
        /// (an empty message becomes one zero block). ANSI X9.9 / X9.19 use it.
        /// </summary>
        Method1 = 1,

        /// <summary>Padding method 2: one 0x80 byte, then zero bytes up to a block boundary (always adds 1 to n bytes).</summary>
        Method2 = 2,

        /// <summary>
        /// Padding method 3: the data zero-padded as in method 1 (an empty message stays empty), preceded by one
        /// block holding the data length in bits, big-endian, right-justified.
        /// </summary>
        Method3 = 3,
    }
}
