namespace PosTerminal.Hal
{
    /// <summary>Opens TCP connections to acquirer hosts.</summary>
    public interface ILinkConnector
    {
        /// <summary>
        /// Connects to <paramref name="host"/> (dotted-quad IPv4 text, or a name where the platform resolves
        /// names) on <paramref name="port"/> within <paramref name="timeoutMs"/> milliseconds. On Ok,
        /// <paramref name="link"/> is the open connection, owned by the caller; otherwise it is null.
        /// </summary>
        LinkStatus Connect(string host, int port, int timeoutMs, out IByteLink link);
    }
}
