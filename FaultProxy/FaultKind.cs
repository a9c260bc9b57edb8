namespace FaultProxy;

/// <summary>
/// What the proxy does to the traffic. Each kind belongs to one <see cref="FaultScope"/> (<see cref="FaultKinds.ScopeOf"/>);
/// the wire effect of each is described below and in README.md.
/// </summary>
public enum FaultKind : byte
{
    /// <summary>No fault: the frame or connection passes unchanged.</summary>
    None = 0,

    /// <summary>
    /// Connection: the proxy stops listening for <see cref="ProxyOptions.RefuseWindowMs"/>, so connects in that window are
    /// refused by the operating system (RST to the SYN); the terminal sees a refused connect and may fall over.
    /// </summary>
    Refuse = 1,

    /// <summary>Connection: accepted, then closed at once (FIN) before a byte is read; no upstream connection is made.</summary>
    CloseAtOnce = 2,

    /// <summary>Request: the request is swallowed (the host never sees it); the connection stays open.</summary>
    DropRequest = 3,

    /// <summary>
    /// Request: the host gets the length field and the first half of the frame, then both connections are closed (FIN):
    /// the host must not book a request it did not receive whole.
    /// </summary>
    TruncateRequest = 4,

    /// <summary>
    /// Response: instead of the response the terminal's connection is reset (RST: linger 0, then close) and the upstream
    /// connection closed. The host has the request (it answered it).
    /// </summary>
    Reset = 5,

    /// <summary>Response: the response is swallowed; the connection stays open.</summary>
    DropResponse = 6,

    /// <summary>
    /// Response: the response (and anything behind it on this connection) is held for <see cref="ProxyOptions.DelayMs"/>,
    /// then delivered if the terminal is still connected.
    /// </summary>
    DelayResponse = 7,

    /// <summary>
    /// Response: the response is set aside and delivered later, after <see cref="ProxyOptions.LateMs"/> or just before the
    /// next response on this connection, whichever comes first (the next exchange of a kept connection); later traffic is
    /// not held. Discarded if the connection ends first.
    /// </summary>
    LateReply = 8,

    /// <summary>Response: the terminal gets the length field and the first half of the frame, then both connections are closed.</summary>
    TruncateResponse = 9,

    /// <summary>
    /// Response: one to <see cref="ProxyOptions.MaxCorruptBytes"/> bytes inside the message (at or after
    /// <see cref="ProxyOptions.MessageOffset"/>) are XORed with non-zero values; the length is kept.
    /// </summary>
    CorruptMessage = 10,

    /// <summary>Response: one bit of the 2-byte length field is flipped; the body is sent as it was.</summary>
    CorruptLength = 11,

    /// <summary>Response: 1 to <see cref="ProxyOptions.MaxGarbageLength"/> random bytes (no framing) instead of the response.</summary>
    Garbage = 12,

    /// <summary>Response: the response is delivered twice, back to back.</summary>
    DuplicateResponse = 13,

    /// <summary>
    /// Response: a copy of the previous response delivered on this connection is sent again just before this one (a
    /// stale answer met during the next exchange of a kept connection). No effect on a connection's first response.
    /// </summary>
    StaleResponse = 14
}
