using System;

namespace PosTerminal.Link
{
    /// <summary>
    /// Where and how the terminal reaches its acquirer: hosts in the order tried (primary first, then backups),
    /// timeouts, the frame format, the connection mode (per transaction, or kept with an echo interval) and whether
    /// the connection must be TLS. Immutable: a configuration change builds a new instance, which the link picks up
    /// at the start of the next exchange, never in the middle of one.
    /// </summary>
    public sealed class LinkSettings
    {
        /// <summary>Default connect timeout: 10 s (CUP terminal default NET_CONNECT_TIMEOUT).</summary>
        public const int DefaultConnectTimeoutMs = 10000;

        /// <summary>Default response timeout: 60 s (CUP terminal default NET_RESP_TIMEOUT).</summary>
        public const int DefaultResponseTimeoutMs = 60000;

        /// <summary>Longest echo interval: one hour, in milliseconds.</summary>
        public const int MaxEchoIntervalMs = 3600000;

        private readonly HostEndpoint[] _hosts;

        /// <summary>
        /// Settings with 1 to 4 hosts (primary + up to 3 backups); timeouts in milliseconds, 100..300000.
        /// </summary>
        public LinkSettings(HostEndpoint[] hosts, int connectTimeoutMs, int responseTimeoutMs, FrameFormat frame)
        {
            if (hosts == null || hosts.Length < 1 || hosts.Length > 4 || frame == null) throw new ArgumentException();
            for (int i = 0; i < hosts.Length; i++)
            {
                if (hosts[i] == null) throw new ArgumentException();
            }
            if (connectTimeoutMs < 100 || connectTimeoutMs > 300000) throw new ArgumentOutOfRangeException();
            if (responseTimeoutMs < 100 || responseTimeoutMs > 300000) throw new ArgumentOutOfRangeException();
            _hosts = new HostEndpoint[hosts.Length];
            Array.Copy(hosts, _hosts, hosts.Length);
            ConnectTimeoutMs = connectTimeoutMs;
            ResponseTimeoutMs = responseTimeoutMs;
            Frame = frame;
        }

        /// <summary>Number of hosts (1 = primary only).</summary>
        public int HostCount
        {
            get { return _hosts.Length; }
        }

        /// <summary>Host <paramref name="index"/>: 0 = primary, 1.. = backups.</summary>
        public HostEndpoint Host(int index)
        {
            return _hosts[index];
        }

        /// <summary>Time allowed for a TCP connect to one host, in milliseconds.</summary>
        public int ConnectTimeoutMs { get; }

        /// <summary>Time allowed from the end of sending the request to a matching response, in milliseconds.</summary>
        public int ResponseTimeoutMs { get; }

        /// <summary>Frame layout.</summary>
        public FrameFormat Frame { get; }

        /// <summary>Connection per exchange (the default) or kept open across exchanges.</summary>
        public ConnectionMode Mode { get; private set; }

        /// <summary>True when the connection is kept open across exchanges.</summary>
        public bool KeepsConnection
        {
            get { return Mode == ConnectionMode.Kept; }
        }

        /// <summary>
        /// With a kept connection: idle time after which the terminal sends an echo test, in milliseconds; 0 = never.
        /// Always 0 for per-transaction connections.
        /// </summary>
        public int EchoIntervalMs { get; private set; }

        /// <summary>
        /// True when the connection must be TLS: the link then connects through an <see cref="PosTerminal.Hal.ITlsLinkConnector"/>
        /// and never falls back to plain TCP.
        /// </summary>
        public bool Tls { get; private set; }

        /// <summary>
        /// A copy with another connection mode; <paramref name="echoIntervalMs"/> is 0 (no echo) or
        /// 1..<see cref="MaxEchoIntervalMs"/>, and must be 0 for <see cref="ConnectionMode.PerTransaction"/>.
        /// </summary>
        public LinkSettings WithConnection(ConnectionMode mode, int echoIntervalMs)
        {
            if (mode != ConnectionMode.PerTransaction && mode != ConnectionMode.Kept) throw new ArgumentException();
            if (echoIntervalMs < 0 || echoIntervalMs > MaxEchoIntervalMs) throw new ArgumentOutOfRangeException();
            if (mode == ConnectionMode.PerTransaction && echoIntervalMs != 0) throw new ArgumentException();
            LinkSettings l = Copy();
            l.Mode = mode;
            l.EchoIntervalMs = echoIntervalMs;
            return l;
        }

        /// <summary>A copy that requires (or not) TLS.</summary>
        public LinkSettings WithTls(bool tls)
        {
            LinkSettings l = Copy();
            l.Tls = tls;
            return l;
        }

        /// <summary>
        /// True when a connection opened under these settings may serve under <paramref name="other"/> as well: the same
        /// hosts in the same order, the same mode and the same TLS choice. (Timeouts, framing and the echo interval
        /// apply per exchange and do not matter.)
        /// </summary>
        public bool SameConnection(LinkSettings other)
        {
            if (other == null || other.HostCount != HostCount || other.Mode != Mode || other.Tls != Tls) return false;
            for (int i = 0; i < _hosts.Length; i++)
            {
                HostEndpoint a = _hosts[i];
                HostEndpoint b = other._hosts[i];
                if (a.Port != b.Port || a.Host != b.Host) return false;
            }
            return true;
        }

        private LinkSettings Copy()
        {
            LinkSettings l = new LinkSettings(_hosts, ConnectTimeoutMs, ResponseTimeoutMs, Frame);
            l.Mode = Mode;
            l.EchoIntervalMs = EchoIntervalMs;
            l.Tls = Tls;
            return l;
        }

        /// <summary>"primary" for index 0, "backup N" otherwise.</summary>
        public static string HostRole(int index)
        {
            return index == 0 ? "primary" : "backup " + index.ToString();
        }
    }
}
