namespace PosTerminal.Link
{
    /// <summary>How a frame announces its length. The length never counts itself.</summary>
    public enum LengthHeader : byte
    {
        /// <summary>2 bytes, unsigned big-endian (CUP POS; jPOS NACChannel).</summary>
        Binary2 = 1,
        /// <summary>4 ASCII decimal digits (jPOS ASCIIChannel default).</summary>
        Ascii4 = 2
    }
}
