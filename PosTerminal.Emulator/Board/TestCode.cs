using System;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// A symbol the virtual scanner can scan: made-up payment codes in each wallet's format (WeChat Pay 18 digits from 10-15,
/// Alipay 16-24 digits from 25-30, UnionPay 19 digits from 62), and things a scanner also sees that are not payment
/// codes.
/// </summary>
public sealed record TestCode(string Name, string Description, string Symbol)
{
    /// <summary>The codes shipped with the emulator.</summary>
    public static readonly TestCode[] All =
    [
        new("wechat", "WeChat Pay payment code, 18 digits", "134526838612345678"),
        new("alipay", "Alipay payment code, 18 digits (as in a captured UnionPay QR sale)", "284412345678901234"),
        new("unionpay", "UnionPay QR payment code, 19 digits", "6226012345678901234"),
        new("product", "an EAN-13 product barcode (not a payment code: rejected, nothing sent)", "6901234567892"),
        new("url", "a merchant-presented QR (a URL, not a payment code: rejected, nothing sent)", "https://qr.alipay.com/fkx07120vzhsliuln927l74"),
        new("short-wechat", "WeChat prefix with 15 digits (rejected, nothing sent)", "134526838612345"),
    ];

    /// <summary>The code called <paramref name="name"/>, or null.</summary>
    public static TestCode Find(string name) => Array.Find(All, c => c.Name == name);
}
