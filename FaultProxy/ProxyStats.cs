using System.Text;
using System.Threading;

namespace FaultProxy;

/// <summary>
/// What went through the proxy and what it did to it, for a soak test to reconcile with the terminal's outcomes and
/// the host's ledger. Thread-safe; read at any time (values only grow).
/// </summary>
public sealed class ProxyStats
{
    private readonly long[] _faults = new long[FaultKinds.Count];
    private long _connections, _requests, _forwarded, _responses, _delivered, _keepAlives, _overloaded, _upstreamFailures, _protocolErrors, _errors;

    /// <summary>Terminal connections accepted (refused ones are not: see <see cref="Faults"/> of Refuse).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Request frames received from terminals (zero-length keep-alives not counted).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Request frames the host received whole.</summary>
    public long RequestsForwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Response frames received from the host.</summary>
    public long Responses => Interlocked.Read(ref _responses);

    /// <summary>Response frames written whole and unchanged to a terminal (a duplicate counts twice; late and delayed ones when written).</summary>
    public long ResponsesDelivered => Interlocked.Read(ref _delivered);

    /// <summary>Zero-length frames passed through.</summary>
    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    /// <summary>Connections closed on arrival because <see cref="ProxyOptions.MaxConnections"/> were open.</summary>
    public long Overloaded => Interlocked.Read(ref _overloaded);

    /// <summary>Terminal connections closed because the upstream host could not be reached.</summary>
    public long UpstreamFailures => Interlocked.Read(ref _upstreamFailures);

    /// <summary>Connections closed for a frame longer than <see cref="ProxyOptions.MaxFrameLength"/> or an idle timeout.</summary>
    public long ProtocolErrors => Interlocked.Read(ref _protocolErrors);

    /// <summary>Connections that ended on an unexpected error (the proxy went on serving the others).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Faults injected, all kinds.</summary>
    public long TotalFaults
    {
        get
        {
            long n = 0;
            for (int i = 1; i < _faults.Length; i++) n += Interlocked.Read(ref _faults[i]);
            return n;
        }
    }

    /// <summary>Faults of <paramref name="kind"/> injected.</summary>
    public long Faults(FaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    /// <summary>"connections=.. requests=.. forwarded=.. ... faults: DropResponse=2 Reset=1" (numbers only).</summary>
    public override string ToString()
    {
        StringBuilder b = new();
        b.Append($"connections={Connections} requests={Requests} forwarded={RequestsForwarded} responses={Responses} delivered={ResponsesDelivered}");
        b.Append($" keepalives={KeepAlives} overloaded={Overloaded} upstream-failures={UpstreamFailures} protocol-errors={ProtocolErrors} errors={Errors}");
        b.Append(" faults:");
        foreach (FaultKind k in FaultKinds.All)
        {
            long n = Faults(k);
            if (n > 0) b.Append($" {k}={n}");
        }
        if (TotalFaults == 0) b.Append(" none");
        return b.ToString();
    }

    internal void Fault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);
    internal void Connection() => Interlocked.Increment(ref _connections);
    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Forwarded() => Interlocked.Increment(ref _forwarded);
    internal void Response() => Interlocked.Increment(ref _responses);
    internal void Delivered() => Interlocked.Increment(ref _delivered);
    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);
    internal void Overload() => Interlocked.Increment(ref _overloaded);
    internal void UpstreamFailure() => Interlocked.Increment(ref _upstreamFailures);
    internal void ProtocolError() => Interlocked.Increment(ref _protocolErrors);
    internal void Error() => Interlocked.Increment(ref _errors);
}
