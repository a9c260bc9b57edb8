using System;
using System.Diagnostics;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Host;

/// <summary>The PC's clocks: Stopwatch for monotonic time, local time for message fields.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    /// <inheritdoc />
    public long MonotonicMs => _watch.ElapsedMilliseconds;

    /// <inheritdoc />
    public DateTime Now => DateTime.Now;

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;
}
