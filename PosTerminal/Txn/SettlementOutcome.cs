namespace PosTerminal.Txn
{
    /// <summary>How a settlement (<see cref="Terminal.Settle"/>) ended.</summary>
    public enum SettlementResult : byte
    {
        /// <summary>Settled: the batch is closed, its journal cleared and the batch number advanced.</summary>
        Settled = 0,
        /// <summary>A reversal could not be delivered first; nothing was settled.</summary>
        ReversalPending = 1,
        /// <summary>No working keys (or DUKPT key): sign on first.</summary>
        NotSignedOn = 2,
        /// <summary>No host could be reached.</summary>
        NotSent = 3,
        /// <summary>A settlement message got no answer in time.</summary>
        NoResponse = 4,
        /// <summary>The connection failed during a settlement message.</summary>
        LinkFailed = 5,
        /// <summary>An answer's MAC was wrong or missing: not accepted.</summary>
        MacFailed = 6,
        /// <summary>The host refused the settlement (a response code other than 00 or 95).</summary>
        Declined = 7,
        /// <summary>The host refused a batch upload or the batch end.</summary>
        UploadFailed = 8,
        /// <summary>The journal could not be written (trace number, or closing the batch).</summary>
        StorageFailure = 9,
        /// <summary>An unexpected fault inside the terminal.</summary>
        Fault = 10
    }

    /// <summary>
    /// The result of one settlement: the batch, the terminal's totals, whether the host's agreed, how many
    /// transactions were uploaded, the next batch number. Anything but <see cref="SettlementResult.Settled"/> leaves the
    /// journal as it was: settle again later.
    /// </summary>
    public sealed class SettlementOutcome
    {
        /// <summary>Outcome.</summary>
        public SettlementResult Result { get; internal set; }

        /// <summary>The batch settled (or to be settled).</summary>
        public int Batch { get; internal set; }

        /// <summary>The batch number after settlement (0 unless settled).</summary>
        public int NextBatch { get; internal set; }

        /// <summary>The terminal's totals sent in the 0500.</summary>
        public BatchTotals Totals { get; internal set; }

        /// <summary>The totals the host echoed in the 0510's F48, or null.</summary>
        public BatchTotals HostTotals { get; internal set; }

        /// <summary>True when the host reported the totals in agreement (0510 F39 00 and F48 code 1 or 0).</summary>
        public bool Balanced { get; internal set; }

        /// <summary>Transactions sent in batch uploads (0320).</summary>
        public int Uploaded { get; internal set; }

        /// <summary>0320 messages sent (uploads and the batch end).</summary>
        public int UploadMessages { get; internal set; }

        /// <summary>F39 of the last answer, or null.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>Status of a reversal sent before settling (None when there was none).</summary>
        public ReversalStatus PriorReversal { get; internal set; }

        /// <summary>Host that served (0 = primary), or -1.</summary>
        public int HostIndex { get; internal set; }

        /// <summary>Settlement slip (32 columns), or null unless settled.</summary>
        public string Report { get; internal set; }
    }
}
