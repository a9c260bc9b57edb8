namespace PosTerminal.Txn
{
    /// <summary>How a transaction ended, seen from the terminal.</summary>
    public enum TxnResult : byte
    {
        /// <summary>The host answered 00.</summary>
        Approved = 0,
        /// <summary>The host answered with another response code.</summary>
        Declined = 1,
        /// <summary>Sent, and no matching response in time (a reversal is due for reversible types).</summary>
        NoResponse = 2,
        /// <summary>No host could be reached; nothing left the terminal.</summary>
        NotSent = 3,
        /// <summary>The connection failed during sending or before the answer (a reversal is due for reversible types).</summary>
        LinkFailed = 4,
        /// <summary>The terminal refused before sending (bad amount, card rejected, storage failure).</summary>
        Refused = 5,
        /// <summary>An unexpected fault inside the terminal after the trace number was taken; the host may have the request.</summary>
        Fault = 6,
        /// <summary>The host's answer carried a wrong MAC: it is not accepted (a reversal with reason A0 is due).</summary>
        MacFailed = 7
    }
}
