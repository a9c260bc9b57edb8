namespace PosTerminal.Hal
{
    /// <summary>The three output lines of one track of a TTL magnetic stripe reader module (open collector, active low).</summary>
    public enum TtlLine : byte
    {
        /// <summary>CP (card present, also CLS): low while a card is in the slot.</summary>
        CardPresent = 0,
        /// <summary>STROBE (also RCL, the bit clock): DATA is valid on its falling edge.</summary>
        Strobe = 1,
        /// <summary>DATA (also RDT): low = 1 bit, high = 0 bit.</summary>
        Data = 2
    }
}
