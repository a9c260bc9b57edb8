using System;
using System.Net;

namespace FaultProxy;

/// <summary>Where the proxy listens and forwards, its faults, and its limits. Times are in milliseconds.</summary>
public sealed class ProxyOptions
{
    /// <summary>Address to listen on (loopback by default).</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Port to listen on; 0 picks a free one (read it back from <see cref="FaultInjectingProxy.Port"/>).</summary>
    public int ListenPort { get; set; }

    /// <summary>The host every terminal connection is forwarded to (one upstream connection per terminal connection).</summary>
    public IPEndPoint Upstream { get; set; }

    /// <summary>The faults: probabilities, seed and script. Default: none.</summary>
    public FaultPlan Plan { get; set; } = new();

    /// <summary>
    /// Bytes between the length field and the ISO 8583 message (cup: TPDU 5 + header 6 = 11; 0 when frames carry
    /// neither). Only <see cref="FaultKind.CorruptMessage"/> uses it, to damage the message rather than the TPDU.
    /// </summary>
    public int MessageOffset { get; set; }

    /// <summary>Largest frame accepted in either direction (bytes after the length field, up to 65535); a longer one closes the connection.</summary>
    public int MaxFrameLength { get; set; } = 4096;

    /// <summary>How long <see cref="FaultKind.DelayResponse"/> holds a response (set it past the terminal's response timeout).</summary>
    public int DelayMs { get; set; } = 2000;

    /// <summary>How long <see cref="FaultKind.LateReply"/> keeps a response back at most (set it past the terminal's response timeout).</summary>
    public int LateMs { get; set; } = 2000;

    /// <summary>How long <see cref="FaultKind.Refuse"/> keeps the proxy from listening.</summary>
    public int RefuseWindowMs { get; set; } = 1000;

    /// <summary>Most bytes <see cref="FaultKind.CorruptMessage"/> damages in one frame (at least 1).</summary>
    public int MaxCorruptBytes { get; set; } = 3;

    /// <summary>Longest run of bytes <see cref="FaultKind.Garbage"/> sends (at least 1).</summary>
    public int MaxGarbageLength { get; set; } = 64;

    /// <summary>Time allowed to connect upstream; on failure the terminal connection is closed (not counted as a fault).</summary>
    public int ConnectTimeoutMs { get; set; } = 5000;

    /// <summary>A connection with no complete frame in either direction for this long is closed.</summary>
    public int IdleTimeoutMs { get; set; } = 60000;

    /// <summary>Time allowed for one write; a peer that does not read is dropped.</summary>
    public int WriteTimeoutMs { get; set; } = 5000;

    /// <summary>Connections served at once; more are closed on arrival (counted in <see cref="ProxyStats.Overloaded"/>).</summary>
    public int MaxConnections { get; set; } = 256;

    /// <summary>Fault events kept in <see cref="FaultInjectingProxy.Events"/>; later ones are only counted.</summary>
    public int MaxEvents { get; set; } = 100000;

    /// <summary>Where one line per injected fault and per connection problem goes (never frame contents); null: nowhere.</summary>
    public Action<string> Log { get; set; }

    internal void Validate()
    {
        if (Upstream == null) throw new ArgumentException("no upstream host");
        if (ListenPort is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(ListenPort));
        if (MessageOffset < 0 || MessageOffset >= MaxFrameLength) throw new ArgumentOutOfRangeException(nameof(MessageOffset));
        if (MaxFrameLength is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(MaxFrameLength));
        if (MaxCorruptBytes < 1 || MaxGarbageLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxCorruptBytes));
        if (DelayMs < 0 || LateMs < 0 || RefuseWindowMs < 0) throw new ArgumentOutOfRangeException(nameof(DelayMs));
        if (ConnectTimeoutMs < 1 || IdleTimeoutMs < 1 || WriteTimeoutMs < 1) throw new ArgumentOutOfRangeException(nameof(ConnectTimeoutMs));
        if (MaxConnections < 1 || MaxEvents < 0) throw new ArgumentOutOfRangeException(nameof(MaxConnections));
        if (Plan == null) throw new ArgumentNullException(nameof(Plan));
    }
}
