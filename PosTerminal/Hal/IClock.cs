using System;

namespace PosTerminal.Hal
{
    /// <summary>Time, injected. Monotonic time for timeouts is kept apart from wall-clock time for message fields.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards. Use for every timeout.</summary>
        long MonotonicMs { get; }

        /// <summary>Local date and time for F12/F13 and receipts; may jump when set from the host or an RTC.</summary>
        DateTime Now { get; }

        /// <summary>UTC date and time for F7 (transmission date and time is GMT in ISO 8583:1987).</summary>
        DateTime UtcNow { get; }
    }
}
