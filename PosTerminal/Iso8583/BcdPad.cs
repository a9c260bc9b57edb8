namespace PosTerminal.Iso8583
{
    /// <summary>Where the pad nibble of an odd number of BCD digits goes, and what it is.</summary>
    public enum BcdPad : byte
    {
        /// <summary>Right-aligned: a leading 0 nibble (ISO default for fixed n fields).</summary>
        LeftZero = 0,
        /// <summary>Left-aligned: a trailing F nibble.</summary>
        RightF = 1,
        /// <summary>Left-aligned: a trailing 0 nibble (CUP: F22 "021" is sent as 02 10).</summary>
        RightZero = 2
    }
}
