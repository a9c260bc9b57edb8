using System.Collections.Generic;

namespace AcquirerSimulator;

/// <summary>One transaction the host has answered: its key, masked card, amount and answer.</summary>
public sealed record LedgerEntry(
    string TerminalId, string MerchantId, int Stan, int Batch, string MaskedPan, long AmountMinor,
    string ResponseCode, string Rrn, string AuthCode, System.DateTime Time)
{
    /// <summary>True when the host approved it (00).</summary>
    public bool Approved => ResponseCode == "00";
}

/// <summary>
/// The host's books: every answered financial request by terminal, batch and trace number. A repeated
/// request with the same key gets the first answer again and is not booked twice. Thread-safe.
/// </summary>
public sealed class Ledger
{
    private readonly object _sync = new();
    private readonly Dictionary<(string, int, int), LedgerEntry> _byKey = new();
    private readonly List<LedgerEntry> _entries = new();

    /// <summary>The entry for a terminal's batch and STAN, or null.</summary>
    public LedgerEntry Find(string terminalId, int batch, int stan)
    {
        lock (_sync) return _byKey.TryGetValue((terminalId, batch, stan), out LedgerEntry e) ? e : null;
    }

    /// <summary>Books <paramref name="entry"/> unless its key is known; returns the entry in the books.</summary>
    public LedgerEntry Book(LedgerEntry entry)
    {
        lock (_sync)
        {
            if (_byKey.TryGetValue((entry.TerminalId, entry.Batch, entry.Stan), out LedgerEntry known)) return known;
            _byKey[(entry.TerminalId, entry.Batch, entry.Stan)] = entry;
            _entries.Add(entry);
            return entry;
        }
    }

    /// <summary>A snapshot of all entries in booking order.</summary>
    public IReadOnlyList<LedgerEntry> Entries
    {
        get { lock (_sync) return _entries.ToArray(); }
    }

    /// <summary>Count and total (minor units) of approved entries.</summary>
    public (int Count, long Total) ApprovedTotals()
    {
        lock (_sync)
        {
            int n = 0;
            long sum = 0;
            foreach (LedgerEntry e in _entries)
            {
                if (!e.Approved) continue;
                n++;
                sum += e.AmountMinor;
            }
            return (n, sum);
        }
    }
}
