using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PosTerminal.Iso8583;

namespace AcquirerSimulator;

/// <summary>Debit and credit counts and amounts (minor units), as a UnionPay settlement F48 carries them.</summary>
public sealed record BatchFigures(int DebitCount, long DebitMinor, int CreditCount, long CreditMinor)
{
    /// <summary>Debits less credits.</summary>
    public long NetMinor => DebitMinor - CreditMinor;

    /// <summary>
    /// F48 of a 0500/0510: domestic debit amount n12, debit count n3, credit amount n12, credit count n3, settlement
    /// code n1 (0 none, 1 agree, 2 disagree), then 31 digits of foreign-card totals (中国银联POS终端消息域说明 2002 §3.22).
    /// </summary>
    public string ToField48(char code) =>
        DebitMinor.ToString("D12", CultureInfo.InvariantCulture) + Math.Min(DebitCount, 999).ToString("D3", CultureInfo.InvariantCulture)
        + CreditMinor.ToString("D12", CultureInfo.InvariantCulture) + Math.Min(CreditCount, 999).ToString("D3", CultureInfo.InvariantCulture)
        + code + new string('0', 31);

    /// <summary>The domestic block of a settlement F48, or null when it is not 31 digits.</summary>
    public static BatchFigures Parse(string f48)
    {
        if (f48 == null || f48.Length < 31 || !f48[..31].All(char.IsAsciiDigit)) return null;
        return new BatchFigures(int.Parse(f48.AsSpan(12, 3), CultureInfo.InvariantCulture), long.Parse(f48.AsSpan(0, 12), CultureInfo.InvariantCulture),
            int.Parse(f48.AsSpan(27, 3), CultureInfo.InvariantCulture), long.Parse(f48.AsSpan(15, 12), CultureInfo.InvariantCulture));
    }

    /// <summary>The figures of the entries that count (approved, not reversed).</summary>
    public static BatchFigures Of(IEnumerable<LedgerEntry> entries)
    {
        int dc = 0, cc = 0;
        long da = 0, ca = 0;
        foreach (LedgerEntry e in entries)
        {
            if (!e.Counts) continue;
            if (e.IsCredit) { cc++; ca += e.AmountMinor; }
            else { dc++; da += e.AmountMinor; }
        }
        return new BatchFigures(dc, da, cc, ca);
    }

    /// <inheritdoc/>
    public override string ToString() => $"debits {DebitCount}/{DebitMinor} credits {CreditCount}/{CreditMinor}";
}

/// <summary>One uploaded transaction of a batch upload (0320): trace number, truncated card, amount.</summary>
public sealed record UploadedItem(int Stan, string Card, long AmountMinor);

/// <summary>The fee on one entry: the rate of its MCC and card type, negative for credits (the fee is given back).</summary>
public sealed record FeeLine(int Stan, LedgerKind Kind, CardType CardType, string Mcc, decimal RatePercent, long AmountMinor, long FeeMinor);

/// <summary>What the host settled for one terminal's batch: both sides' figures, the differences, the merchant fees.</summary>
public sealed class SettlementReport
{
    /// <summary>F41.</summary>
    public string TerminalId { get; init; }
    /// <summary>F42.</summary>
    public string MerchantId { get; init; }
    /// <summary>The batch.</summary>
    public int Batch { get; init; }
    /// <summary>What the terminal reported in the 0500.</summary>
    public BatchFigures TerminalFigures { get; init; }
    /// <summary>What the ledger holds.</summary>
    public BatchFigures HostFigures { get; init; }
    /// <summary>True when the 0500 totals agreed with the ledger.</summary>
    public bool Balanced { get; init; }
    /// <summary>Transactions the terminal uploaded (0320).</summary>
    public IReadOnlyList<UploadedItem> Uploaded { get; init; }
    /// <summary>Every difference found, one line each (masked).</summary>
    public IReadOnlyList<string> Differences { get; init; }
    /// <summary>The fee of each counted entry.</summary>
    public IReadOnlyList<FeeLine> Fees { get; init; }
    /// <summary>Sum of <see cref="Fees"/>, minor units.</summary>
    public long TotalFeesMinor => Fees.Sum(f => f.FeeMinor);
    /// <summary>What the merchant is paid: the ledger's net less fees.</summary>
    public long NetToMerchantMinor => HostFigures.NetMinor - TotalFeesMinor;
    /// <summary>The printed report.</summary>
    public string Text { get; internal set; }
}

