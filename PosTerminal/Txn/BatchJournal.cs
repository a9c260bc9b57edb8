using System;
using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The terminal's non-volatile transaction journal: the approved transactions of the open batch (for voids and
    /// settlement) and the one pending reversal. Records (see <see cref="RecordStore"/>, power-safe each):
    /// <list type="bullet">
    /// <item>"journal": the commit record. [batch u32][count u16][flags 1][reversal length u16][reversal image]; flag 1 =
    /// a reversal is pending, flag 2 = a settlement closed the batch and the batch counter still has to follow.</item>
    /// <item>"jrnl0".."jrnl{capacity-1}": one entry each, [image of <see cref="BatchEntry"/>].</item>
    /// </list>
    /// Every change that must happen together is one write of "journal": an approval adds its entry (written first, to
    /// a slot the header does not count yet) and clears its reversal in the same header write; a settlement empties the
    /// batch and moves to the next batch number in one header write. A power cut at any byte therefore leaves either the
    /// state before or the state after, never half of one.
    /// </summary>
    public sealed class BatchJournal
    {
        /// <summary>Name of the commit record.</summary>
        public const string RecordName = "journal";

        /// <summary>Entry records are this prefix plus the index.</summary>
        public const string EntryPrefix = "jrnl";

        /// <summary>Default number of transactions a batch holds before new ones are refused ("settle first").</summary>
        public const int DefaultCapacity = 300;

        /// <summary>Largest capacity: the n3 counts of the settlement F48 (<see cref="BatchTotals.MaxCount"/>).</summary>
        public const int MaxCapacity = BatchTotals.MaxCount;

        private const int Version = 1;
        private const int FlagReversal = 1;
        private const int FlagAdvanced = 2;
        private const int HeaderBytes = 9;

        private readonly RecordStore _store;
        private readonly byte[] _buf = new byte[RecordStore.MaxPayload];
        private readonly BatchEntry[] _entries;
        private int _batch;
        private int _count;
        private bool _advanced;
        private PendingReversal _reversal;

        /// <summary>
        /// Loads the journal from <paramref name="store"/>; without one, an empty journal of batch <paramref name="batch"/>.
        /// Entries that do not read back (a damaged medium) end the batch there and set <see cref="Damaged"/>.
        /// </summary>
        internal BatchJournal(RecordStore store, int batch)
        {
            _store = store;
            _entries = new BatchEntry[MaxCapacity];
            _batch = batch;
            int version;
            int n = _store.Load(RecordName, _buf, 0, out version);
            if (n >= HeaderBytes && version == Version)
            {
                _batch = (int)Bytes.ReadUInt32BE(_buf, 0);
                int count = Bytes.ReadUInt16BE(_buf, 4);
                int flags = _buf[6];
                int revLength = Bytes.ReadUInt16BE(_buf, 7);
                _advanced = (flags & FlagAdvanced) != 0;
                if ((flags & FlagReversal) != 0 && HeaderBytes + revLength <= n)
                {
                    _reversal = PendingReversal.Read(_buf, HeaderBytes, HeaderBytes + revLength);
                    if (_reversal == null) Damaged = true;
                }
                if (count > MaxCapacity) count = MaxCapacity;
                for (int i = 0; i < count; i++)
                {
                    BatchEntry e = LoadEntry(i);
                    if (e == null)
                    {
                        Damaged = true;
                        break;
                    }
                    _entries[i] = e;
                    _count = i + 1;
                }
            }
            else if (n >= 0)
            {
                Damaged = true;
            }
            Array.Clear(_buf, 0, _buf.Length);
        }

        /// <summary>Batch number (F60.2) of the open batch.</summary>
        public int Batch
        {
            get { return _batch; }
        }

        /// <summary>Transactions in the open batch.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the journal read back damaged (an entry or the reversal did not decode); what did read is kept.</summary>
        public bool Damaged { get; private set; }

        /// <summary>Entry <paramref name="index"/> (0..Count-1).</summary>
        public BatchEntry Entry(int index)
        {
            if (index < 0 || index >= _count) throw new ArgumentOutOfRangeException();
            return _entries[index];
        }

        /// <summary>Debit and credit counts and amounts of the open batch.</summary>
        public BatchTotals Totals()
        {
            BatchTotals t = new BatchTotals();
            for (int i = 0; i < _count; i++) t.Add(_entries[i]);
            return t;
        }

        /// <summary>The sale (or code sale) with trace number <paramref name="stan"/> in the open batch, or null.</summary>
        public BatchEntry FindSale(int stan)
        {
            for (int i = 0; i < _count; i++)
            {
                BatchEntry e = _entries[i];
                if (e.Stan == stan && !e.IsCredit) return e;
            }
            return null;
        }

        /// <summary>The entry whose F37 is <paramref name="rrn"/>, or null.</summary>
        public BatchEntry FindByRrn(string rrn)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].Rrn == rrn) return _entries[i];
            }
            return null;
        }

        /// <summary>True when a void of the sale with trace number <paramref name="stan"/> is in the batch.</summary>
        public bool IsVoided(int stan)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].OriginalStan == stan && _entries[i].IsCredit) return true;
            }
            return false;
        }

        internal PendingReversal Reversal
        {
            get { return _reversal; }
        }

        /// <summary>True when a settlement closed the batch but the batch counter may not have followed yet.</summary>
        internal bool Advanced
        {
            get { return _advanced; }
        }

        /// <summary>Journals <paramref name="r"/> as the pending reversal (or replaces it); false when the medium failed.</summary>
        internal bool SetReversal(PendingReversal r)
        {
            return Commit(_batch, _count, r, _advanced);
        }

        /// <summary>Drops the pending reversal; false when the medium failed (then it is still pending).</summary>
        internal bool ClearReversal()
        {
            if (_reversal == null) return true;
            return Commit(_batch, _count, null, _advanced);
        }

        /// <summary>
        /// Adds <paramref name="e"/> to the batch and, when <paramref name="clearReversal"/>, drops the pending reversal in
        /// the same commit. False when the medium failed: then neither happened.
        /// </summary>
        internal bool Append(BatchEntry e, bool clearReversal, int capacity)
        {
            if (_count >= capacity || _count >= MaxCapacity) return false;
            int n = e.Write(_buf, 0);
            bool ok = _store.Save(EntryPrefix + _count.ToString(), Version, _buf, 0, n);
            Array.Clear(_buf, 0, n);
            if (!ok) return false;
            _entries[_count] = e;
            if (!Commit(_batch, _count + 1, clearReversal ? null : _reversal, _advanced))
            {
                _entries[_count] = null;
                return false;
            }
            return true;
        }

        /// <summary>
        /// Closes the settled batch: empty, batch number <paramref name="nextBatch"/>, the "advanced" flag set until the
        /// batch counter has followed (<see cref="AcknowledgeAdvance"/>). One commit. False when the medium failed.
        /// </summary>
        internal bool CloseBatch(int nextBatch)
        {
            if (!Commit(nextBatch, 0, _reversal, true)) return false;
            for (int i = 0; i < _entries.Length; i++) _entries[i] = null;
            return true;
        }

        /// <summary>Clears the "advanced" flag once the batch counter holds the journal's batch number.</summary>
        internal bool AcknowledgeAdvance()
        {
            if (!_advanced) return true;
            return Commit(_batch, _count, _reversal, false);
        }

        /// <summary>
        /// Moves an empty journal to batch <paramref name="batch"/> (a sign-on brought a new batch number); false when the
        /// batch holds transactions (they must be settled under their own number) or the medium failed.
        /// </summary>
        internal bool Renumber(int batch)
        {
            if (batch == _batch) return true;
            if (_count > 0) return false;
            return Commit(batch, 0, _reversal, false);
        }

        private bool Commit(int batch, int count, PendingReversal reversal, bool advanced)
        {
            Bytes.WriteUInt32BE((uint)batch, _buf, 0);
            Bytes.WriteUInt16BE(count, _buf, 4);
            _buf[6] = (byte)((reversal != null ? FlagReversal : 0) | (advanced ? FlagAdvanced : 0));
            int revLength = reversal != null ? reversal.Write(_buf, HeaderBytes) : 0;
            Bytes.WriteUInt16BE(revLength, _buf, 7);
            bool ok = _store.Save(RecordName, Version, _buf, 0, HeaderBytes + revLength);
            Array.Clear(_buf, 0, HeaderBytes + revLength);
            if (!ok) return false;
            _batch = batch;
            _count = count;
            _reversal = reversal;
            _advanced = advanced;
            return true;
        }

        private BatchEntry LoadEntry(int index)
        {
            int version;
            int n = _store.Load(EntryPrefix + index.ToString(), _buf, 0, out version);
            if (n < 0 || version != Version) return null;
            BatchEntry e = BatchEntry.Read(_buf, 0, n);
            if (e == null || e.Batch != _batch) return null;
            return e;
        }
    }
}
