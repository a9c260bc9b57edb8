using System.Collections.Generic;
using System.Linq;

namespace AcquirerSimulator;

/// <summary>What kind of financial request a ledger entry records.</summary>
public enum LedgerKind
{
    /// <summary>A sale (card or payment code): a debit.</summary>
    Sale,
    /// <summary>A void of a sale: a credit that cancels it.</summary>
    Void,
    /// <summary>A refund against a sale: a credit.</summary>
    Refund
}

/// <summary>Card type for merchant fees: debit card, credit card, or customer-presented payment code.</summary>
public enum CardType
{
    /// <summary>Debit card (any card whose BIN is not listed as credit).</summary>
    Debit,
    /// <summary>Credit card (BIN in <see cref="SimulatorOptions.CreditBins"/>).</summary>
    Credit,
    /// <summary>Payment code (QR/barcode, F22 03x).</summary>
    Qr
}

/// <summary>
/// One transaction the host has answered: its key (terminal, batch, trace number), masked card, amount, answer, and
/// what happened to it since (reversed, voided, refunded, settled in which batch).
/// </summary>
public sealed class LedgerEntry(
    string terminalId, string merchantId, int stan, int batch, string maskedPan, long amountMinor,
    string responseCode, string rrn, string authCode, System.DateTime time)
{
    /// <summary>F41.</summary>
    public string TerminalId { get; } = terminalId;
    /// <summary>F42.</summary>
    public string MerchantId { get; } = merchantId;
    /// <summary>F11.</summary>
    public int Stan { get; } = stan;
    /// <summary>F60.2 (0 on profiles without F60).</summary>
    public int Batch { get; } = batch;
    /// <summary>First 6 / last 4 of the card.</summary>
    public string MaskedPan { get; } = maskedPan;
    /// <summary>F4, minor units.</summary>
    public long AmountMinor { get; } = amountMinor;
    /// <summary>F39 answered.</summary>
    public string ResponseCode { get; } = responseCode;
    /// <summary>F37 issued.</summary>
    public string Rrn { get; } = rrn;
    /// <summary>F38 issued (approvals only).</summary>
    public string AuthCode { get; } = authCode;
    /// <summary>When it was booked.</summary>
    public System.DateTime Time { get; } = time;

    /// <summary>Sale, void or refund.</summary>
    public LedgerKind Kind { get; init; } = LedgerKind.Sale;
    /// <summary>Debit, credit or QR (for fees).</summary>
    public CardType CardType { get; init; }
    /// <summary>For a void or refund: the sale it refers to.</summary>
    public LedgerEntry Original { get; init; }

    /// <summary>True once a reversal (0400) undid it.</summary>
    public bool Reversed { get; internal set; }
    /// <summary>For a sale: true once a void cancelled it (and the void was not reversed).</summary>
    public bool Voided { get; internal set; }
    /// <summary>For a sale: amount refunded so far, minor units.</summary>
    public long RefundedMinor { get; internal set; }
    /// <summary>The batch a settlement counted it in (profiles without F60 book batch 0 and get it here), or 0.</summary>
    public int SettledBatch { get; internal set; }

    /// <summary>True when the host approved it (00).</summary>
    public bool Approved => ResponseCode == "00";

    /// <summary>True when it counts in the books: approved and not reversed.</summary>
    public bool Counts => Approved && !Reversed;

    /// <summary>True for a credit (void, refund).</summary>
    public bool IsCredit => Kind != LedgerKind.Sale;
}

/// <summary>
/// The host's books: every answered financial request by terminal, batch and trace number. A repeated request with the
/// same key gets the first answer again and is not booked twice; a reversal takes effect once. Thread-safe.
/// </summary>
public sealed class Ledger
{
    private readonly object _sync = new();
    private readonly Dictionary<(string, int, int), LedgerEntry> _byKey = new();
    private readonly HashSet<(string, int, int)> _reversedUnknown = new();
    private readonly List<LedgerEntry> _entries = new();
    private readonly List<SettlementReport> _settlements = new();

    /// <summary>The lock every change of an entry is made under.</summary>
    internal object Sync => _sync;

    /// <summary>The entry for a terminal's batch and STAN, or null.</summary>
    public LedgerEntry Find(string terminalId, int batch, int stan)
    {
        lock (_sync) return _byKey.TryGetValue((terminalId, batch, stan), out LedgerEntry e) ? e : null;
    }

