namespace PosTerminal.Link
{
    /// <summary>
    /// Computes and checks the MAC field of a message (F64, or F128 with a secondary bitmap) over its MAC element
    /// block: the packed message from the MTI up to the MAC field (length, TPDU and header excluded, as the
    /// UnionPay POS MAC defines it). Implementations own their keys and never expose them.
    /// </summary>
    public interface IMessageAuthenticator
    {
        /// <summary>The field that carries the MAC (64 or 128).</summary>
        int MacField { get; }

        /// <summary>Length of the MAC field's value in bytes (8).</summary>
        int MacLength { get; }

        /// <summary>Writes the MAC field value for the MAC element block <paramref name="mab"/>[offset..offset+count).</summary>
        void Compute(byte[] mab, int offset, int count, byte[] mac, int macOffset);

        /// <summary>True when <paramref name="mac"/>[macOffset..] is the right MAC for the block (compared in constant time).</summary>
        bool Verify(byte[] mab, int offset, int count, byte[] mac, int macOffset);
    }
}
