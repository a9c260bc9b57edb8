#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;

namespace AcquirerSimulator.Security;

/// <summary>How a terminal's keys are managed.</summary>
public enum TerminalKeyScheme
{
    /// <summary>UnionPay master/session keys: a DES/TDES TMK, working keys issued at sign-on.</summary>
    MasterSession,

    /// <summary>国密 master/session keys: an SM4 TMK and SM4 working keys.</summary>
    MasterSessionSm4,

    /// <summary>TDES DUKPT (ANSI X9.24-1): a 16-byte BDK.</summary>
    DukptTdes,

    /// <summary>AES DUKPT (ANSI X9.24-3): an AES-128/192/256 BDK.</summary>
    DukptAes,
}

/// <summary>
/// A copy of one terminal's key state, owned by the caller (dispose it to wipe the copies). Shows no key bytes.
/// </summary>
public sealed class TerminalKeyState : IDisposable
{
    internal TerminalKeyState(string terminalId, TerminalKeyScheme scheme, HostKey? masterKey, HostKey? bdk,
        CupWorkingKeySet? workingKeys, int? batch, int signOns)
    {
        TerminalId = terminalId;
        Scheme = scheme;
        MasterKey = masterKey;
        Bdk = bdk;
        WorkingKeys = workingKeys;
        Batch = batch;
        SignOns = signOns;
    }

    /// <summary>The terminal id (F41).</summary>
    public string TerminalId { get; }

    /// <summary>The key scheme.</summary>
    public TerminalKeyScheme Scheme { get; }

    /// <summary>The TMK (master/session schemes).</summary>
    public HostKey? MasterKey { get; }

    /// <summary>The BDK (DUKPT schemes).</summary>
    public HostKey? Bdk { get; }

    /// <summary>The working keys issued at the last sign-on (null before the first).</summary>
    public CupWorkingKeySet? WorkingKeys { get; }

    /// <summary>The batch number (F60.2) in force, if any.</summary>
    public int? Batch { get; }

    /// <summary>Sign-ons answered so far.</summary>
    public int SignOns { get; }

    /// <summary>Wipes the copies.</summary>
    public void Dispose()
    {
        MasterKey?.Dispose();
        Bdk?.Dispose();
        WorkingKeys?.Dispose();
    }

    /// <summary>Scheme, check values and batch; never keys.</summary>
    public override string ToString() =>
        $"{TerminalId} {Scheme}" + (MasterKey != null ? $" TMK KCV {MasterKey.CheckValue}" : "")
        + (Bdk != null ? $" BDK KCV {Bdk.CheckValue}" : "") + (WorkingKeys != null ? $" [{WorkingKeys}]" : "")
        + (Batch.HasValue ? $" batch {Batch.Value:D6}" : "");
}

/// <summary>
/// The simulator's key registry: per terminal id its TMK (or BDK and DUKPT scheme), the working keys issued at its last
/// sign-on and its batch number. Keys registered under <see cref="AnyTerminal"/> serve terminals not registered by
/// id (each gets its own entry on first use). Thread-safe: every operation runs under one lock, and callers only ever
/// receive copies, so a sign-on replacing the keys never disturbs a request being verified with the old ones.
/// </summary>
public sealed class TerminalKeys : IDisposable
{
    /// <summary>The id under which default keys are registered.</summary>
    public const string AnyTerminal = "*";

    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public TerminalKeyScheme Scheme;
        public HostKey? MasterKey;
        public HostKey? Bdk;
        public CupWorkingKeySet? WorkingKeys;
        public int? Batch;
        public int SignOns;

