using System;
using PosTerminal.Util;

namespace PosTerminal.Cards
{
    /// <summary>
    /// A customer-presented payment code (付款码: the barcode or QR a wallet app shows), checked against the wallets'
    /// published formats before any frame is built. A code is a one-time bearer credential, so it is held like card
    /// data: <see cref="ToString"/> and <see cref="Masked"/> show only the prefix and the last 4 digits, the digits
    /// leave only through <see cref="CopyTo"/>, and Dispose wipes them.
    /// </summary>
    /// <remarks>
    /// Formats (<see cref="Check"/>):
    /// WeChat Pay: 18 digits beginning 10, 11, 12, 13, 14 or 15 (WeChat Pay merchant docs, 付款码支付 "用户付款码条形码规则",
    /// https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=5_1);
    /// Alipay: 16 to 24 digits beginning 25 to 30 (Alipay open docs, alipay.trade.pay auth_code,
    /// https://opendocs.alipay.com/open/194/106039);
    /// UnionPay QR C2B code: 19 digits beginning 62 (no public UnionPay document states it; taken from integrators'
    /// notes, e.g. https://www.cnblogs.com/zhangmo/p/13578409.html, and to be confirmed with the acquirer).
    /// </remarks>
    public sealed class PaymentCode : IDisposable
    {
        /// <summary>The longest code of any wallet (Alipay: 24 digits).</summary>
        public const int MaxLength = 24;

        /// <summary>The shortest code of any wallet (Alipay: 16 digits).</summary>
        public const int MinLength = 16;

        // Per wallet: lowest and highest two-digit prefix, shortest and longest length.
        private static readonly byte[] s_rules =
        {
            (byte)PaymentCodeScheme.WeChatPay, 10, 15, 18, 18,
            (byte)PaymentCodeScheme.Alipay, 25, 30, 16, 24,
            (byte)PaymentCodeScheme.UnionPay, 62, 62, 19, 19
        };

        private byte[] _digits;
        private readonly string _masked;

        private PaymentCode(byte[] digits, PaymentCodeScheme scheme)
        {
            _digits = digits;
            Scheme = scheme;
            char[] c = new char[digits.Length];
            for (int i = 0; i < c.Length; i++) c[i] = i < 2 || i >= c.Length - 4 ? (char)digits[i] : '*';
            _masked = new string(c);
        }

        /// <summary>The wallet the code belongs to.</summary>
        public PaymentCodeScheme Scheme { get; }

        /// <summary>Number of digits (0 after Dispose).</summary>
        public int Length
        {
            get { return _digits == null ? 0 : _digits.Length; }
        }

        /// <summary>The code with only its 2-digit prefix and last 4 digits visible.</summary>
        public string Masked
        {
            get { return _masked; }
        }

        /// <summary>
        /// Checks <paramref name="count"/> ASCII characters at <paramref name="buffer"/>[<paramref name="offset"/>] against
        /// the wallets' formats; <paramref name="scheme"/> is the wallet when the result is Ok.
        /// </summary>
        public static PaymentCodeStatus Check(byte[] buffer, int offset, int count, out PaymentCodeScheme scheme)
        {
            scheme = PaymentCodeScheme.None;
            if (count <= 0) return PaymentCodeStatus.Empty;
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (b < '0' || b > '9') return PaymentCodeStatus.NotDigits;
            }
            if (count > MaxLength) return PaymentCodeStatus.TooLong;
            if (count < 2) return PaymentCodeStatus.UnknownPrefix;
            int prefix = (buffer[offset] - '0') * 10 + buffer[offset + 1] - '0';
            for (int r = 0; r < s_rules.Length; r += 5)
            {
                if (prefix < s_rules[r + 1] || prefix > s_rules[r + 2]) continue;
                if (count < s_rules[r + 3] || count > s_rules[r + 4]) return PaymentCodeStatus.WrongLength;
                scheme = (PaymentCodeScheme)s_rules[r];
                return PaymentCodeStatus.Ok;
            }
            return PaymentCodeStatus.UnknownPrefix;
        }

        /// <summary>
        /// A payment code from <paramref name="count"/> ASCII characters when they pass <see cref="Check"/> (the bytes are
        /// copied; the caller wipes its buffer); otherwise null and the reason.
        /// </summary>
        public static PaymentCodeStatus TryCreate(byte[] buffer, int offset, int count, out PaymentCode code)
        {
            code = null;
            PaymentCodeStatus s = Check(buffer, offset, count, out PaymentCodeScheme scheme);
            if (s != PaymentCodeStatus.Ok) return s;
            byte[] digits = new byte[count];
            Array.Copy(buffer, offset, digits, 0, count);
            code = new PaymentCode(digits, scheme);
            return PaymentCodeStatus.Ok;
        }

        /// <summary>Copies the digits (ASCII) into <paramref name="dst"/>; returns their count.</summary>
        public int CopyTo(byte[] dst, int offset)
        {
            if (_digits == null) throw new ObjectDisposedException("PaymentCode");
            Array.Copy(_digits, 0, dst, offset, _digits.Length);
            return _digits.Length;
        }

        /// <summary>The masked code.</summary>
        public override string ToString()
        {
            return _masked;
        }

        /// <summary>Wipes the digits.</summary>
        public void Dispose()
        {
            Bytes.Wipe(_digits);
            _digits = null;
        }
    }
}