/// <summary>
/// The host side of settlement (批结算): the 0500 is reconciled against the ledger (F48 figures; answered 00 with code 1
/// when they agree, 95 "reconcile error" with code 2 when not), batch uploads (0320, F60.3 201/203) are collected, and the
/// batch end (0320, F60.3 202/207) closes the batch: every difference between the upload and the ledger is listed, and
/// a report with the merchant fees per MCC and card type (<see cref="FeeTable"/>) is logged and kept in the ledger.
/// </summary>
internal sealed class SettlementDesk(SimulatorOptions options, Ledger ledger)
{
    // F39: 00 approved, 95 reconcile error (ISO 8583:1987), 12 invalid transaction, 30 format error.
    private const string Approved = "00", ReconcileError = "95", Invalid = "12", FormatError = "30";

    private sealed class Session
    {
        public BatchFigures Terminal;
        public BatchFigures Host;
        public bool Balanced;
        public readonly List<UploadedItem> Uploaded = new();
    }

    private readonly Dictionary<(string, int), Session> _sessions = new();

    /// <summary>0500: reconciles the terminal's figures with the ledger.</summary>
    public string Settle(IsoMessage rq, IsoMessage rs, string tid, int batch, string label)
    {
        BatchFigures terminal = BatchFigures.Parse(rq.GetString(IsoField.AdditionalData));
        if (terminal == null)
        {
            options.Log($"{label} SETTLE: F48 is not a settlement total -> {FormatError}");
            return FormatError;
        }
        BatchFigures host = BatchFigures.Of(ledger.BatchOf(tid, batch));
        bool balanced = terminal == host;
        lock (_sessions) _sessions[(tid, batch)] = new Session { Terminal = terminal, Host = host, Balanced = balanced };
        rs.Set(IsoField.AdditionalData, host.ToField48(balanced ? '1' : '2'));
        string rc = balanced ? Approved : ReconcileError;
        options.Log($"{label} SETTLE terminal {terminal} host {host} -> {rc} ({(balanced ? "balanced" : "not balanced: full upload expected")})");
        return rc;
    }

