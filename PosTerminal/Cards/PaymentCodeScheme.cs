namespace PosTerminal.Cards
{
    /// <summary>The wallet a customer-presented payment code (付款码) belongs to, from its prefix and length.</summary>
    public enum PaymentCodeScheme : byte
    {
        /// <summary>Not recognised.</summary>
        None = 0,
        /// <summary>WeChat Pay (微信支付): 18 digits, prefix 10-15.</summary>
        WeChatPay = 1,
        /// <summary>Alipay (支付宝): 16-24 digits, prefix 25-30.</summary>
        Alipay = 2,
        /// <summary>UnionPay QR (银联二维码 / 云闪付 C2B): 19 digits, prefix 62.</summary>
        UnionPay = 3
    }
}
