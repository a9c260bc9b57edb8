using System;
using System.Globalization;

namespace AcquirerSimulator;

/// <summary>What the host does with a request a rule matches.</summary>
public enum RuleAction
{
    /// <summary>Answer with the rule's response code.</summary>
    Respond,
    /// <summary>Never answer (the terminal times out).</summary>
    NoReply,
    /// <summary>Answer 00 after the rule's delay.</summary>
    Delay
}

/// <summary>
/// One row of the simulator's rule table: a match on the amount (exact, or its last digits) or the PAN's
/// leading digits, and an action. Written on the command line as "amount=1234:noreply",
/// "suffix=51:rc=51", "amount=8888:delay=5000" or "pan=622126:rc=14".
/// </summary>
public sealed class SaleRule
{
    /// <summary>Exact amount in minor units, or -1.</summary>
    public long Amount { get; init; } = -1;

    /// <summary>Digits the amount (as 12-digit F4) must end with, or null.</summary>
    public string AmountSuffix { get; init; }

    /// <summary>Digits the PAN must start with, or null.</summary>
    public string PanPrefix { get; init; }

    /// <summary>What to do.</summary>
    public RuleAction Action { get; init; }

    /// <summary>Response code for <see cref="RuleAction.Respond"/>.</summary>
    public string ResponseCode { get; init; } = "00";

    /// <summary>Delay before answering, for <see cref="RuleAction.Delay"/>.</summary>
    public int DelayMs { get; init; }

    /// <summary>True when the request's amount (F4 digits) and PAN match this rule.</summary>
    public bool Matches(string amountDigits, string pan)
    {
        if (Amount >= 0 && (amountDigits == null || long.Parse(amountDigits, CultureInfo.InvariantCulture) != Amount)) return false;
        if (AmountSuffix != null && (amountDigits == null || !amountDigits.EndsWith(AmountSuffix, StringComparison.Ordinal))) return false;
        if (PanPrefix != null && (pan == null || !pan.StartsWith(PanPrefix, StringComparison.Ordinal))) return false;
        return true;
    }

    /// <summary>Parses "match:action"; throws <see cref="FormatException"/> with the reason.</summary>
    public static SaleRule Parse(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 2) throw new FormatException("a rule is <match>:<action>, e.g. suffix=51:rc=51");
        string[] m = parts[0].Split('=');
        if (m.Length != 2 || m[1].Length == 0 || !IsDigits(m[1])) throw new FormatException("match must be amount=<minor units>, suffix=<digits> or pan=<digits>");
        long amount = -1;
        string suffix = null, pan = null;
        switch (m[0])
        {
            case "amount": amount = long.Parse(m[1], CultureInfo.InvariantCulture); break;
            case "suffix": suffix = m[1]; break;
            case "pan": pan = m[1]; break;
            default: throw new FormatException("unknown match '" + m[0] + "'");
        }
        string[] a = parts[1].Split('=');
        switch (a[0])
        {
            case "noreply" when a.Length == 1:
                return new SaleRule { Amount = amount, AmountSuffix = suffix, PanPrefix = pan, Action = RuleAction.NoReply };
            case "rc" when a.Length == 2 && a[1].Length == 2:
                return new SaleRule { Amount = amount, AmountSuffix = suffix, PanPrefix = pan, Action = RuleAction.Respond, ResponseCode = a[1].ToUpperInvariant() };
            case "delay" when a.Length == 2 && IsDigits(a[1]):
                return new SaleRule { Amount = amount, AmountSuffix = suffix, PanPrefix = pan, Action = RuleAction.Delay, DelayMs = int.Parse(a[1], CultureInfo.InvariantCulture) };
            default:
                throw new FormatException("action must be rc=<2 chars>, noreply or delay=<ms>");
        }
    }

    /// <summary>
    /// The default table: amounts ending in 51 are declined 51 (insufficient funds), 61 -> 61 (limit),
    /// 999.99 gets no reply, 888.88 is approved after 3 s.
    /// </summary>
    public static SaleRule[] Defaults() =>
    [
        new SaleRule { Amount = 99999, Action = RuleAction.NoReply },
        new SaleRule { Amount = 88888, Action = RuleAction.Delay, DelayMs = 3000 },
        new SaleRule { AmountSuffix = "51", Action = RuleAction.Respond, ResponseCode = "51" },
        new SaleRule { AmountSuffix = "61", Action = RuleAction.Respond, ResponseCode = "61" },
    ];

    /// <summary>The rule as it is written on the command line.</summary>
    public override string ToString()
    {
        string match = Amount >= 0 ? "amount=" + Amount : AmountSuffix != null ? "suffix=" + AmountSuffix : "pan=" + PanPrefix;
        string action = Action switch
        {
            RuleAction.NoReply => "noreply",
            RuleAction.Delay => "delay=" + DelayMs,
            _ => "rc=" + ResponseCode,
        };
        return match + ":" + action;
    }

    private static bool IsDigits(string s)
    {
        foreach (char c in s) if (c < '0' || c > '9') return false;
        return true;
    }
}
