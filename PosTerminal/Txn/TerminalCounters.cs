using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.Txn
{
    /// <summary>
    /// The persisted systems trace audit number (F11) and batch number (F60.2). Every STAN handed out is saved
    /// before it is used, so a reboot never reuses one. Both run 000001..999999 and wrap to 000001.
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
            int next = _stan >= MaxValue ? 1 : _stan + 1;
            if (!Save(next, _batch)) return -1;
            _stan = next;
            return next;
        }

        /// <summary>Sets the batch number (from sign-on or after settlement) and saves it.</summary>
        public bool SetBatch(int batch)
        {
            if (batch < 1 || batch > MaxValue) throw new System.ArgumentOutOfRangeException();
            if (!Save(_stan, batch)) return false;
            _batch = batch;
            return true;
        }

        private bool Save(int stan, int batch)
        {
            Bytes.WriteUInt32BE((uint)stan, _buf, 0);
            Bytes.WriteUInt32BE((uint)batch, _buf, 4);
            return _store.Save(RecordName, Version, _buf, 0, 8);
        }
    }
}
