using System;
using System.Text.RegularExpressions;
using PosTerminal.Iso8583;
using PosTerminal.Txn;

namespace AcquirerSimulator;

/// <summary>
/// The host's view of customer-presented payment codes (付款码): where a sale carries one and which wallet's format it
/// has. Written apart from the firmware's check, from the wallets' documents: WeChat Pay 18 digits beginning 10-15
/// (pay.weixin.qq.com micropay chapter 5_1), Alipay 16-24 digits beginning 25-30 (opendocs.alipay.com/open/194/106039),
/// UnionPay 19 digits beginning 62 (integrators' notes).
/// </summary>
public static partial class PaymentCodes
{
    [GeneratedRegex("^1[0-5][0-9]{16}$")]
    private static partial Regex WeChatPay();

    [GeneratedRegex("^(2[5-9]|30)[0-9]{14,22}$")]
    private static partial Regex Alipay();

    [GeneratedRegex("^62[0-9]{17}$")]
    private static partial Regex UnionPay();

    /// <summary>The wallet whose format <paramref name="code"/> has, or null.</summary>
    public static string Wallet(string code)
    {
        if (code == null) return null;
        if (WeChatPay().IsMatch(code)) return "WeChat Pay";
        if (Alipay().IsMatch(code)) return "Alipay";
        if (UnionPay().IsMatch(code)) return "UnionPay";
        return null;
    }

    /// <summary>True when the request's F22 says the customer's code was scanned (entry mode 03).</summary>
    public static bool IsCodeSale(IsoMessage rq) => rq.GetString(IsoField.EntryMode) is { } em && em.StartsWith("03", StringComparison.Ordinal);

    /// <summary>
    /// The code a request carries: on a UnionPay-style link the value of TLV 5F01 in F62 (tag 2 bytes, length 1 byte,
    /// as in the captured QR sale at q.cnblogs.com/q/128930), on the ASCII profile the whole of F48; null when absent or
    /// malformed.
    /// </summary>
    public static string Extract(IsoMessage rq, AcquirerProfile profile)
    {
        if (profile != AcquirerProfile.Cup) return rq.GetString(IsoField.AdditionalData);
        int n = rq.Length(IsoField.Reserved62);
        if (n <= 0) return null;
        byte[] tlv = new byte[n];
        rq.CopyTo(IsoField.Reserved62, tlv, 0);
        for (int at = 0; at + 3 <= n;)
        {
            int tag = tlv[at] << 8 | tlv[at + 1];
            int len = tlv[at + 2];
            if (at + 3 + len > n) return null;
            if (tag == 0x5F01) return System.Text.Encoding.ASCII.GetString(tlv, at + 3, len);
            at += 3 + len;
        }
        return null;
    }

    /// <summary>The code with its first 2 and last 4 digits shown, as the terminal shows it.</summary>
    public static string Mask(string code) =>
        code.Length <= 6 ? new string('*', code.Length) : code[..2] + new string('*', code.Length - 6) + code[^4..];
}
