namespace PosTerminal.Iso8583
{
    /// <summary>Fixed length, or how many decimal digits the variable-length indicator has.</summary>
    public enum LengthKind : byte
    {
        /// <summary>No indicator; the value has exactly the field's length.</summary>
        Fixed = 0,
        /// <summary>Two-digit indicator (LLVAR, up to 99).</summary>
        LL = 2,
        /// <summary>Three-digit indicator (LLLVAR, up to 999).</summary>
        LLL = 3
    }
}