    /// <summary>The approved sale with RRN <paramref name="rrn"/> of merchant <paramref name="merchantId"/>, or null.</summary>
    public LedgerEntry FindSaleByRrn(string merchantId, string rrn)
    {
        lock (_sync) return _entries.FirstOrDefault(e => e.Kind == LedgerKind.Sale && e.Rrn == rrn && e.MerchantId == merchantId);
    }

    /// <summary>Books <paramref name="entry"/> unless its key is known; returns the entry in the books.</summary>
    public LedgerEntry Book(LedgerEntry entry)
    {
        lock (_sync)
        {
            var key = (entry.TerminalId, entry.Batch, entry.Stan);
            if (_byKey.TryGetValue(key, out LedgerEntry known)) return known;
            // A reversal for this key came before the request itself (the request was held up on the way): it is
            // booked already reversed, so it never charges.
            if (_reversedUnknown.Remove(key)) entry.Reversed = true;
            _byKey[key] = entry;
            _entries.Add(entry);
            return entry;
        }
    }

    /// <summary>
    /// Applies a reversal of (terminal, batch, STAN): Reversed when it undid an entry now, Duplicate when the entry was
    /// reversed before (nothing changes), Unknown when there is no such entry (remembered, so a late original is booked
    /// reversed).
    /// </summary>
    public ReversalEffect Reverse(string terminalId, int batch, int stan)
    {
        lock (_sync)
        {
            if (!_byKey.TryGetValue((terminalId, batch, stan), out LedgerEntry e))
            {
                _reversedUnknown.Add((terminalId, batch, stan));
                UnknownReversals++;
                return ReversalEffect.Unknown;
            }
            if (e.Reversed)
            {
                DuplicateReversals++;
                return ReversalEffect.Duplicate;
            }
            e.Reversed = true;
            if (e.Kind == LedgerKind.Void && e.Original != null) e.Original.Voided = false;
            if (e.Kind == LedgerKind.Refund && e.Original != null && e.Approved) e.Original.RefundedMinor -= e.AmountMinor;
            Reversals++;
            return ReversalEffect.Reversed;
        }
    }

    /// <summary>Reversals that undid an entry.</summary>
    public int Reversals { get; private set; }

    /// <summary>Reversals of an entry already reversed (answered 00, nothing changed).</summary>
    public int DuplicateReversals { get; private set; }

    /// <summary>Reversals of nothing the host had booked (answered 25).</summary>
    public int UnknownReversals { get; private set; }

    /// <summary>A snapshot of all entries in booking order.</summary>
    public IReadOnlyList<LedgerEntry> Entries
    {
        get { lock (_sync) return _entries.ToArray(); }
    }

    /// <summary>Settlement reports in the order the batches ended.</summary>
    public IReadOnlyList<SettlementReport> Settlements
    {
        get { lock (_sync) return _settlements.ToArray(); }
    }

    internal void AddSettlement(SettlementReport r)
    {
        lock (_sync) _settlements.Add(r);
    }

    /// <summary>
    /// The entries of terminal <paramref name="terminalId"/>'s batch <paramref name="batch"/>: booked with that batch number,
    /// or booked without one (batch 0) and not settled yet, which are then assigned to it.
    /// </summary>
    internal List<LedgerEntry> BatchOf(string terminalId, int batch)
    {
        lock (_sync)
        {
            List<LedgerEntry> list = new();
            foreach (LedgerEntry e in _entries)
            {
                if (e.TerminalId != terminalId) continue;
                if (e.Batch == 0 && batch != 0 && e.SettledBatch == 0) e.SettledBatch = batch;
                if (e.Batch == batch || e.SettledBatch == batch) list.Add(e);
            }
            return list;
        }
    }

    /// <summary>Count and total (minor units) of approved, not reversed sales less voids and refunds.</summary>
    public (int Count, long Total) ApprovedTotals()
    {
        lock (_sync)
        {
            int n = 0;
            long sum = 0;
            foreach (LedgerEntry e in _entries)
            {
                if (!e.Counts) continue;
                n++;
                sum += e.IsCredit ? -e.AmountMinor : e.AmountMinor;
            }
            return (n, sum);
        }
    }
}

/// <summary>What a reversal did to the books.</summary>
public enum ReversalEffect
{
    /// <summary>The entry is undone now.</summary>
    Reversed,
    /// <summary>It was undone by an earlier reversal; nothing changed.</summary>
    Duplicate,
    /// <summary>No such entry.</summary>
    Unknown
}
