namespace PosTerminal.Link
{
    /// <summary>
    /// How the terminal holds its TCP connection to the acquirer (payments.md §4.1: short connection per
    /// transaction, or a long connection kept open with echo tests, the KEEP_CONNECT_ALIVE setting of CUP terminals).
    /// </summary>
    public enum ConnectionMode : byte
    {
        /// <summary>Connect for each exchange and close after it (the default; Topwise PremierPay, most CUP hosts).</summary>
        PerTransaction = 0,
        /// <summary>Keep the connection open across exchanges; reconnect (with fail-over) when it drops; echo while idle.</summary>
        Kept = 1
    }
}
