using System;

namespace PosTerminal.Link
{
    /// <summary>
    /// Where and how the terminal reaches its acquirer: hosts in the order tried (primary first, then backups),
    /// timeouts and the frame format. Immutable: a configuration change builds a new instance, which the link
    /// picks up at the start of the next exchange, never in the middle of one.
    /// </summary>
    public sealed class LinkSettings
    {
        /// <summary>Default connect timeout: 10 s (CUP terminal default NET_CONNECT_TIMEOUT).</summary>
        public const int DefaultConnectTimeoutMs = 10000;

        /// <summary>Default response timeout: 60 s (CUP terminal default NET_RESP_TIMEOUT).</summary>
        public const int DefaultResponseTimeoutMs = 60000;

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

        /// <summary>"primary" for index 0, "backup N" otherwise.</summary>
        public static string HostRole(int index)
        {
            return index == 0 ? "primary" : "backup " + index.ToString();
        }
    }
}
