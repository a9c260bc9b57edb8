using PosTerminal.Hal;

namespace PosTerminal.Link
{
    /// <summary>What happened during one exchange: outcome, which host served, and what else arrived.</summary>
    public sealed class ExchangeResult
    {
        private readonly LinkStatus[] _connect = new LinkStatus[4];
        private int _tried;

        /// <summary>The outcome.</summary>
        public ExchangeStatus Status { get; internal set; }

        /// <summary>Index of the host that took the connection (0 = primary), or -1 when none did.</summary>
        public int HostIndex { get; internal set; }

        /// <summary>The host that took the connection, or null.</summary>
        public HostEndpoint Host { get; internal set; }

        /// <summary>Number of hosts a connection was attempted to.</summary>
        public int HostsTried
        {
            get { return _tried; }
        }

        /// <summary>Result of the connect attempt to host <paramref name="index"/> (valid below <see cref="HostsTried"/>).</summary>
        public LinkStatus ConnectStatus(int index)
        {
            return _connect[index];
        }

        /// <summary>Frames that decoded but did not match the request (wrong MTI, STAN, TID, ...), or had a foreign TPDU.</summary>
        public int Unmatched { get; internal set; }

        /// <summary>Frames whose message did not decode (dropped; the link was kept).</summary>
        public int FormatErrors { get; internal set; }

        /// <summary>Milliseconds from the end of sending the request to the matching response (or to giving up).</summary>
        public int RoundTripMs { get; internal set; }

        /// <summary>True when the matching response carried a MAC and it was checked (see <see cref="ExchangeStatus.MacFailed"/>).</summary>
        public bool MacChecked { get; internal set; }

        /// <summary>The last link status seen on the failing step (Ok when answered).</summary>
        public LinkStatus LinkStatus { get; internal set; }

        /// <summary>
        /// True when the request went over a kept connection opened by an earlier exchange (no connect attempt was
        /// made: <see cref="HostsTried"/> is 0).
        /// </summary>
        public bool Reused { get; internal set; }

        /// <summary>
        /// The processing-requirement nibble of the matching response's header (low nibble of header byte 3 in the UnionPay
        /// 6-byte header: 0 nothing, 1 download magstripe parameters, 2 upload status, 3 sign on again, 4 update public
        /// keys, 5 download IC parameters, 6 TMS parameters, 7 card-BIN blacklist, 8 rates; payments.md §2.1), or -1 when
        /// the frame has no such header or nothing matched.
        /// </summary>
        public int ProcessingRequirement { get; internal set; }

        internal void Reset()
        {
            ProcessingRequirement = -1;
            Status = ExchangeStatus.NotConnected;
            HostIndex = -1;
            Host = null;
            _tried = 0;
            Unmatched = 0;
            FormatErrors = 0;
            RoundTripMs = 0;
            MacChecked = false;
            LinkStatus = LinkStatus.Ok;
            Reused = false;
        }

        // A kept connection turned out dead: what follows is a fresh connect, reported on its own.
        internal void Reconnecting()
        {
            HostIndex = -1;
            Host = null;
            Reused = false;
            _tried = 0;
        }

        internal void AddAttempt(LinkStatus status)
        {
            _connect[_tried++] = status;
        }
    }
}
