namespace PosTerminal.Hal
{
    /// <summary>Outcome of a link operation. Timeouts and drops are normal on this path, so they are values, not exceptions.</summary>
    public enum LinkStatus : byte
    {
        /// <summary>Done.</summary>
        Ok = 0,
        /// <summary>The time allowed ran out.</summary>
        Timeout = 1,
        /// <summary>The peer closed or reset the connection.</summary>
        Closed = 2,
        /// <summary>The host actively refused the connection (TCP RST to SYN).</summary>
        Refused = 3,
        /// <summary>No route, host or network down, or the address could not be used.</summary>
        Unreachable = 4,
        /// <summary>The peer broke the framing (length out of bounds, bad TPDU); the stream cannot be trusted.</summary>
        ProtocolError = 5,
        /// <summary>A zero-length frame: the peer's keep-alive.</summary>
        KeepAlive = 6,
        /// <summary>
        /// The connector cannot open the kind of connection the settings ask for (TLS on a connector without
        /// <see cref="ITlsLinkConnector"/>): nothing was attempted, and nothing falls back to plain TCP.
        /// </summary>
        NotSupported = 7
    }
}
