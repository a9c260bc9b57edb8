using System;
using PosTerminal.Crypto;
using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Security
{
    /// <summary>
    /// The terminal's DUKPT originating device (<see cref="DukptTdesDevice"/>, ANSI X9.24-1:2009 A.2, or
    /// <see cref="DukptAesDevice"/>, ANSI X9.24-3-2017) with its whole state (scheme, key registers, KSN) and a short
    /// history of earlier initial key IDs in ONE power-safe record ("dukpt"), so the registers and the counter can
    /// never be saved apart.
    /// <para>
    /// <see cref="Load"/> builds the registers from the initial key and saves them: the initial key itself is never
    /// stored (X9.24-1 A.2 / X9.24-3: the device keeps only keys of future transactions). A load whose key ID was already
    /// used on this terminal with a counter at or above the load KSN's is refused. <see cref="NextTransaction"/>
    /// derives the transaction's keys, advances the device (its register erased, the next ones filled) and saves the
    /// advanced state before handing the keys out; at construction (boot) one counter is burnt the same way, so that
    /// a fall-back to the record's previous copy (a damaged newest copy) can never make a counter be used twice.
    /// Every save writes the record's two copies in turn, so neither keeps the key of a used counter nor, after a
    /// load, the previous key's registers. A failed save leaves the device as the medium holds it: memory and medium
    /// never disagree.
    /// </para>
    /// <para>
    /// Record: [scheme 0 = none, 2 = TDES, 3 = AES][n][n history entries][device state]. History entry (17 bytes):
    /// [scheme][key ID = KSN with its counter bits cleared, zero-padded to 12][highest counter used, u32 BE].
    /// The current key's highest counter is the device's counter minus one. Thread-safe.
    /// </para>
    /// </summary>
    public sealed class DukptState : IDisposable
    {
        /// <summary>Name of the record.</summary>
        public const string RecordName = "dukpt";

        /// <summary>Earlier initial key IDs remembered (with their last counters) to refuse a repeated load.</summary>
        public const int HistoryLength = 8;

        private const int Version = 1;
        private const int HeaderLength = 2;
        private const int KeyIdLength = Ksn.AesLength;
        private const int EntryLength = 1 + KeyIdLength + 4;
        private const int HistoryBytes = HistoryLength * EntryLength;
        private const byte NoScheme = 0;
        private const byte TdesScheme = (byte)KeyScheme.DukptTdes;
        private const byte AesScheme = (byte)KeyScheme.DukptAes;

        private readonly RecordStore _store;
        private readonly object _sync = new object();
        private readonly byte[] _buf = new byte[RecordStore.MaxPayload];
        private readonly byte[] _history = new byte[HistoryBytes];
        private readonly byte[] _keyId = new byte[KeyIdLength];
        private int _historyCount;
        private DukptTdesDevice _tdes;            // at most one of the two holds a key
        private DukptAesDevice _aes;
        private bool _burnPending;

        /// <summary>
        /// The state kept in <paramref name="store"/>: loads the record and, when it holds a usable key, burns one
        /// counter (advance and save), the terminal's boot step. If that save fails it is retried before the next
        /// transaction, which is refused until it succeeds.
        /// </summary>
        public DukptState(RecordStore store)
        {
            if (store == null) throw new ArgumentNullException();
            _store = store;
            lock (_sync)
            {
                Reload();
                _burnPending = Usable();
                BurnIfPending();
            }
        }

        /// <summary>True when an initial key is loaded and it has counters left.</summary>
        public bool HasKey
        {
            get
            {
                lock (_sync) return Usable();
            }
        }

        /// <summary>
        /// The device's KSN register: the KSN the next transaction uses (unless a damaged register is skipped), or,
        /// once exhausted, the last one used; null before an initial key is loaded. (A KSN is not secret.)
        /// </summary>
        public Ksn Current
        {
            get
            {
                lock (_sync)
                {
                    if (_tdes == null && _aes == null) return null;
                    byte[] ksn = new byte[_tdes != null ? Ksn.TdesLength : Ksn.AesLength];
                    if (_tdes != null) _tdes.CopyKsn(ksn, 0);
                    else _aes.CopyKsn(ksn, 0);
                    return new Ksn(ksn, 0, ksn.Length);
                }
            }
        }

        /// <summary>
        /// Loads a DUKPT initial key: a 16-byte TDES IPEK with a 10-byte initial KSN (TDES DUKPT) or an AES initial key
        /// with a 12-byte KSN (AES DUKPT; AES-128 and AES-192 fit the record). The device registers are built and saved
        /// with the new key replacing the old one (remembered in the history); <paramref name="initialKey"/> stays the
        /// caller's, who disposes it, and is not stored. The KSN's counter counts as used (0 for an initial KSN): the
        /// first transaction takes the next one. Refused with <see cref="DukptKeyStatus.KeyIdUsed"/> when this key ID
        /// was used here with a counter at or above it; <see cref="DukptKeyStatus.StorageFailure"/> leaves the old key.
        /// </summary>
        public DukptKeyStatus Load(SecretKey initialKey, Ksn initialKsn)
        {
            if (initialKey == null || initialKsn == null) throw new ArgumentNullException();
            bool aes = initialKsn.IsAes;
            int length = initialKey.Length;
            if (aes ? initialKey.Algorithm != KeyAlgorithm.Aes || (length != 16 && length != 24 && length != 32)
                    : initialKey.Algorithm != KeyAlgorithm.Tdes || length != DukptTdes.KeyLength)
                return DukptKeyStatus.InvalidKey;
            int stateLength = aes ? DukptAesDevice.StateLengthFor(length) : DukptTdesDevice.StateLength;
            if (HeaderLength + HistoryBytes + stateLength > RecordStore.MaxPayload) return DukptKeyStatus.InvalidKey;
            byte scheme = aes ? AesScheme : TdesScheme;
            byte[] ksn = new byte[initialKsn.Length];
            initialKsn.CopyTo(ksn, 0);
            lock (_sync)
            {
                KeyIdOf(ksn, aes, _keyId);
                if (HighestUsed(scheme, _keyId) >= (long)initialKsn.Counter) return DukptKeyStatus.KeyIdUsed;

                DukptTdesDevice tdes = null;
                DukptAesDevice dev = null;
                DukptStatus s;
                if (aes)
                {
                    dev = new DukptAesDevice();
                    s = dev.Load(initialKey.Key, 0, length, ksn, 0);
                }
                else
                {
                    tdes = new DukptTdesDevice();
                    s = tdes.Load(initialKey.Key, 0, ksn, 0);
                }
                if (s != DukptStatus.Ok)
                {
                    if (tdes != null) tdes.Dispose();
                    if (dev != null) dev.Dispose();
                    return DukptKeyStatus.Exhausted;
                }

                byte[] oldHistory = Bytes.Copy(_history, 0, HistoryBytes);
                int oldCount = _historyCount;
                byte[] currentId = new byte[KeyIdLength];
                if (CurrentKeyId(currentId)) Remember(CurrentScheme(), currentId, CurrentHighest());
                Forget(scheme, _keyId);
                return Replace(tdes, dev, oldHistory, oldCount) ? DukptKeyStatus.Ok : DukptKeyStatus.StorageFailure;
            }
        }

        /// <summary>
        /// The keys of the next transaction under <paramref name="scheme"/>: derived from the device's current register
        /// with their KSN (<see cref="TransactionKeys.Ksn"/>), after which the device advances and the advanced state is
        /// saved, all before the keys are returned. The caller disposes <paramref name="keys"/> (null unless Ok).
        /// <see cref="DukptKeyStatus.NoKey"/>, <see cref="DukptKeyStatus.WrongScheme"/>,
        /// <see cref="DukptKeyStatus.Exhausted"/> or <see cref="DukptKeyStatus.StorageFailure"/> otherwise.
        /// </summary>
        public DukptKeyStatus NextTransaction(KeyScheme scheme, out TransactionKeys keys)
        {
            keys = null;
            lock (_sync)
            {
                if (_tdes == null && _aes == null) return DukptKeyStatus.NoKey;
                if ((byte)scheme != CurrentScheme()) return DukptKeyStatus.WrongScheme;
                if (!BurnIfPending()) return DukptKeyStatus.StorageFailure;
                if (!Usable()) return DukptKeyStatus.Exhausted;
                if (Begin() != DukptStatus.Ok)
                {
                    Save();                                     // it ceased while skipping damaged registers
                    return DukptKeyStatus.Exhausted;
                }
                TransactionKeys k = _tdes != null ? TransactionKeys.FromDukpt(_tdes) : TransactionKeys.FromDukpt(_aes);
                End();
                if (!Save())
                {
                    if (k != null) k.Dispose();
                    Reload();
                    return DukptKeyStatus.StorageFailure;
                }
                if (k == null) return DukptKeyStatus.InvalidKey;
                keys = k;
                return DukptKeyStatus.Ok;
            }
        }

        /// <summary>
        /// Erases the loaded key (a factory reset): its key ID and highest counter go into the history, so the same key
        /// cannot later be loaded again at a counter already used, and the record is saved (both copies) without device
        /// registers. Nothing loaded: true, nothing written. False when the save failed (the key then stays).
        /// </summary>
        public bool Erase()
        {
            lock (_sync)
            {
                if (_tdes == null && _aes == null) return true;
                byte[] oldHistory = Bytes.Copy(_history, 0, HistoryBytes);
                int oldCount = _historyCount;
                byte[] currentId = new byte[KeyIdLength];
                CurrentKeyId(currentId);
                Remember(CurrentScheme(), currentId, CurrentHighest());
                return Replace(null, null, oldHistory, oldCount);
            }
        }

        /// <summary>
        /// Firmware before the DUKPT device state kept the initial key in <see cref="KeySlot.DukptInitialKey"/> of the
        /// key store. Erases such a key (from both copies of the key record); the terminal then needs a new initial key.
        /// </summary>
        public static void EraseLegacyInitialKey(KeyStore keys)
        {
            if (keys == null || !keys.Has(KeySlot.DukptInitialKey)) return;
            keys.Remove(KeySlot.DukptInitialKey);
            keys.Remove(KeySlot.DukptInitialKey);         // the record's other copy no longer holds it either
        }

        /// <summary>Wipes the device registers in memory (the record stays as it is).</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                DropDevice();
            }
        }

        // ---------------------------------------------------------------- internals (under _sync)

        // Makes `tdes`/`aes` (at most one non-null; both null: no key) the device and saves it with the history as it now
        // stands. On failure the old device and the history before the change (`oldHistory`, `oldCount`) come back and
        // the new device is wiped; on success the old one is wiped.
        private bool Replace(DukptTdesDevice tdes, DukptAesDevice aes, byte[] oldHistory, int oldCount)
        {
            DukptTdesDevice oldTdes = _tdes;
            DukptAesDevice oldAes = _aes;
            _tdes = tdes;
            _aes = aes;
            if (!Save())
            {
                _tdes = oldTdes;
                _aes = oldAes;
                Array.Copy(oldHistory, _history, HistoryBytes);
                _historyCount = oldCount;
                if (tdes != null) tdes.Dispose();
                if (aes != null) aes.Dispose();
                return false;
            }
            if (oldTdes != null) oldTdes.Dispose();
            if (oldAes != null) oldAes.Dispose();
            _burnPending = false;
            return true;
        }

        private bool BurnIfPending()
        {
            if (!_burnPending) return true;
            if (Usable())
            {
                if (Begin() == DukptStatus.Ok) End();
                if (!Save())
                {
                    Reload();                                   // still pending: retried before the next transaction
                    return false;
                }
            }
            _burnPending = false;
            return true;
        }

        private bool Usable()
        {
            if (_tdes != null) return !_tdes.IsExhausted;
            return _aes != null && !_aes.IsExhausted;
        }

        private DukptStatus Begin()
        {
            return _tdes != null ? _tdes.BeginTransaction() : _aes.BeginTransaction();
        }

        private void End()
        {
            if (_tdes != null) _tdes.EndTransaction();
            else _aes.EndTransaction();
        }

        private byte CurrentScheme()
        {
            return _tdes != null ? TdesScheme : _aes != null ? AesScheme : NoScheme;
        }

        // Every counter up to this one has been used or skipped (the load KSN's counter included); with the boot burn
        // still pending, the device's next counter may have been used too (the record may have fallen back one copy).
        private long CurrentHighest()
        {
            if (_tdes != null && _tdes.IsExhausted) return DukptTdes.CounterMask;
            if (_aes != null && _aes.IsExhausted) return 0xFFFFFFFFL;
            long next = _tdes != null ? _tdes.Counter : _aes.Counter;
            return _burnPending ? next : next - 1;
        }

        private bool CurrentKeyId(byte[] keyId)
        {
            if (_tdes == null && _aes == null) return false;
            byte[] ksn = new byte[_tdes != null ? Ksn.TdesLength : Ksn.AesLength];
            if (_tdes != null) _tdes.CopyKsn(ksn, 0);
            else _aes.CopyKsn(ksn, 0);
            KeyIdOf(ksn, _aes != null, keyId);
            return true;
        }

        // The highest counter used with this key ID here (current key or history), or -1 when it was never loaded.
        private long HighestUsed(byte scheme, byte[] keyId)
        {
            long highest = -1;
            byte[] currentId = new byte[KeyIdLength];
            if (CurrentScheme() == scheme && CurrentKeyId(currentId) && Bytes.Equal(currentId, keyId)) highest = CurrentHighest();
            int i = Find(scheme, keyId);
            if (i >= 0)
            {
                long h = Bytes.ReadUInt32BE(_history, i * EntryLength + 1 + KeyIdLength);
                if (h > highest) highest = h;
            }
            return highest;
        }

        private int Find(byte scheme, byte[] keyId)
        {
            for (int i = 0; i < _historyCount; i++)
            {
                int at = i * EntryLength;
                if (_history[at] == scheme && Bytes.Equal(_history, at + 1, keyId, 0, KeyIdLength)) return i;
            }
            return -1;
        }

        // Adds or raises the entry of a key ID; when the history is full the oldest entry goes.
        private void Remember(byte scheme, byte[] keyId, long highest)
        {
            int i = Find(scheme, keyId);
            if (i >= 0)
            {
                int c = i * EntryLength + 1 + KeyIdLength;
                if (highest > Bytes.ReadUInt32BE(_history, c)) Bytes.WriteUInt32BE((uint)highest, _history, c);
                return;
            }
            if (_historyCount == HistoryLength)
            {
                Array.Copy(_history, EntryLength, _history, 0, HistoryBytes - EntryLength);
                _historyCount--;
            }
            int at = _historyCount * EntryLength;
            _history[at] = scheme;
            Array.Copy(keyId, 0, _history, at + 1, KeyIdLength);
            Bytes.WriteUInt32BE((uint)highest, _history, at + 1 + KeyIdLength);
            _historyCount++;
        }

        // The key ID becomes the current key's: its device state tracks it from now on.
        private void Forget(byte scheme, byte[] keyId)
        {
            int i = Find(scheme, keyId);
            if (i < 0) return;
            Array.Copy(_history, (i + 1) * EntryLength, _history, i * EntryLength, (_historyCount - i - 1) * EntryLength);
            _historyCount--;
            Array.Clear(_history, _historyCount * EntryLength, EntryLength);
        }

        // The KSN without its counter: TDES the 10 bytes with the 21 counter bits cleared, AES the 8-byte initial key
        // ID; zero-padded to 12 bytes.
        private static void KeyIdOf(byte[] ksn, bool aes, byte[] keyId)
        {
            Array.Clear(keyId, 0, KeyIdLength);
            if (aes)
            {
                Array.Copy(ksn, 0, keyId, 0, Ksn.AesInitialKeyIdLength);
                return;
            }
            Array.Copy(ksn, 0, keyId, 0, Ksn.TdesLength);
            DukptTdes.WriteCounter(0, keyId, 0);
        }

        // Writes the record twice: the new image goes into the older copy, then into the other one as well, so that
        // the medium keeps neither the register of the counter just used nor a replaced key's registers. A power cut in
        // the second write leaves the new image in the first. False when the first write failed.
        private bool Save()
        {
            try
            {
                int n = Serialize();
                if (!_store.Save(RecordName, Version, _buf, 0, n)) return false;
                _store.Save(RecordName, Version, _buf, 0, n);
                return true;
            }
            finally
            {
                Array.Clear(_buf, 0, _buf.Length);
            }
        }

        private int Serialize()
        {
            _buf[0] = CurrentScheme();
            _buf[1] = (byte)_historyCount;
            int p = HeaderLength;
            Array.Copy(_history, 0, _buf, p, _historyCount * EntryLength);
            p += _historyCount * EntryLength;
            if (_tdes != null)
            {
                _tdes.Serialize(_buf, p);
                p += DukptTdesDevice.StateLength;
            }
            else if (_aes != null)
            {
                _aes.Serialize(_buf, p);
                p += _aes.StateLength;
            }
            return p;
        }

        // Memory takes what the medium holds (at construction, and after a failed save). A record that does not parse
        // leaves no key.
        private void Reload()
        {
            DropDevice();
            Array.Clear(_history, 0, HistoryBytes);
            _historyCount = 0;
            try
            {
                int version;
                int n = _store.Load(RecordName, _buf, 0, out version);
                if (n < HeaderLength || version != Version) return;
                byte scheme = _buf[0];
                int count = _buf[1];
                int p = HeaderLength + count * EntryLength;
                if (count > HistoryLength || p > n) return;
                if (scheme == TdesScheme)
                {
                    if (n - p != DukptTdesDevice.StateLength) return;
                    DukptTdesDevice d = new DukptTdesDevice();
                    if (!d.Deserialize(_buf, p) || !d.IsLoaded)
                    {
                        d.Dispose();
                        return;
                    }
                    _tdes = d;
                }
                else if (scheme == AesScheme)
                {
                    DukptAesDevice d = new DukptAesDevice();
                    if (!d.Deserialize(_buf, p, n - p) || !d.IsLoaded)
                    {
                        d.Dispose();
                        return;
                    }
                    _aes = d;
                }
                else if (scheme != NoScheme || n != p)
                {
                    return;
                }
                Array.Copy(_buf, HeaderLength, _history, 0, count * EntryLength);
                _historyCount = count;
            }
            finally
            {
                Array.Clear(_buf, 0, _buf.Length);
            }
        }

        private void DropDevice()
        {
            if (_tdes != null) _tdes.Dispose();
            if (_aes != null) _aes.Dispose();
            _tdes = null;
            _aes = null;
        }
    }
}
