namespace PosTerminal.Txn
{
    /// <summary>
    /// What a void or refund says about its original transaction: the sale's trace number (a void; the terminal looks it
    /// up in the batch journal), or the original RRN and date (a refund, whose original may be in an earlier batch).
    /// Resolved inside the transaction into the fields the request carries (F37, F38, F61).
    /// </summary>
    internal sealed class TxnReference
    {
        /// <summary>Void: trace number of the sale in the open batch; 0 for a refund.</summary>
        public int OriginalStan;

        /// <summary>F37: the original's RRN.</summary>
        public string Rrn;

        /// <summary>F38: the original's authorisation code (void), or null.</summary>
        public string AuthCode;

        /// <summary>Refund: the original's date MMDD (F61.3), or null.</summary>
        public string OriginalDate;

        /// <summary>
        /// F61 (CUP 原始交易信息): 61.1 original batch n6, 61.2 original trace number n6, 61.3 original date n4 (refund;
        /// payments.md §1.5, CUPChongZheng.java).
        /// </summary>
        public string Field61;

        /// <summary>The sale a void cancels (found in the journal), or null.</summary>
        public BatchEntry Sale;
    }
}
