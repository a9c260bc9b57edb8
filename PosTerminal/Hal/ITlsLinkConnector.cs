namespace PosTerminal.Hal
{
    /// <summary>
    /// A connector that can also open TLS connections. The link asks for one only when its settings say TLS
    /// (<see cref="PosTerminal.Link.LinkSettings.Tls"/>); a connector without this interface gets no TLS request and
    /// the link reports <see cref="LinkStatus.NotSupported"/> instead of falling back to plain TCP.
    /// </summary>
    public interface ITlsLinkConnector : ILinkConnector
    {
        /// <summary>
        /// As <see cref="ILinkConnector.Connect"/>, with a TLS session established (and the host's certificate checked)
        /// within <paramref name="timeoutMs"/> milliseconds before Ok is returned.
        /// </summary>
        LinkStatus ConnectTls(string host, int port, int timeoutMs, out IByteLink link);
    }
}
