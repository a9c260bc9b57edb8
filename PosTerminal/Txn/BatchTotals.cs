using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// Counts and amounts of a batch as settlement reports them: debits (sales) and credits (voids, refunds), in
    /// minor units. The UnionPay 0500 carries them in F48 (payments.md §4.2; layout in <see cref="ToField48"/>).
    /// </summary>
    public sealed class BatchTotals
    {
        /// <summary>Most transactions a count field (n3) can report.</summary>
        public const int MaxCount = 999;

        /// <summary>F48 settlement code in a request and in a balanced answer's echo: 0 = not reconciled yet (ISO reserved).</summary>
        public const char CodeNone = '0';

        /// <summary>F48 settlement code in the 0510: 1 = totals agree (对账平).</summary>
        public const char CodeBalanced = '1';

        /// <summary>F48 settlement code in the 0510: 2 = totals disagree (对账不平).</summary>
        public const char CodeUnbalanced = '2';

        /// <summary>Length of F48 in a settlement: domestic block 31 digits + foreign-card block 31 digits.</summary>
        public const int Field48Length = 62;

        /// <summary>Number of debits (sales).</summary>
        public int DebitCount { get; internal set; }

        /// <summary>Sum of debits, minor units.</summary>
        public long DebitAmountMinor { get; internal set; }

        /// <summary>Number of credits (voids, refunds).</summary>
        public int CreditCount { get; internal set; }

        /// <summary>Sum of credits, minor units.</summary>
        public long CreditAmountMinor { get; internal set; }

        /// <summary>Debits less credits, minor units.</summary>
        public long NetMinor
        {
            get { return DebitAmountMinor - CreditAmountMinor; }
        }

        internal void Add(BatchEntry e)
        {
            if (e.IsCredit)
            {
                CreditCount++;
                CreditAmountMinor += e.AmountMinor;
            }
            else
            {
                DebitCount++;
                DebitAmountMinor += e.AmountMinor;
            }
        }

        /// <summary>
        /// F48 of a UnionPay 0500 (内卡结算总额 then 外卡结算总额): debit amount n12, debit count n3, credit amount n12,
        /// credit count n3, settlement code n1, for domestic cards, then the same 31 digits for foreign cards (all zero
        /// here: the terminal takes domestic cards only). Layout as UnionPay POS applications build and read it (中国银联POS
        /// 终端消息域说明 2002, §3.22 域48; e.g. a POS client's settleDone: amounts at 0/15, counts at 12/27).
        /// </summary>
        public string ToField48(char code)
        {
            return Ascii.Number(DebitAmountMinor, 12) + Ascii.Number(DebitCount, 3) + Ascii.Number(CreditAmountMinor, 12)
                + Ascii.Number(CreditCount, 3) + code + "0000000000000000000000000000000";
        }

        /// <summary>Reads the domestic block of a settlement F48; null when it is not 31+ digits. <paramref name="code"/> is its settlement code.</summary>
        public static BatchTotals FromField48(string f48, out char code)
        {
            code = CodeNone;
            if (f48 == null || f48.Length < 31) return null;
            if (!Ascii.IsDigits(f48.Substring(0, 31))) return null;
            BatchTotals t = new BatchTotals();
            t.DebitAmountMinor = Ascii.ParseNumber(f48.Substring(0, 12));
            t.DebitCount = (int)Ascii.ParseNumber(f48.Substring(12, 3));
            t.CreditAmountMinor = Ascii.ParseNumber(f48.Substring(15, 12));
            t.CreditCount = (int)Ascii.ParseNumber(f48.Substring(27, 3));
            code = f48[30];
            return t;
        }

        /// <summary>True when both report the same counts and amounts.</summary>
        public bool SameAs(BatchTotals other)
        {
            return other != null && DebitCount == other.DebitCount && DebitAmountMinor == other.DebitAmountMinor
                && CreditCount == other.CreditCount && CreditAmountMinor == other.CreditAmountMinor;
        }
    }
}
