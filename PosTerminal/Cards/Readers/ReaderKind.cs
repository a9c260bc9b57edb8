namespace PosTerminal.Cards.Readers
{
    /// <summary>The ways a customer presents a payment, one reader each.</summary>
    public enum ReaderKind : byte
    {
        /// <summary>Magnetic stripe swiped.</summary>
        Swipe = 1,
        /// <summary>Contactless card or phone tapped (ISO/IEC 14443).</summary>
        Tap = 2,
        /// <summary>Chip card inserted (ISO/IEC 7816).</summary>
        Insert = 3,
        /// <summary>Payment code scanned.</summary>
        Scan = 4
    }
}
