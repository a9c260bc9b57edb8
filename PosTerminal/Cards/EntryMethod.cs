namespace PosTerminal.Cards
{
    /// <summary>How the card data was captured; each acquirer profile maps it to its own F22 code.</summary>
    public enum EntryMethod : byte
    {
        /// <summary>Magnetic stripe read.</summary>
        Swipe = 1,
        /// <summary>Contact chip (ISO 7816).</summary>
        Chip = 2,
        /// <summary>Contactless (ISO 14443).</summary>
        Contactless = 3,
        /// <summary>Customer-presented payment code scanned.</summary>
        Scan = 4,
        /// <summary>Keyed by hand.</summary>
        Manual = 5,
        /// <summary>Magnetic stripe read after failed chip reads.</summary>
        Fallback = 6
    }
}
