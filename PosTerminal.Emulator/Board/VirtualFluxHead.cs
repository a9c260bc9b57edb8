using System;
using System.Threading;
using PosTerminal.Hal;

namespace PosTerminal.Emulator.Board;

/// <summary>
/// The virtual board's raw magnetic read head: <see cref="Swipe"/> presents the flux intervals of a swipe (from
/// <see cref="SwipeGenerator.Flux"/>), and the next <see cref="Capture"/> returns them, as the ESP32's RMT capture would.
/// A capture waits up to its timeout for a swipe presented from another thread. Thread-safe.
/// </summary>
public sealed class VirtualFluxHead : IFluxCapture
{
    private readonly object _gate = new();
    private int[] _pending;

    /// <summary>Swipes captured so far.</summary>
    public int Captures { get; private set; }

    /// <summary>Presents a swipe (the intervals are copied); it replaces one not yet captured.</summary>
    public void Swipe(int[] intervalsUs)
    {
        ArgumentNullException.ThrowIfNull(intervalsUs);
        lock (_gate)
        {
            if (_pending != null) Array.Clear(_pending);
            _pending = (int[])intervalsUs.Clone();
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc/>
    public int Capture(int[] intervalsUs, int offset, int maxCount, int timeoutMs)
    {
        lock (_gate)
        {
            if (!GateWait.Until(_gate, () => _pending != null, timeoutMs)) return 0;
            int n = Math.Min(_pending.Length, maxCount);
            Array.Copy(_pending, 0, intervalsUs, offset, n);
            Array.Clear(_pending);
            _pending = null;
            Captures++;
            return n;
        }
    }
}
