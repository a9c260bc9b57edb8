using System;

namespace PosTerminal.Link
{
    /// <summary>An acquirer host address: IPv4 text (or a name where the profile allows DNS) and a TCP port.</summary>
    public sealed class HostEndpoint
    {
        /// <summary>A host; <paramref name="port"/> must be 1..65535.</summary>
        public HostEndpoint(string host, int port)
        {
            if (host == null || host.Length == 0) throw new ArgumentException();
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException();
            Host = host;
            Port = port;
        }

        /// <summary>Address text.</summary>
        public string Host { get; }

        /// <summary>TCP port.</summary>
        public int Port { get; }

        /// <summary>"host:port".</summary>
        public override string ToString()
        {
            return Host + ":" + Port.ToString();
        }
    }
}
