namespace PosTerminal.Link
{
    /// <summary>How a request/response exchange ended.</summary>
    public enum ExchangeStatus : byte
    {
        /// <summary>A matching response arrived and was decoded.</summary>
        Answered = 0,
        /// <summary>No host accepted a connection: nothing was sent.</summary>
        NotConnected = 1,
        /// <summary>The connection failed while sending; the host may or may not have the request.</summary>
        SendFailed = 2,
        /// <summary>The request was sent and no matching response came in time.</summary>
        NoResponse = 3,
        /// <summary>The request was sent, then the connection closed or broke the framing before a matching response.</summary>
        LinkLost = 4,
        /// <summary>A matching response arrived but its MAC is wrong: it is not accepted (UnionPay reversal reason A0).</summary>
        MacFailed = 5
    }
}
