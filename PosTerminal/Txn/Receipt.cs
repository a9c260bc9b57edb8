using PosTerminal.Cards;
using PosTerminal.Link;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The merchant receipt as plain text (32 columns, the width of a 58 mm thermal printer). The card number
    /// is masked to first 6 / last 4; the expiry date and track data are never printed.
    /// </summary>
    public static class Receipt
    {
        /// <summary>Printer width in characters.</summary>
        public const int Width = 32;

        /// <summary>Receipt text for <paramref name="o"/>.</summary>
        public static string Build(TerminalSettings s, TxnOutcome o, EntryMethod entry)
        {
            string r = Center(s.MerchantName) + Rule();
            r = r + Pair("MERCHANT", s.MerchantId) + Pair("TERMINAL", s.TerminalId);
            r = r + Pair(entry == EntryMethod.Scan ? "CODE" : "CARD", o.MaskedPan) + Pair("ENTRY", EntryName(entry)) + Rule();
            r = r + Pair("TYPE", o.Type.Name);
            r = r + Pair("BATCH", Ascii.Number(o.Batch, 6)) + Pair("TRACE", Ascii.Number(o.Stan, 6));
            if (o.Rrn != null) r = r + Pair("REF", o.Rrn.Trim());
            if (o.AuthCode != null) r = r + Pair("AUTH", o.AuthCode.Trim());
            r = r + Pair("DATE", Date(o)) + Rule();
            bool partial = o.IsApproved && o.ApprovedAmountMinor != o.AmountMinor;
            if (o.Type == s.Profile.Balance)
            {
                if (o.IsApproved && o.BalanceMinor != -1) r = r + Pair("BALANCE", (o.BalanceMinor < 0 ? "-" : "") + Currency.Format(o.BalanceMinor < 0 ? -o.BalanceMinor : o.BalanceMinor, s.Currency));
                r = r + Rule();
            }
            else
            {
                if (partial) r = r + Pair("REQUESTED", Currency.Format(o.AmountMinor, s.Currency));
                r = r + Pair(partial ? "APPROVED AMOUNT" : "AMOUNT", Currency.Format(partial ? o.ApprovedAmountMinor : o.AmountMinor, s.Currency)) + Rule();
            }
            r = r + Center(ResultText(o));
            string notice = ReversalNotice(o);
            if (notice != null) r = r + Center(notice);
            if (o.HostIndex >= 0) r = r + Pair("HOST", LinkSettings.HostRole(o.HostIndex));
            return r;
        }

        /// <summary>
        /// The reversal line for <paramref name="o"/> (receipt, console), or null: "REVERSAL FAILED - CALL SUPPORT" when a
        /// reversal (this transaction's or an earlier one's) could not be delivered and is kept (冲正不成功，请与客服联系,
        /// payments.md §4.3 step 4), "REVERSED" when this one was reversed at once, "REVERSAL PENDING" when it goes out before
        /// the next transaction.
        /// </summary>
        public static string ReversalNotice(TxnOutcome o)
        {
            if (o.Reversal == ReversalStatus.Failed || o.PriorReversal == ReversalStatus.Failed) return "REVERSAL FAILED - CALL SUPPORT";
            if (o.Reversal == ReversalStatus.Done) return "REVERSED";
            if (o.Reversal == ReversalStatus.Pending) return "REVERSAL PENDING";
            return null;
        }

        /// <summary>Settlement slip: batch, debit and credit counts and totals, whether the host agreed, uploads, next batch.</summary>
        public static string Settlement(TerminalSettings s, SettlementOutcome o, System.DateTime now)
        {
            string r = Center(s.MerchantName) + Center("SETTLEMENT") + Rule();
            r = r + Pair("MERCHANT", s.MerchantId) + Pair("TERMINAL", s.TerminalId) + Pair("BATCH", Ascii.Number(o.Batch, 6)) + Rule();
            BatchTotals t = o.Totals;
            r = r + Pair("SALES " + t.DebitCount.ToString(), Currency.Format(t.DebitAmountMinor, s.Currency));
            r = r + Pair("VOIDS/REFUNDS " + t.CreditCount.ToString(), Currency.Format(t.CreditAmountMinor, s.Currency));
            r = r + Pair("NET", (t.NetMinor < 0 ? "-" : "") + Currency.Format(t.NetMinor < 0 ? -t.NetMinor : t.NetMinor, s.Currency)) + Rule();
            r = r + Center(o.Balanced ? "TOTALS AGREE" : "TOTALS DIFFER - FULL UPLOAD");
            r = r + Pair("UPLOADED", o.Uploaded.ToString()) + Pair("NEXT BATCH", Ascii.Number(o.NextBatch, 6));
            r = r + Pair("DATE", Ascii.Number(now.Year, 4) + "/" + Ascii.Number(now.Month, 2) + "/" + Ascii.Number(now.Day, 2));
            return r;
        }

        /// <summary>The result line: the response text and code, or what went wrong on the link.</summary>
        public static string ResultText(TxnOutcome o)
        {
            switch (o.Result)
            {
                case TxnResult.Approved:
                case TxnResult.Declined:
                    return ResponseCodes.Describe(o.ResponseCode) + " (" + o.ResponseCode + ")";
                case TxnResult.NoResponse:
                    return "NO RESPONSE FROM HOST";
                case TxnResult.LinkFailed:
                    return "CONNECTION LOST";
                case TxnResult.NotSent:
                    return "HOST NOT REACHABLE";
                case TxnResult.Fault:
                    return "TERMINAL ERROR";
                case TxnResult.MacFailed:
                    return "HOST MAC ERROR - NOT ACCEPTED";
                default:
                    return "NOT PROCESSED";
            }
        }

        private static string EntryName(EntryMethod e)
        {
            switch (e)
            {
                case EntryMethod.Swipe: return "SWIPE";
                case EntryMethod.Chip: return "CHIP";
                case EntryMethod.Contactless: return "CONTACTLESS";
                case EntryMethod.Scan: return "CODE";
                case EntryMethod.Fallback: return "FALLBACK";
                default: return "MANUAL";
            }
        }

        private static string Date(TxnOutcome o)
        {
            return Ascii.Number(o.Time.Year, 4) + "/" + Ascii.Number(o.Time.Month, 2) + "/" + Ascii.Number(o.Time.Day, 2) + " "
                + Ascii.Number(o.Time.Hour, 2) + ":" + Ascii.Number(o.Time.Minute, 2) + ":" + Ascii.Number(o.Time.Second, 2);
        }

        private static string Pair(string label, string value)
        {
            int gap = Width - label.Length - value.Length;
            if (gap < 1) return label + "\n  " + value + "\n";
            return label + new string(' ', gap) + value + "\n";
        }

        private static string Center(string text)
        {
            if (text.Length >= Width) return text.Substring(0, Width) + "\n";
            return new string(' ', (Width - text.Length) / 2) + text + "\n";
        }

        private static string Rule()
        {
            return new string('-', Width) + "\n";
        }
    }
}