        public void Wipe()
        {
            MasterKey?.Dispose();
            Bdk?.Dispose();
            WorkingKeys?.Dispose();
        }
    }

    /// <summary>
    /// Registers (or replaces) a terminal's master key; the scheme is <see cref="TerminalKeyScheme.MasterSessionSm4"/>
    /// for an SM4 key, else <see cref="TerminalKeyScheme.MasterSession"/>. Any issued working keys are dropped. The
    /// key is copied.
    /// </summary>
    public void SetMasterKey(string terminalId, HostKey tmk)
    {
        ArgumentNullException.ThrowIfNull(tmk);
        if (tmk.Algorithm == HostCipherAlgorithm.Aes) throw new ArgumentException("a TMK is DES, TDES or SM4", nameof(tmk));
        TerminalKeyScheme scheme = tmk.Algorithm == HostCipherAlgorithm.Sm4 ? TerminalKeyScheme.MasterSessionSm4 : TerminalKeyScheme.MasterSession;
        Replace(terminalId, new Entry { Scheme = scheme, MasterKey = tmk.Clone() });
    }

    /// <summary>Registers (or replaces) a terminal's DUKPT BDK (16-byte TDES for TDES DUKPT, AES for AES DUKPT). The key is copied.</summary>
    public void SetBdk(string terminalId, HostKey bdk, TerminalKeyScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(bdk);
        bool ok = scheme switch
        {
            TerminalKeyScheme.DukptTdes => bdk.Algorithm == HostCipherAlgorithm.Tdes && bdk.Length == 16,
            TerminalKeyScheme.DukptAes => bdk.Algorithm == HostCipherAlgorithm.Aes,
            _ => false,
        };
        if (!ok) throw new ArgumentException($"a {bdk.Algorithm} key of {bdk.Length} bytes is not a {scheme} BDK", nameof(bdk));
        Replace(terminalId, new Entry { Scheme = scheme, Bdk = bdk.Clone() });
    }

    /// <summary>True when the terminal is registered by id (not only covered by <see cref="AnyTerminal"/>).</summary>
    public bool Contains(string terminalId)
    {
        lock (_lock) return _entries.ContainsKey(terminalId);
    }

    /// <summary>True when keys exist for the terminal, by id or by default.</summary>
    public bool Knows(string terminalId)
    {
        lock (_lock) return Find(terminalId, create: false) != null;
    }

    /// <summary>The registered terminal ids (including <see cref="AnyTerminal"/> if set).</summary>
    public IReadOnlyList<string> TerminalIds
    {
        get
        {
            lock (_lock) return _entries.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Removes a terminal and wipes its keys.</summary>
    public bool Remove(string terminalId)
    {
        lock (_lock)
        {
            if (!_entries.Remove(terminalId, out Entry? e)) return false;
            e.Wipe();
            return true;
        }
    }

    /// <summary>
    /// Answers a sign-on: issues fresh working keys of <paramref name="layout"/> under the terminal's TMK, keeps a copy
    /// as the terminal's current keys (wiping the previous ones), sets the batch number when given and returns the
    /// set (the caller disposes it). False when the terminal has no master key of the right kind for the layout.
    /// </summary>
    public bool TrySignOn(string terminalId, CupKeyLayout layout, int? batch, out CupWorkingKeySet? keys, bool doubleLengthMak = false)
    {
        keys = null;
        lock (_lock)
        {
            Entry? e = Find(terminalId, create: true);
            if (e?.MasterKey == null) return false;
            bool sm4Layout = layout is CupKeyLayout.Sm4Pair40 or CupKeyLayout.Sm4Triple60;
            if (sm4Layout != (e.Scheme == TerminalKeyScheme.MasterSessionSm4)) return false;
            CupWorkingKeySet issued = CupKeyIssuer.Issue(e.MasterKey, layout, doubleLengthMak);
            e.WorkingKeys?.Dispose();
            e.WorkingKeys = issued.Clone();
            if (batch.HasValue) e.Batch = batch;
            e.SignOns++;
            keys = issued;
            return true;
        }
    }

    /// <summary>Installs a known working key set for a terminal (copied), e.g. to start a test already signed on.</summary>
    public bool SetWorkingKeys(string terminalId, CupWorkingKeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            Entry? e = Find(terminalId, create: true);
            if (e?.MasterKey == null) return false;
            e.WorkingKeys?.Dispose();
            e.WorkingKeys = keys.Clone();
            return true;
        }
    }

    /// <summary>Drops the terminal's working keys (it must sign on again).</summary>
    public void ClearWorkingKeys(string terminalId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(terminalId, out Entry? e))
            {
                e.WorkingKeys?.Dispose();
                e.WorkingKeys = null;
            }
        }
    }

    /// <summary>Sets the batch number (F60.2) of a known terminal.</summary>
    public bool SetBatch(string terminalId, int batch)
    {
        if (batch < 0 || batch > 999999) throw new ArgumentOutOfRangeException(nameof(batch));
        lock (_lock)
        {
            Entry? e = Find(terminalId, create: true);
            if (e == null) return false;
            e.Batch = batch;
            return true;
        }
    }

    /// <summary>The batch number in force, if any.</summary>
    public int? BatchOf(string terminalId)
    {
        lock (_lock) return Find(terminalId, create: false)?.Batch;
    }

    /// <summary>A copy of the terminal's key state (the caller disposes it), or null when no keys are known for it.</summary>
    public TerminalKeyState? Get(string terminalId)
    {
        lock (_lock)
        {
            Entry? e = Find(terminalId, create: false);
            if (e == null) return null;
            return new TerminalKeyState(terminalId, e.Scheme, e.MasterKey?.Clone(), e.Bdk?.Clone(), e.WorkingKeys?.Clone(), e.Batch, e.SignOns);
        }
    }

    /// <summary>Wipes every key.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (Entry e in _entries.Values) e.Wipe();
            _entries.Clear();
        }
    }

    /// <summary>The number of entries; never keys.</summary>
    public override string ToString()
    {
        lock (_lock) return $"{_entries.Count} terminal(s)";
    }

    private void Replace(string terminalId, Entry entry)
    {
        if (string.IsNullOrEmpty(terminalId)) throw new ArgumentException("a terminal id", nameof(terminalId));
        lock (_lock)
        {
            if (_entries.TryGetValue(terminalId, out Entry? old)) old.Wipe();
            _entries[terminalId] = entry;
        }
    }

    // Under _lock. The terminal's own entry, else (when create) a fresh entry copied from the default keys.
    private Entry? Find(string terminalId, bool create)
    {
        if (_entries.TryGetValue(terminalId, out Entry? e)) return e;
        if (!_entries.TryGetValue(AnyTerminal, out Entry? d)) return null;
        if (!create || terminalId == AnyTerminal) return d;
        e = new Entry { Scheme = d.Scheme, MasterKey = d.MasterKey?.Clone(), Bdk = d.Bdk?.Clone() };
        _entries[terminalId] = e;
        return e;
    }
}
