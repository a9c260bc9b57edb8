namespace PosTerminal.Txn
{
    /// <summary>What <see cref="Terminal.KeepAlive"/> did.</summary>
    public enum KeepAliveStatus : byte
    {
        /// <summary>Nothing to keep alive: the connection mode is per transaction, or the echo interval is 0.</summary>
        Off = 0,
        /// <summary>The link has not been idle for the echo interval yet; nothing was sent.</summary>
        NotDue = 1,
        /// <summary>An echo was sent and answered with 00 (see <see cref="Terminal.LastEcho"/>).</summary>
        Echoed = 2,
        /// <summary>An echo was attempted and failed (see <see cref="Terminal.LastEcho"/>); the next try is one interval later.</summary>
        Failed = 3
    }
}