    /// <summary>0320 batch upload: F48 = count n2 + per item card organisation n2, trace n6, card n20, amount n12.</summary>
    public string Upload(IsoMessage rq, string tid, int batch, string label)
    {
        string f48 = rq.GetString(IsoField.AdditionalData);
        Session s;
        lock (_sessions) _sessions.TryGetValue((tid, batch), out s);
        if (s == null) return Refused($"{label} BATCH UPLOAD without a settlement -> {Invalid}", Invalid);
        if (f48 == null || f48.Length < 2 || !f48.All(char.IsAsciiDigit)) return Refused($"{label} BATCH UPLOAD: F48 malformed -> {FormatError}", FormatError);
        int n = int.Parse(f48.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (n < 1 || n > 8 || f48.Length < 2 + n * 40) return Refused($"{label} BATCH UPLOAD: F48 announces {n} items -> {FormatError}", FormatError);
        List<UploadedItem> items = new();
        for (int i = 0; i < n; i++)
        {
            int at = 2 + i * 40;
            items.Add(new UploadedItem(int.Parse(f48.AsSpan(at + 2, 6), CultureInfo.InvariantCulture), Masked(f48.Substring(at + 8, 20)),
                long.Parse(f48.AsSpan(at + 28, 12), CultureInfo.InvariantCulture)));
        }
        lock (s.Uploaded)
        {
            foreach (UploadedItem item in items)
            {
                if (!s.Uploaded.Any(u => u.Stan == item.Stan)) s.Uploaded.Add(item);   // an upload sent again adds nothing
            }
        }
        options.Log($"{label} BATCH UPLOAD {n} item(s): {string.Join(", ", items.Select(x => $"{x.Stan:D6}/{x.AmountMinor}"))} -> {Approved}");
        return Approved;
    }

    /// <summary>0320 batch end: closes the batch and prints the report.</summary>
    public string End(IsoMessage rq, string tid, string mid, int batch, string label)
    {
        Session s;
        lock (_sessions) _sessions.TryGetValue((tid, batch), out s);
        if (s == null) return Refused($"{label} BATCH END without a settlement -> {Invalid}", Invalid);
        List<LedgerEntry> entries = ledger.BatchOf(tid, batch);
        List<string> diffs = new();
        if (!s.Balanced)
        {
            diffs.Add($"totals: terminal {s.Terminal}, host {s.Host}");
            List<UploadedItem> uploaded;
            lock (s.Uploaded) uploaded = s.Uploaded.ToList();
            foreach (LedgerEntry e in entries.Where(e => e.Counts))
            {
                UploadedItem u = uploaded.FirstOrDefault(x => x.Stan == e.Stan);
                if (u == null) diffs.Add($"trace {e.Stan:D6} {e.Kind} {e.AmountMinor} card {e.MaskedPan}: booked by the host, not uploaded by the terminal");
                else if (u.AmountMinor != e.AmountMinor) diffs.Add($"trace {e.Stan:D6}: host amount {e.AmountMinor}, terminal amount {u.AmountMinor}");
            }
            foreach (UploadedItem u in uploaded.Where(u => !entries.Any(e => e.Counts && e.Stan == u.Stan)))
                diffs.Add($"trace {u.Stan:D6} {u.AmountMinor} card {u.Card}: uploaded by the terminal, not in the host's books");
        }
        List<FeeLine> fees = new();
        string mcc = FeeTable.MccOf(mid);
        foreach (LedgerEntry e in entries.Where(e => e.Counts))
        {
            decimal rate = options.Fees.RateOf(mcc, e.CardType);
            long fee = options.Fees.FeeOf(mcc, e.CardType, e.AmountMinor);
            fees.Add(new FeeLine(e.Stan, e.Kind, e.CardType, mcc, rate, e.AmountMinor, e.IsCredit ? -fee : fee));
        }
        SettlementReport r = new()
        {
            TerminalId = tid, MerchantId = mid, Batch = batch, TerminalFigures = s.Terminal, HostFigures = s.Host, Balanced = s.Balanced,
            Uploaded = s.Uploaded.ToList(), Differences = diffs, Fees = fees,
        };
        r.Text = Render(r);
        ledger.AddSettlement(r);
        lock (_sessions) _sessions.Remove((tid, batch));
        foreach (string line in r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) options.Log($"{label} REPORT {line}");
        return Approved;
    }

    private static string Render(SettlementReport r)
    {
        StringBuilder b = new();
        b.AppendLine($"settlement terminal {r.TerminalId} merchant {r.MerchantId} (MCC {FeeTable.MccOf(r.MerchantId)}) batch {r.Batch:D6}");
        b.AppendLine($"  terminal: {r.TerminalFigures}");
        b.AppendLine($"  host:     {r.HostFigures}");
        b.AppendLine($"  {(r.Balanced ? "balanced" : "NOT balanced")}, {r.Uploaded.Count} uploaded, {r.Differences.Count} difference(s)");
        foreach (string d in r.Differences) b.AppendLine("  difference: " + d);
        foreach (var g in r.Fees.GroupBy(f => (f.CardType, f.RatePercent)))
            b.AppendLine($"  fees {g.Key.CardType.ToString().ToLowerInvariant()} @ {g.Key.RatePercent.ToString(CultureInfo.InvariantCulture)}%: {g.Count()} txn, amount {g.Sum(f => f.IsCreditSigned())}, fee {g.Sum(f => f.FeeMinor)}");
        b.AppendLine($"  net {r.HostFigures.NetMinor}, fees {r.TotalFeesMinor}, to merchant {r.NetToMerchantMinor}");
        return b.ToString();
    }

    private string Refused(string log, string rc)
    {
        options.Log(log);
        return rc;
    }

    // The uploaded card number, truncated on the wire already: only its first 6 digits are shown.
    private static string Masked(string card) => card[..6] + "******";
}

internal static class FeeLineExtensions
{
    /// <summary>The amount with the sign of the books: credits negative.</summary>
    public static long IsCreditSigned(this FeeLine f) => f.Kind == LedgerKind.Sale ? f.AmountMinor : -f.AmountMinor;
}
