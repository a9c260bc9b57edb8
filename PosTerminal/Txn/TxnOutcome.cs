using System;

namespace PosTerminal.Txn
{
    /// <summary>The result of one transaction: business outcome (response code) and what the link did. Holds no clear card data.</summary>
    public sealed class TxnOutcome
    {
        /// <summary>Outcome class.</summary>
        public TxnResult Result { get; internal set; }

        /// <summary>Why the terminal refused (when <see cref="Result"/> is Refused).</summary>
        public RefusalReason Refusal { get; internal set; }

        /// <summary>F39 from the host, or null when none was received.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>Transaction type.</summary>
        public TransactionType Type { get; internal set; }

        /// <summary>Amount in minor units.</summary>
        public long AmountMinor { get; internal set; }

        /// <summary>Amount the host approved, in minor units: F4 of the response (less than requested on a partial approval, F39 10); 0 unless approved.</summary>
        public long ApprovedAmountMinor { get; internal set; }

        /// <summary>F11 used (0 when none was assigned).</summary>
        public int Stan { get; internal set; }

        /// <summary>Batch number (F60.2) the transaction belongs to.</summary>
        public int Batch { get; internal set; }

        /// <summary>F37 from the host, or null.</summary>
        public string Rrn { get; internal set; }

        /// <summary>F38 from the host, or null.</summary>
        public string AuthCode { get; internal set; }

        /// <summary>PAN with first 6 / last 4 visible.</summary>
        public string MaskedPan { get; internal set; }

        /// <summary>Host that served (0 = primary), or -1.</summary>
        public int HostIndex { get; internal set; }

        /// <summary>"host:port" that served, or null.</summary>
        public string Host { get; internal set; }

        /// <summary>Milliseconds from sending to the answer (or to giving up).</summary>
        public int RoundTripMs { get; internal set; }

        /// <summary>Terminal date and time of the transaction.</summary>
        public DateTime Time { get; internal set; }

        /// <summary>Receipt text (masked); null when the terminal refused the transaction.</summary>
        public string Receipt { get; internal set; }

        /// <summary>
        /// The reversal reason (F39 of the 0400) when this reversible transaction may have reached the host without a
        /// usable answer: "98" no response in time, "A0" wrong response MAC, "06" anything else; null otherwise.
        /// </summary>
        public string ReversalReason { get; internal set; }

        /// <summary>
        /// This transaction's own reversal: None (not reversible, or answered), Pending (journalled; goes out before the
        /// next transaction), Done (reversed at once, by the "reverse immediately" setting), Failed (every attempt failed:
        /// the record is kept and the merchant must call support).
        /// </summary>
        public ReversalStatus Reversal { get; internal set; }

        /// <summary>What became of a reversal left by an earlier transaction, sent before this one (None when there was none).</summary>
        public ReversalStatus PriorReversal { get; internal set; }

        /// <summary>Balance inquiry: the balance the host returned in F54 (minor units, negative for a debit balance); -1 when none.</summary>
        public long BalanceMinor { get; internal set; }

        /// <summary>True when the host's processing-requirement nibble asked for a new sign-on and the terminal did it first.</summary>
        public bool SignedOnAgain { get; internal set; }

        /// <summary>True when the request carried an encrypted PIN block.</summary>
        public bool PinEntered { get; internal set; }

        /// <summary>True for approved.</summary>
        public bool IsApproved
        {
            get { return Result == TxnResult.Approved; }
        }
    }
}
