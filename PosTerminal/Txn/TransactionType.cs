namespace PosTerminal.Txn
{
    /// <summary>
    /// The identity of a transaction on a UnionPay POS link: MTI, F3 processing code, F25 condition code and
    /// F60.1 type code, and whether it must be reversed when unanswered. Values from 中国银联 POS 终端消息域说明
    /// (2002), table "确定交易类型的要素".
    /// </summary>
    public sealed class TransactionType
    {
        /// <summary>消费 sale: 0200, 000000, 00, 22, reversible.</summary>
        public static readonly TransactionType Sale = new TransactionType("SALE", 200, "000000", "00", "22", true);
        /// <summary>
        /// 付款码消费 sale paid with a customer-presented payment code, as a UnionPay-style acquirer sent it: 0200, 000000,
        /// F25 99, F60.1 26, reversible (the captured QR sale at https://q.cnblogs.com/q/128930; the values are that
        /// acquirer's, so a profile chooses them).
        /// </summary>
        public static readonly TransactionType CodeSale = new TransactionType("SALE", 200, "000000", "99", "26", true);
        /// <summary>查询 balance inquiry: 0200, 310000, 00, 01.</summary>
        public static readonly TransactionType Balance = new TransactionType("BALANCE", 200, "310000", "00", "01", false);
        /// <summary>消费撤消 void of a sale: 0200, 200000, 00, 23, reversible.</summary>
        public static readonly TransactionType Void = new TransactionType("VOID", 200, "200000", "00", "23", true);
        /// <summary>退货 refund: 0220, 200000, 00, 25, never reversed.</summary>
        public static readonly TransactionType Refund = new TransactionType("REFUND", 220, "200000", "00", "25", false);
        /// <summary>预授权 pre-authorisation: 0100, 030000, 06, 10, reversible.</summary>
        public static readonly TransactionType PreAuth = new TransactionType("PRE-AUTH", 100, "030000", "06", "10", true);
        /// <summary>预授权撤消 pre-authorisation void: 0100, 200000, 06, 11, reversible.</summary>
        public static readonly TransactionType PreAuthVoid = new TransactionType("PRE-AUTH VOID", 100, "200000", "06", "11", true);
        /// <summary>预授权完成 completion: 0200, 000000, 06, 20, reversible.</summary>
        public static readonly TransactionType Completion = new TransactionType("COMPLETION", 200, "000000", "06", "20", true);
        /// <summary>完成撤消 completion void: 0200, 200000, 06, 21, reversible.</summary>
        public static readonly TransactionType CompletionVoid = new TransactionType("COMPLETION VOID", 200, "200000", "06", "21", true);

        private TransactionType(string name, int mti, string processingCode, string conditionCode, string type60, bool reversible)
        {
            Name = name;
            Mti = mti;
            ProcessingCode = processingCode;
            ConditionCode = conditionCode;
            Type60 = type60;
            Reversible = reversible;
        }

        /// <summary>Receipt name, e.g. "SALE".</summary>
        public string Name { get; }

        /// <summary>Request MTI as a number (200 = "0200").</summary>
        public int Mti { get; }

        /// <summary>F3.</summary>
        public string ProcessingCode { get; }

        /// <summary>F25.</summary>
        public string ConditionCode { get; }

        /// <summary>F60.1 (CUP).</summary>
        public string Type60 { get; }

        /// <summary>True when an unanswered request must be reversed (冲正).</summary>
        public bool Reversible { get; }
    }
}
