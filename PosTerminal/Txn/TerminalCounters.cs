using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The persisted systems trace audit number (F11) and batch number (F60.2). Every STAN handed out is saved
    /// before it is used, so a reboot never reuses one. Both run 000001..999999 and wrap to 000001. Thread-safe: the
    /// console may set them while the sale loop runs.
    /// </summary>
    public sealed class TerminalCounters
    {
        /// <summary>Name of the record in the store.</summary>
        public const string RecordName = "counters";

        /// <summary>Largest STAN or batch number (six digits).</summary>
        public const int MaxValue = 999999;

        private const int Version = 1;
        private readonly RecordStore _store;
        private readonly byte[] _buf = new byte[8];
        private readonly object _sync = new object();
        private int _stan;
        private int _batch;

        /// <summary>Loads the counters from <paramref name="store"/>; a missing record starts at STAN 0 (next 000001), batch 000001.</summary>
        public TerminalCounters(RecordStore store)
        {
            _store = store;
            int version;
            if (_store.Load(RecordName, _buf, 0, out version) == 8)
            {
                _stan = (int)Bytes.ReadUInt32BE(_buf, 0);
                _batch = (int)Bytes.ReadUInt32BE(_buf, 4);
            }
            if (_stan < 0 || _stan > MaxValue) _stan = 0;
            if (_batch < 1 || _batch > MaxValue) _batch = 1;
        }

        /// <summary>The last STAN handed out (0 before the first).</summary>
        public int Stan
        {
            get { return _stan; }
        }

        /// <summary>The current batch number.</summary>
        public int Batch
        {
            get { return _batch; }
        }

        /// <summary>Advances the STAN (999999 wraps to 1), saves it, and returns it. Returns -1 if it could not be saved.</summary>
        public int NextStan()
        {
            lock (_sync)
            {
                int next = _stan >= MaxValue ? 1 : _stan + 1;
                if (!Save(next, _batch)) return -1;
                _stan = next;
                return next;
            }
        }

        /// <summary>The STAN the next request will carry (what <see cref="NextStan"/> returns next).</summary>
        public int UpcomingStan
        {
            get
            {
                lock (_sync) return _stan >= MaxValue ? 1 : _stan + 1;
            }
        }

        /// <summary>True when <paramref name="value"/> is a valid STAN or batch number: 1..999999.</summary>
        public static bool IsValid(int value)
        {
            return value >= 1 && value <= MaxValue;
        }

        /// <summary>
        /// Sets the STAN the next request will carry (a technician's 流水号 setting) and saves it; false when the store
        /// failed (nothing changed). Throws <see cref="System.ArgumentOutOfRangeException"/> outside 1..999999 (check
        /// with <see cref="IsValid"/> first).
        /// </summary>
        public bool SetNextStan(int stan)
        {
            if (!IsValid(stan)) throw new System.ArgumentOutOfRangeException();
            lock (_sync)
            {
                int last = stan - 1;   // NextStan() hands out last + 1; 0 means "none yet", so 1 comes next
                if (!Save(last, _batch)) return false;
                _stan = last;
                return true;
            }
        }

        /// <summary>
        /// Sets the batch number (from sign-on, after settlement, or by a technician) and saves it; false when the store
        /// failed (nothing changed). Throws <see cref="System.ArgumentOutOfRangeException"/> outside 1..999999.
        /// </summary>
        public bool SetBatch(int batch)
        {
            if (!IsValid(batch)) throw new System.ArgumentOutOfRangeException();
            lock (_sync)
            {
                if (!Save(_stan, batch)) return false;
                _batch = batch;
                return true;
            }
        }

        private bool Save(int stan, int batch)
        {
            Bytes.WriteUInt32BE((uint)stan, _buf, 0);
            Bytes.WriteUInt32BE((uint)batch, _buf, 4);
            return _store.Save(RecordName, Version, _buf, 0, 8);
        }
    }
}
