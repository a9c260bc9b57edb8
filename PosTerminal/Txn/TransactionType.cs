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
        public static readonly TransactionType Sale = new TransactionType(1, "SALE", 200, "000000", "00", "22", true);
        /// <summary>
        /// 付款码消费 sale paid with a customer-presented payment code, as a UnionPay-style acquirer sent it: 0200, 000000,
        /// F25 99, F60.1 26, reversible (the captured QR sale at https://q.cnblogs.com/q/128930; the values are that
        /// acquirer's, so a profile chooses them).
        /// </summary>
        public static readonly TransactionType CodeSale = new TransactionType(2, "SALE", 200, "000000", "99", "26", true);
        /// <summary>查询 balance inquiry: 0200, 310000, 00, 01.</summary>
        public static readonly TransactionType Balance = new TransactionType(3, "BALANCE", 200, "310000", "00", "01", false);
        /// <summary>消费撤消 void of a sale: 0200, 200000, 00, 23, reversible.</summary>
        public static readonly TransactionType Void = new TransactionType(4, "VOID", 200, "200000", "00", "23", true);
        /// <summary>退货 refund: 0220, 200000, 00, 25, never reversed.</summary>
        public static readonly TransactionType Refund = new TransactionType(5, "REFUND", 220, "200000", "00", "25", false);
        /// <summary>预授权 pre-authorisation: 0100, 030000, 06, 10, reversible.</summary>
        public static readonly TransactionType PreAuth = new TransactionType(6, "PRE-AUTH", 100, "030000", "06", "10", true);
        /// <summary>预授权撤消 pre-authorisation void: 0100, 200000, 06, 11, reversible.</summary>
        public static readonly TransactionType PreAuthVoid = new TransactionType(7, "PRE-AUTH VOID", 100, "200000", "06", "11", true);
        /// <summary>预授权完成 completion: 0200, 000000, 06, 20, reversible.</summary>
        public static readonly TransactionType Completion = new TransactionType(8, "COMPLETION", 200, "000000", "06", "20", true);
        /// <summary>完成撤消 completion void: 0200, 200000, 06, 21, reversible.</summary>
        public static readonly TransactionType CompletionVoid = new TransactionType(9, "COMPLETION VOID", 200, "200000", "06", "21", true);

        /// <summary>
        /// Void on the international ISO 8583:1987 profile: 0200 with processing code 020000 (transaction type 02,
        /// "adjustment" in the ISO 8583:1987 processing-code table, the code POS hosts commonly take for a void; host
        /// specific, payments.md §1.2), reversible, referring to the sale by F37/F38 and F90.
        /// </summary>
        public static readonly TransactionType IsoVoid = new TransactionType(10, "VOID", 200, "020000", "00", "23", true);
        /// <summary>
        /// Refund on the international profile: 0220 advice with processing code 200000 (ISO 8583:1987 type 20,
        /// returns; "0200 or 0220 with a refund processing code", payments.md §1.2), never reversed.
        /// </summary>
        public static readonly TransactionType IsoRefund = new TransactionType(11, "REFUND", 220, "200000", "00", "25", false);
        /// <summary>
        /// Balance inquiry on the international profile: 0100 with processing code 310000 (ISO 8583:1987 type 31,
        /// balance inquiry; "0100 or 0200, F3 = 30xxxx or 31xxxx", payments.md §1.2), not reversible.
        /// </summary>
        public static readonly TransactionType IsoBalance = new TransactionType(12, "BALANCE", 100, "310000", "00", "01", false);

        private static readonly TransactionType[] s_all =
        {
            Sale, CodeSale, Balance, Void, Refund, PreAuth, PreAuthVoid, Completion, CompletionVoid, IsoVoid, IsoRefund, IsoBalance
        };

        /// <summary>The type whose <see cref="Id"/> is <paramref name="id"/>, or null (journal records store the id).</summary>
        public static TransactionType FromId(int id)
        {
            for (int i = 0; i < s_all.Length; i++)
            {
                if (s_all[i].Id == id) return s_all[i];
            }
            return null;
        }

        private TransactionType(int id, string name, int mti, string processingCode, string conditionCode, string type60, bool reversible)
        {
            Id = id;
            Name = name;
            Mti = mti;
            ProcessingCode = processingCode;
            ConditionCode = conditionCode;
            Type60 = type60;
            Reversible = reversible;
        }

        /// <summary>Stable number of the type in journal records (1..12).</summary>
        public int Id { get; }

        /// <summary>True for a type that takes money back from the cardholder's side of the books (void, refund): a credit in settlement totals.</summary>
        public bool IsCredit
        {
            get { return ProcessingCode[0] == '2' || ProcessingCode == "020000"; }
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
