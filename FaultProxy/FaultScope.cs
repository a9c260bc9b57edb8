namespace FaultProxy;

/// <summary>Where a fault is decided, and what its number counts.</summary>
public enum FaultScope : byte
{
    /// <summary>Once per terminal connection, before it is accepted; numbered by connection (1, 2, ...).</summary>
    Connection = 0,
    /// <summary>Once per request frame (terminal to host); numbered by request (1, 2, ... over the proxy's life).</summary>
    Request = 1,
    /// <summary>Once per response frame (host to terminal); numbered by the request it answers.</summary>
    Response = 2
}
