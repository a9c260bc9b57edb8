using System;
using PosTerminal.Crypto;
using PosTerminal.Storage;

namespace PosTerminal.Security
{
    /// <summary>
    /// The terminal's DUKPT key serial number, persisted as a power-safe record ("ksn") and advanced before every
    /// transaction, so that no counter (and therefore no transaction key) is ever used twice, even across a power cut.
    /// </summary>
    public sealed class DukptState
    {
        /// <summary>Name of the record.</summary>
        public const string RecordName = "ksn";

        private const int Version = 1;
        private readonly RecordStore _store;
        private readonly byte[] _buf = new byte[Ksn.AesLength];
        private Ksn _ksn;

        /// <summary>The state kept in <paramref name="store"/>; loads the saved KSN if any.</summary>
        public DukptState(RecordStore store)
        {
            _store = store;
            int version;
            int n = _store.Load(RecordName, _buf, 0, out version);
            if (n == Ksn.TdesLength || n == Ksn.AesLength) _ksn = new Ksn(_buf, 0, n);
        }

        /// <summary>The current KSN (the last one used), or null before the initial key is loaded.</summary>
        public Ksn Current
        {
            get { return _ksn; }
        }

        /// <summary>Starts a new key: the initial KSN (counter 0) of a freshly loaded IPEK or AES initial key. False when it could not be saved.</summary>
        public bool Start(Ksn initial)
        {
            initial.CopyTo(_buf, 0);
            if (!_store.Save(RecordName, Version, _buf, 0, initial.Length)) return false;
            _ksn = new Ksn(_buf, 0, initial.Length);
            return true;
        }

        /// <summary>
        /// Advances to the next usable counter and saves it before it is used. Returns Exhausted when the key has no
        /// counters left (a new initial key must be loaded), and CounterInvalid when none is loaded or it cannot be saved.
        /// </summary>
        public DukptStatus Next()
        {
            if (_ksn == null) return DukptStatus.CounterInvalid;
            Ksn next = new Ksn(_ksn.Bytes, 0, _ksn.Length);
            DukptStatus s = next.Advance();
            if (s != DukptStatus.Ok) return s;
            next.CopyTo(_buf, 0);
            if (!_store.Save(RecordName, Version, _buf, 0, next.Length)) return DukptStatus.CounterInvalid;
            _ksn = next;
            return DukptStatus.Ok;
        }
    }
}
