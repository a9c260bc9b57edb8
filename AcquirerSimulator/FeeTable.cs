using System;
using System.Collections.Generic;
using System.Globalization;

namespace AcquirerSimulator;

/// <summary>
/// Merchant discount rates per merchant category code (MCC, digits 8-11 of the UnionPay merchant id F42: acquirer 3 +
/// area 4 + MCC 4 + sequence 4, payments.md §1.5) and card type, in percent of the amount. A row for MCC "*" applies to
/// every MCC without its own row. The defaults are example figures for testing, not any acquirer's tariff.
/// </summary>
public sealed class FeeTable
{
    private readonly Dictionary<(string Mcc, CardType Type), decimal> _rates = new();

    /// <summary>A table with the example defaults: debit 0.50 %, credit 0.60 %, QR 0.38 % for every MCC.</summary>
    public static FeeTable Defaults()
    {
        FeeTable t = new();
        t.Set("*", CardType.Debit, 0.50m);
        t.Set("*", CardType.Credit, 0.60m);
        t.Set("*", CardType.Qr, 0.38m);
        return t;
    }

    /// <summary>Sets the rate (percent, 0..100) of <paramref name="mcc"/> (4 digits or "*") and <paramref name="type"/>.</summary>
    public void Set(string mcc, CardType type, decimal percent)
    {
        if (mcc != "*" && (mcc.Length != 4 || !IsDigits(mcc))) throw new ArgumentException("an MCC is 4 digits or *");
        if (percent < 0 || percent > 100) throw new ArgumentException("a fee rate is 0..100 %");
        _rates[(mcc, type)] = percent;
    }

    /// <summary>The rate for <paramref name="mcc"/> and <paramref name="type"/> in percent (0 when no row applies).</summary>
    public decimal RateOf(string mcc, CardType type) =>
        _rates.TryGetValue((mcc, type), out decimal r) ? r : _rates.TryGetValue(("*", type), out r) ? r : 0m;

    /// <summary>The fee on <paramref name="amountMinor"/>, minor units, rounded half away from zero.</summary>
    public long FeeOf(string mcc, CardType type, long amountMinor) =>
        (long)Math.Round(amountMinor * RateOf(mcc, type) / 100m, MidpointRounding.AwayFromZero);

    /// <summary>The MCC inside a UnionPay merchant id (15 characters), or "0000".</summary>
    public static string MccOf(string merchantId) =>
        merchantId != null && merchantId.Length == 15 && IsDigits(merchantId.Substring(7, 4)) ? merchantId.Substring(7, 4) : "0000";

    /// <summary>Parses "MCC:TYPE=PERCENT" (e.g. "5411:credit=0.55", "*:qr=0.3") into the table.</summary>
    public void Parse(string spec)
    {
        int colon = spec.IndexOf(':');
        int eq = spec.IndexOf('=');
        if (colon <= 0 || eq < colon + 2) throw new ArgumentException("--fee takes MCC:TYPE=PERCENT, e.g. 5411:credit=0.55");
        if (!Enum.TryParse(spec[(colon + 1)..eq], true, out CardType type) || !Enum.IsDefined(type))
            throw new ArgumentException("--fee card type is debit, credit or qr");
        if (!decimal.TryParse(spec[(eq + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal pct))
            throw new ArgumentException("--fee rate is a percentage such as 0.55");
        Set(spec[..colon], type, pct);
    }

    /// <summary>The rows, for the start-up line.</summary>
    public override string ToString()
    {
        List<string> rows = new();
        foreach (var kv in _rates) rows.Add($"{kv.Key.Mcc}:{kv.Key.Type.ToString().ToLowerInvariant()}={kv.Value.ToString(CultureInfo.InvariantCulture)}%");
        rows.Sort(StringComparer.Ordinal);
        return string.Join(", ", rows);
    }

    private static bool IsDigits(string s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9') return false;
        }
        return s.Length > 0;
    }
}
