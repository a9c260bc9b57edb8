using System;
using PosTerminal.Hal;
using PosTerminal.Storage;
using PosTerminal.Util;

namespace PosTerminal.TechConsole
{
    /// <summary>
    /// Counts wrong console passwords (all roles together) and locks the console after
    /// <see cref="ConsoleSettings.LockoutThreshold"/> of them in a row: 30 s at the threshold, doubling with each
    /// further wrong password, at most <see cref="ConsoleSettings.LockoutMaxMs"/>. A right password resets the count.
    /// </summary>
    /// <remarks>
    /// The count lives in the power-safe record <see cref="RecordName"/> (payload: failures, u16 big-endian) and is
    /// written <em>before</em> a password is checked (<see cref="BeginAttempt"/>), as smart cards decrement their PIN
    /// try counter first: pulling the power while a wrong password is being checked still costs a try. The monotonic
    /// clock restarts at boot, so a lockout cannot be kept as a point in time: <see cref="Load"/> re-arms the full
    /// lockout of the stored count from the moment of boot. Rebooting therefore never shortens a lockout (it may lengthen
    /// it). If the medium fails, the count is still kept in RAM.
    /// </remarks>
    public sealed class LoginGuard
    {
        /// <summary>The record holding the failure count.</summary>
        public const string RecordName = "console-lock";

        private const int RecordVersion = 1;

        private readonly RecordStore _records;
        private readonly IClock _clock;
        private readonly ConsoleSettings _settings;
        private readonly byte[] _payload = new byte[2];
        private int _failures;
        private long _lockedUntilMs;
        private bool _locked;

        /// <summary>A guard keeping its count in <paramref name="records"/>. No I/O here: call <see cref="Load"/>.</summary>
        public LoginGuard(RecordStore records, IClock clock, ConsoleSettings settings)
        {
            if (records == null || clock == null || settings == null) throw new ArgumentNullException();
            _records = records;
            _clock = clock;
            _settings = settings;
        }

        /// <summary>Consecutive wrong passwords so far.</summary>
        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>True while the console refuses logins.</summary>
        public bool IsLocked
        {
            get { return RemainingMs > 0; }
        }

        /// <summary>Milliseconds until logins are accepted again; 0 when not locked.</summary>
        public long RemainingMs
        {
            get
            {
                if (!_locked) return 0;
                long r = _lockedUntilMs - _clock.MonotonicMs;
                return r > 0 ? r : 0;
            }
        }

        /// <summary>Reads the stored count (at boot) and re-arms its lockout from now.</summary>
        public void Load()
        {
            int version;
            int n = _records.Load(RecordName, _payload, 0, out version);
            _failures = n == 2 && version == RecordVersion ? Bytes.ReadUInt16BE(_payload, 0) : 0;
            _locked = false;
            Arm();
        }

        /// <summary>Counts the attempt as failed, persistently, before the password is checked.</summary>
        public void BeginAttempt()
        {
            if (_failures < 0xFFFF) _failures++;
            Save();
        }

        /// <summary>The password was wrong: locks the console when the count calls for it.</summary>
        public void Failed()
        {
            Arm();
        }

        /// <summary>The password was right: the count goes back to 0.</summary>
        public void Succeeded()
        {
            _locked = false;
            if (_failures == 0) return;
            _failures = 0;
            Save();
        }

        /// <summary>
        /// The lockout after <paramref name="failures"/> wrong passwords: 0 below the threshold, then the base time
        /// doubled once per failure beyond the threshold, capped.
        /// </summary>
        public long LockoutMs(int failures)
        {
            if (failures < _settings.LockoutThreshold) return 0;
            long ms = _settings.LockoutBaseMs;
            for (int i = _settings.LockoutThreshold; i < failures && ms < _settings.LockoutMaxMs; i++) ms *= 2;
            return ms < _settings.LockoutMaxMs ? ms : _settings.LockoutMaxMs;
        }

        private void Arm()
        {
            long ms = LockoutMs(_failures);
            if (ms <= 0) return;
            _locked = true;
            _lockedUntilMs = _clock.MonotonicMs + ms;
        }

        private void Save()
        {
            Bytes.WriteUInt16BE(_failures, _payload, 0);
            _records.Save(RecordName, RecordVersion, _payload, 0, 2);
        }
    }
}
