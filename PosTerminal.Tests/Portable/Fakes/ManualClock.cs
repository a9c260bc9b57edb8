using System;
using PosTerminal.Hal;

namespace PosTerminal.Tests.Fakes
{
    /// <summary>A clock that moves only when told to.</summary>
    public sealed class ManualClock : IClock
    {
        private long _ms;
        private DateTime _now = new DateTime(2026, 11, 27, 10, 30, 15);

        /// <summary>Milliseconds since the start of the test.</summary>
        public long MonotonicMs
        {
            get { return _ms; }
        }

        /// <summary>Local time (starts at 2026-11-27 10:30:15).</summary>
        public DateTime Now
        {
            get { return _now; }
        }

        /// <summary>UTC: local time minus 8 hours (the test terminal sits at UTC+08:00).</summary>
        public DateTime UtcNow
        {
            get { return _now.AddHours(-8); }
        }

        /// <summary>Moves both clocks forward.</summary>
        public void Advance(int ms)
        {
            _ms += ms;
            _now = _now.AddMilliseconds(ms);
        }
    }
}
